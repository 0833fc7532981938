import { Button, Group, Paper, Select, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary, ApiPath } from '../../../../shared/domain.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useAddCompany, useCompanies } from '../../hooks/useCompanies.ts';
import { useReadOnly } from '../../hooks/useReadOnly.ts';
import { checkCifInput } from '../../lib/cif-input.ts';
import { notifySuccess } from '../../lib/notify.ts';

export interface AddCompanyFormProps {
  accounts: AccountSummary[];
  defaultApi: ApiPath;
}

/** Adds a company by CIF: normalised and checked here, then `companies.add`. */
export function AddCompanyForm({ accounts, defaultApi }: AddCompanyFormProps) {
  const { t } = useTranslation();
  const add = useAddCompany();
  const readOnly = useReadOnly();
  // Editing a field clears a failure, and never a running add.
  const clearAddError = (): void => {
    if (add.isError) add.reset();
  };
  const { dataUpdatedAt: listUpdatedAt } = useCompanies();
  // A later change to the list (an add, sync, rename or removal, here or in
  // another window) makes an earlier failure out of date, so it is hidden.
  // It is not reset: resetting drops the callbacks of a running `mutate`.
  const [listAtFailure, setListAtFailure] = useState<number | null>(null);
  if (add.isError && listAtFailure === null) setListAtFailure(listUpdatedAt);
  if (!add.isError && listAtFailure !== null) setListAtFailure(null);
  const addError = add.isError && (listAtFailure === null || listAtFailure === listUpdatedAt) ? add.error : null;
  const [cifText, setCifText] = useState('');
  const [name, setName] = useState('');
  const [accountId, setAccountId] = useState<string | null>(accounts[0]?.id ?? null);
  // Null until the user picks a path, so a default that changes meanwhile still applies.
  const [chosenApi, setChosenApi] = useState<ApiPath | null>(null);
  const api = chosenApi ?? defaultApi;
  const [cifError, setCifError] = useState<string | null>(null);
  const account = accounts.find((item) => item.id === accountId) ?? accounts[0];

  const describeCifProblem = (value: string): string | null => {
    const check = checkCifInput(value);
    if (check.ok) return null;
    if (check.reason === 'empty') return t('firstRun.required');
    const reason = check.reason === 'digits' ? t('companies.cifDigits') : t('companies.cifCheckDigit', { expected: check.expected });
    return t('companies.cifInvalid', { reason });
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const check = checkCifInput(cifText);
    setCifError(describeCifProblem(cifText));
    if (!check.ok || !account || readOnly) return;
    const input = {
      cif: check.cif,
      accountId: account.id,
      ...(name.trim() ? { name: name.trim() } : {}),
      ...(account.provider === 'anaf' ? { api } : {}),
    };
    add.mutate(input, {
      onSuccess: (company) => {
        notifySuccess(t('companies.added', { name: company.name || company.cif }));
        setCifText('');
        setName('');
      },
    });
  };

  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="xs">
        {t('companies.addHeading')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <TextInput
            label={t('companies.cif')}
            placeholder={t('companies.cifPlaceholder')}
            value={cifText}
            onChange={(event) => {
              setCifText(event.currentTarget.value);
              clearAddError();
            }}
            onBlur={() => setCifError(cifText ? describeCifProblem(cifText) : null)}
            error={cifError}
            required
            disabled={readOnly}
            w={210}
          />
          <TextInput
            label={t('companies.name')}
            placeholder={t('companies.namePlaceholder')}
            value={name}
            onChange={(event) => {
              setName(event.currentTarget.value);
              clearAddError();
            }}
            disabled={readOnly}
            w={260}
          />
          <Select
            label={t('companies.account')}
            value={account?.id ?? null}
            onChange={(value) => {
              setAccountId(value);
              clearAddError();
            }}
            allowDeselect={false}
            data={accounts.map((item) => ({ value: item.id, label: item.certificateSubject }))}
            disabled={readOnly}
            w={260}
          />
          {account?.provider === 'anaf' ? (
            <Select
              label={t('companies.api')}
              value={api}
              onChange={(value) => {
                setChosenApi(value === 'prod' ? 'prod' : 'test');
                clearAddError();
              }}
              allowDeselect={false}
              data={[
                { value: 'test', label: t('companies.apiTest') },
                { value: 'prod', label: t('companies.apiProd') },
              ]}
              disabled={readOnly}
              w={140}
            />
          ) : null}
          <Button type="submit" mt={25} loading={add.isPending} disabled={readOnly}>
            {t('companies.add')}
          </Button>
        </Group>
      </form>
      {addError ? <ErrorAlert error={addError} /> : null}
    </Paper>
  );
}
