import { Badge, Button, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UploadRecord } from '../../../../shared/domain.ts';
import { AnafErrorTable } from '../../components/anaf/AnafErrorTable.tsx';
import { StatusTimeline } from '../../components/StatusTimeline.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { uploadNoteText } from '../../lib/note-text.ts';
import { UPLOAD_STATE_LOOK } from '../../lib/upload/states.ts';
import { STATE_KEYS } from './labels.ts';
import { UnknownOutcomeDecision } from './UnknownOutcomeDecision.tsx';

/** Shows one upload's live state, its timeline, ANAF's errors and, when needed, the user's decision. */
export interface UploadHistoryRowProps {
  record: UploadRecord;
  companyName: string;
  /** Names another upload (for duplicates and corrections) from its id. */
  describeUpload: (id: string) => string;
}

export function UploadHistoryRow({ record, companyName, describeUpload }: UploadHistoryRowProps) {
  const { t, i18n } = useTranslation();
  // A rejection is what the user came to read, so its errors are open until
  // the user closes them, also when the rejection arrives while watching.
  const [toggled, setToggled] = useState<boolean | null>(null);
  const showErrors = toggled ?? (record.state === 'rejected' || record.state === 'failed');
  const look = UPLOAD_STATE_LOOK[record.state];

  const detailsOpen = (showErrors && record.errors.length > 0) || record.state === 'needsDecision';
  const note = uploadNoteText(t, record, { language: i18n.language, describeUpload });

  return (
    <>
      <Table.Tr data-state={record.state}>
        <Table.Td>
          <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }}>
            {record.fileName}
          </Text>
          <Text size="xs" c="dimmed">
            {companyName} · {record.standard}
          </Text>
        </Table.Td>
        <Table.Td>
          <Stack gap={4}>
            <Badge color={look.color} variant={look.final ? 'filled' : 'light'}>
              {t(STATE_KEYS[record.state])}
            </Badge>
            <StatusTimeline state={record.state} name={record.fileName} />
          </Stack>
        </Table.Td>
        <Table.Td ff="monospace">{record.uploadIndex ?? t('common.none')}</Table.Td>
        <Table.Td>{formatDateTime(record.updatedAt, i18n.language)}</Table.Td>
        <Table.Td>
          <Stack gap={2} align="flex-start">
            {record.duplicateOf ? (
              <Text size="sm" c="orange">
                {t('upload.duplicateOf', { id: describeUpload(record.duplicateOf) })}
              </Text>
            ) : null}
            {record.replaces ? <Text size="sm">{t('upload.replaces', { id: describeUpload(record.replaces) })}</Text> : null}
            {note ? <Text size="sm">{note}</Text> : null}
            {record.errors.length > 0 ? (
              <Button size="compact-xs" variant="subtle" color="red" onClick={() => setToggled(!showErrors)} aria-expanded={showErrors}>
                {t('upload.showErrors', { count: record.errors.length })}
              </Button>
            ) : null}
          </Stack>
        </Table.Td>
      </Table.Tr>
      {detailsOpen ? (
        <Table.Tr data-details-of={record.id}>
          <Table.Td colSpan={5} pt={0}>
            {showErrors && record.errors.length > 0 ? <AnafErrorTable errors={record.errors} /> : null}
            {record.state === 'needsDecision' ? <UnknownOutcomeDecision record={record} /> : null}
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}
