import { Alert, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '../queries.ts';

export function HomeScreen() {
  const { t } = useTranslation();
  const info = useAppInfo();
  return (
    <Stack maw={720}>
      <Title order={2}>{t('home.heading')}</Title>
      <Text>{t('home.intro')}</Text>
      {info.error ? <Alert color="red">{t('errors.generic', { message: info.error.message })}</Alert> : null}
      {info.data ? (
        <Table withTableBorder>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th>{t('home.shell')}</Table.Th>
              <Table.Td>{info.data.shell === 'electron' ? t('home.shellElectron') : t('home.shellBrowser')}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('home.dataDir')}</Table.Th>
              <Table.Td>{info.data.dataDir}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>{t('home.version')}</Table.Th>
              <Table.Td>{info.data.version}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      ) : null}
      {info.data?.readOnlyReason ? <Alert color="orange">{info.data.readOnlyReason}</Alert> : null}
    </Stack>
  );
}
