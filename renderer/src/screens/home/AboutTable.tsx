import { Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../shared/ipc/contract.ts';

export function AboutTable({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="about-heading">
      <Title order={3} size="h5" id="about-heading" mb={4}>
        {t('home.about')}
      </Title>
      <Table withTableBorder maw={720} fz="sm">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={180}>{t('home.shell')}</Table.Th>
            <Table.Td>{info.shell === 'electron' ? t('home.shellElectron') : t('home.shellBrowser')}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('home.dataDir')}</Table.Th>
            <Table.Td>{info.dataDir}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th>{t('home.version')}</Table.Th>
            <Table.Td>{info.version}</Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </section>
  );
}
