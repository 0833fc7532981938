import { Badge, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CertificatePickerEntry } from '../../../../shared/domain.ts';
import { formatDateTime } from '../../lib/format.ts';

export interface CertificatePickerModalProps {
  entries: CertificatePickerEntry[];
  /** Called once with the chosen certificate's id, or null when the user cancels. */
  onAnswer: (certificateId: string | null) => void;
}

/** Lets the user pick, of several certificates the login window met, the one to present to ANAF. */
export function CertificatePickerModal({ entries, onAnswer }: CertificatePickerModalProps) {
  const { t, i18n } = useTranslation();
  const usable = entries.filter((entry) => !entry.expired && !entry.notYetValid);
  const [choice, setChoice] = useState<string | null>(usable[0]?.id ?? null);
  const validity = (entry: CertificatePickerEntry): string =>
    [entry.validFrom, entry.validTo].map((time) => (time === null ? '?' : formatDateTime(new Date(time).toISOString(), i18n.language))).join(' – ');

  return (
    <Modal opened onClose={() => onAnswer(null)} title={t('login.pickTitle')} size="lg">
      <Stack gap="sm">
        <Text size="sm">{t('login.pickText')}</Text>
        <Radio.Group value={choice} onChange={setChoice} aria-label={t('login.pickTitle')}>
          <Stack gap="xs">
            {entries.map((entry) => (
              <Radio.Card key={entry.id} value={entry.id} p="sm" withBorder disabled={entry.expired || entry.notYetValid}>
                <Group wrap="nowrap" align="flex-start">
                  <Radio.Indicator size="xs" mt={4} />
                  <div>
                    <Text size="sm" fw={600}>
                      {entry.subject}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('accounts.issuer')}: {entry.issuer ?? t('common.unknown')} · {t('accounts.serial')}: {entry.serial}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t('login.validity', { range: validity(entry) })}
                    </Text>
                    {entry.expired ? <Badge color="red" size="xs">{t('login.expired')}</Badge> : null}
                    {entry.notYetValid ? <Badge color="orange" size="xs">{t('login.notYetValid')}</Badge> : null}
                  </div>
                </Group>
              </Radio.Card>
            ))}
          </Stack>
        </Radio.Group>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => onAnswer(null)}>
            {t('common.cancel')}
          </Button>
          <Button disabled={!choice} onClick={() => onAnswer(choice)}>
            {t('login.useCertificate')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
