import { Alert, Button, Group, List, Loader, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AccountSummary } from '../../../../shared/domain.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLoginAnaf } from '../../hooks/useAccounts.ts';
import { DEFAULT_CALLBACK_URL, validateAnafForm, type AnafFormErrors, type AnafFormValues } from './anaf-form.ts';

/** Asks for the registered application's credentials, explains where they come from, and logs in to ANAF. */
export function AnafLogin({ onLoggedIn }: { onLoggedIn: (account: AccountSummary) => void }) {
  const { t } = useTranslation();
  const login = useLoginAnaf();
  const [values, setValues] = useState<AnafFormValues>({ clientId: '', clientSecret: '', redirectUri: DEFAULT_CALLBACK_URL });
  const [errors, setErrors] = useState<AnafFormErrors>({});

  const change = (field: keyof AnafFormValues) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [field]: value }));
  };
  const errorText = (field: keyof AnafFormValues): string | undefined => {
    const error = errors[field];
    return error ? t(`firstRun.${error}`) : undefined;
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const found = validateAnafForm(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    // mutateAsync, because storing the account may unmount this form before a per-call callback runs.
    login
      .mutateAsync({ clientId: values.clientId.trim(), clientSecret: values.clientSecret, redirectUri: values.redirectUri.trim() })
      .then(onLoggedIn, () => undefined);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={560}>
        <div>
          <Text fw={600} size="sm">
            {t('firstRun.portalHeading')}
          </Text>
          <List type="ordered" size="sm" spacing={2}>
            <List.Item>{t('firstRun.portalStep1')}</List.Item>
            <List.Item>{t('firstRun.portalStep2')}</List.Item>
            <List.Item>{t('firstRun.portalStep3')}</List.Item>
          </List>
        </div>
        <TextInput
          label={t('firstRun.callbackUrl')}
          description={t('firstRun.callbackHelp')}
          value={values.redirectUri}
          onChange={change('redirectUri')}
          error={errorText('redirectUri')}
          required
        />
        <TextInput
          label={t('firstRun.clientId')}
          value={values.clientId}
          onChange={change('clientId')}
          error={errorText('clientId')}
          autoComplete="off"
          required
        />
        <PasswordInput
          label={t('firstRun.clientSecret')}
          description={t('firstRun.secretNote')}
          value={values.clientSecret}
          onChange={change('clientSecret')}
          error={errorText('clientSecret')}
          autoComplete="off"
          required
        />
        <Group>
          <Button type="submit" loading={login.isPending}>
            {t('firstRun.login')}
          </Button>
        </Group>
        {login.isPending ? (
          <Alert color="blue" icon={<Loader size="xs" />}>
            {t('firstRun.waiting')}
          </Alert>
        ) : null}
        {login.error ? <ErrorAlert error={login.error} /> : null}
      </Stack>
    </form>
  );
}
