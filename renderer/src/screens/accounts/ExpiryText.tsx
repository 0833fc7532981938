import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format.ts';
import { EXPIRY_COLORS, expiryOf } from '../../lib/expiry.ts';

/** Shows one token's end: the date and a coloured count of days left. */
export function ExpiryText({ label, time, now }: { label: string; time: string | null; now: number }) {
  const { t, i18n } = useTranslation();
  const expiry = expiryOf(time, now);
  const badge =
    expiry.level === 'unknown'
      ? t('accounts.unknownExpiry')
      : expiry.level === 'expired'
        ? t('accounts.expired')
        : t('accounts.daysLeft', { count: expiry.daysLeft ?? 0 });
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Group gap={6}>
        {time ? <Text size="sm">{t('accounts.expiresOn', { date: formatDateTime(time, i18n.language) })}</Text> : null}
        <Badge size="sm" variant="light" color={EXPIRY_COLORS[expiry.level]}>
          {badge}
        </Badge>
      </Group>
    </div>
  );
}
