import { Button, EmptyState, Group, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useCompanies } from '../hooks/useCompanies.ts';
import { useUploadSession } from '../hooks/useUploadSession.ts';
import { companyLabel } from '../lib/company-label.ts';
import { useNavigation } from '../navigation.ts';
import { ReviewTable } from './upload/ReviewTable.tsx';
import { UploadHistory } from './upload/UploadHistory.tsx';
import { UploadPickers } from './upload/UploadPickers.tsx';

export function UploadScreen() {
  const { t } = useTranslation();
  const companies = useCompanies();
  const session = useUploadSession();
  const { navigate } = useNavigation();
  const list = companies.data ?? [];
  const { cif, setCif } = session;

  // The first company is the upload company until the user picks another.
  const firstCif = list[0]?.cif ?? null;
  useEffect(() => {
    if (!cif && firstCif) setCif(firstCif);
  }, [cif, firstCif, setCif]);

  return (
    <Stack gap="md" maw={1200}>
      <Title order={2}>{t('upload.heading')}</Title>
      <Text size="sm">{t('upload.intro')}</Text>
      {companies.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {companies.error ? <ErrorAlert error={companies.error} onRetry={() => void companies.refetch()} /> : null}
      {companies.isSuccess && list.length === 0 ? (
        <EmptyState title={t('upload.noCompanyTitle')} description={t('upload.noCompanyText')}>
          <Button mt="sm" onClick={() => navigate({ screen: 'companies' })}>
            {t('nav.companies')}
          </Button>
        </EmptyState>
      ) : null}
      {list.length > 0 ? (
        <Paper withBorder p="sm">
          <Group align="flex-end" justify="space-between" wrap="wrap">
            <Select
              w={340}
              label={t('upload.company')}
              description={t('upload.companyHelp')}
              value={cif}
              allowDeselect={false}
              searchable
              data={list.map((company) => ({ value: company.cif, label: companyLabel(company) }))}
              onChange={(value) => value && setCif(value)}
            />
            <UploadPickers />
          </Group>
          <Text size="xs" c="dimmed" mt="xs">
            {t('upload.dropHint')}
          </Text>
        </Paper>
      ) : null}
      <ReviewTable />
      <UploadHistory companies={list} />
    </Stack>
  );
}
