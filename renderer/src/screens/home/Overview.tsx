import { Button, Group, Paper, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCompanies } from '../../hooks/useCompanies.ts';
import { useNavigation } from '../../navigation.ts';

function Figure({ label, value, color }: { label: string; value: number; color?: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={600} c={value > 0 ? color : undefined}>
        {value}
      </Text>
    </Paper>
  );
}

/** Counts across the followed companies, with the two most common next steps. */
export function Overview({ accountCount }: { accountCount: number }) {
  const { t } = useTranslation();
  const companies = useCompanies();
  const { navigate } = useNavigation();
  const list = companies.data ?? [];
  const newReceived = list.reduce((sum, company) => sum + company.newReceivedCount, 0);
  const rejected = list.reduce((sum, company) => sum + company.rejectedUploadCount, 0);

  return (
    <section aria-labelledby="overview-heading">
      <Title order={3} size="h5" id="overview-heading" mb={4}>
        {t('home.overview')}
      </Title>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Figure label={t('home.companies')} value={list.length} />
        <Figure label={t('home.newReceived')} value={newReceived} color="blue" />
        <Figure label={t('home.rejectedUploads')} value={rejected} color="red" />
        <Figure label={t('home.accounts')} value={accountCount} />
      </SimpleGrid>
      {companies.isSuccess && list.length === 0 ? (
        <Text size="sm" mt="sm">
          {t('home.addCompanyHint')}
        </Text>
      ) : null}
      <Group mt="sm">
        <Button variant="light" onClick={() => navigate({ screen: 'companies' })}>
          {t('home.openCompanies')}
        </Button>
        <Button variant="light" onClick={() => navigate({ screen: 'upload' })}>
          {t('home.openUpload')}
        </Button>
      </Group>
    </section>
  );
}
