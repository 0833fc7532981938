import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiPath, CompanySummary } from '../../../../shared/domain.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useUpdateCompany } from '../../hooks/useCompanies.ts';
import { useReadOnly } from '../../hooks/useReadOnly.ts';
import { notifySuccess } from '../../lib/notify.ts';

export interface CompanyEditModalProps {
  company: CompanySummary;
  /** Offers the test/production choice, which applies only to ANAF accounts. */
  canChooseApi: boolean;
  onClose: () => void;
}

export function CompanyEditModal({ company, canChooseApi, onClose }: CompanyEditModalProps) {
  const { t } = useTranslation();
  const update = useUpdateCompany();
  const readOnly = useReadOnly();
  const [name, setName] = useState(company.name);
  const [api, setApi] = useState<ApiPath>(company.api);

  const save = (): void => {
    update.mutate(
      { cif: company.cif, name: name.trim(), ...(canChooseApi ? { api } : {}) },
      {
        onSuccess: () => {
          notifySuccess(t('companies.saved'));
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('companies.renameLabel', { name: company.name || company.cif })}>
      <Stack gap="sm">
        <TextInput label={t('companies.name')} value={name} onChange={(event) => setName(event.currentTarget.value)} data-autofocus />
        {canChooseApi ? (
          <Select
            label={t('companies.api')}
            value={api}
            onChange={(value) => setApi(value === 'prod' ? 'prod' : 'test')}
            allowDeselect={false}
            data={[
              { value: 'test', label: t('companies.apiTest') },
              { value: 'prod', label: t('companies.apiProd') },
            ]}
          />
        ) : null}
        {update.error ? <ErrorAlert error={update.error} /> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={save} loading={update.isPending} disabled={readOnly}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
