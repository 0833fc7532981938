import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CompanySummary } from '../../../../shared/domain.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useRemoveCompany } from '../../hooks/useCompanies.ts';
import { useReadOnly } from '../../hooks/useReadOnly.ts';
import { notifySuccess } from '../../lib/notify.ts';

export function CompanyRemoveModal({ company, onClose }: { company: CompanySummary; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useRemoveCompany();
  const readOnly = useReadOnly();
  const name = company.name || company.cif;
  return (
    <Modal opened onClose={onClose} title={t('companies.removeTitle', { name })}>
      <Stack gap="sm">
        <Text size="sm">{t('companies.removeText')}</Text>
        {remove.error ? <ErrorAlert error={remove.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            disabled={readOnly}
            onClick={() =>
              remove.mutate(company.cif, {
                onSuccess: () => {
                  notifySuccess(t('companies.removed'));
                  onClose();
                },
              })
            }
          >
            {t('common.remove')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
