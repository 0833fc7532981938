import { Badge, Checkbox, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { localizeError } from '../../lib/error-text.ts';
import { formatBytes, formatDate } from '../../lib/format.ts';
import { uploadProblemText } from '../../lib/upload/problem-text.ts';
import { groupProblems, verdictOf, type FileReview } from '../../lib/upload/review.ts';
import { LOCAL_PROBLEM_KEYS, VERDICT_COLORS, VERDICT_KEYS } from './labels.ts';

export interface ReviewRowProps {
  review: FileReview;
  confirmed: boolean;
  onConfirm: (value: boolean) => void;
  /** Names an earlier upload from its id. */
  describeUpload: (id: string) => string;
  /** The CIF the files are uploaded for, named in some problems. */
  uploadCif: string | null;
}

/** One file before sending: what main found in it, and the confirmation it needs. */
export function ReviewRow({ review, confirmed, onConfirm, describeUpload, uploadCif }: ReviewRowProps) {
  const { t, i18n } = useTranslation();
  const verdict = verdictOf(review);
  const problems = review.check ? groupProblems(review.check.problems) : { blocking: [], warnings: [] };
  const check = review.check;
  const invoice = check ? [check.number, formatDate(check.issueDate, i18n.language), check.standard].filter(Boolean).join(' · ') : '';
  const context = { fileName: review.name, sellerCif: check?.sellerCif ?? null, uploadCif };

  return (
    <Table.Tr data-verdict={verdict}>
      <Table.Td>
        <Text size="sm" fw={500} style={{ wordBreak: 'break-all' }}>
          {review.name}
        </Text>
        <Text size="xs" c="dimmed">
          {formatBytes(review.size, i18n.language)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Badge color={VERDICT_COLORS[verdict]} variant={verdict === 'ready' ? 'light' : 'filled'}>
          {t(VERDICT_KEYS[verdict])}
        </Badge>
      </Table.Td>
      <Table.Td>
        <Stack gap={2}>
          {invoice ? <Text size="sm">{invoice}</Text> : null}
          {review.local ? (
            <Text size="sm" c="red">
              {t(LOCAL_PROBLEM_KEYS[review.local], { size: formatBytes(review.size, i18n.language) })}
            </Text>
          ) : null}
          {review.checkError ? (
            <Text size="sm" c="red">
              {t('upload.checkFailed', { message: localizeError(t, review.checkError).message })}
            </Text>
          ) : null}
          {problems.blocking.map((problem) => (
            <Text size="sm" c="red" key={`b-${problem.code}`}>
              {uploadProblemText(t, problem, context)}
            </Text>
          ))}
          {problems.warnings.map((problem) => (
            <Text size="sm" c="orange" key={`w-${problem.code}`}>
              {uploadProblemText(t, problem, context)}
            </Text>
          ))}
          {check?.earlierUpload ? (
            <Text size="sm" c="orange">
              {t('upload.earlierUpload', { id: describeUpload(check.earlierUpload) })}
            </Text>
          ) : null}
          {verdict === 'confirm' ? (
            <Checkbox
              size="xs"
              mt={2}
              label={t('upload.confirm')}
              aria-label={t('upload.confirmLabel', { name: review.name })}
              checked={confirmed}
              onChange={(event) => onConfirm(event.currentTarget.checked)}
            />
          ) : null}
        </Stack>
      </Table.Td>
    </Table.Tr>
  );
}
