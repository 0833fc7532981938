import { Anchor, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventPayloads } from '../../../../shared/ipc/contract.ts';
import { getApi, unwrap } from '../../ipc/api.ts';
import { notifyError } from '../../lib/notify.ts';
import { CertificatePickerModal } from './CertificatePickerModal.tsx';

type PickRequest = EventPayloads['login.pickCertificate'];

/**
 * Handles main's requests during an ANAF login: open the authorize URL in a
 * new tab (browser shell) and pick one of several certificates (Electron).
 * A tab opened from an event is not a user gesture, so a popup blocker may
 * stop it. The user then gets a link to click instead.
 */
export function LoginEvents() {
  const { t } = useTranslation();
  const [blockedUrl, setBlockedUrl] = useState<string | null>(null);
  const [pick, setPick] = useState<PickRequest | null>(null);

  useEffect(() => {
    const api = getApi();
    const unsubscribers = [
      api.on('login.openUrl', ({ url }) => {
        const opened = window.open(url, '_blank');
        if (opened) opened.opener = null;
        else setBlockedUrl(url);
      }),
      api.on('login.pickCertificate', (request) => setPick(request)),
    ];
    return () => unsubscribers.forEach((unsubscribe) => unsubscribe());
  }, []);

  const answer = (certificateId: string | null): void => {
    if (!pick) return;
    const requestId = pick.requestId;
    setPick(null);
    unwrap(getApi().accountsAnswerCertificate({ requestId, certificateId })).catch((error: unknown) => notifyError(t, error));
  };

  return (
    <>
      {pick ? <CertificatePickerModal key={pick.requestId} entries={pick.entries} onAnswer={answer} /> : null}
      {blockedUrl ? (
        <Modal opened onClose={() => setBlockedUrl(null)} title={t('login.openTitle')}>
          <Stack gap="sm">
            <Text size="sm">{t('login.openText')}</Text>
            <Group justify="flex-end">
              <Button
                component="a"
                href={blockedUrl}
                target="_blank"
                rel="noopener noreferrer"
                onClick={() => setBlockedUrl(null)}
              >
                {t('login.openButton')}
              </Button>
            </Group>
            <Anchor size="xs" c="dimmed" href={blockedUrl} target="_blank" rel="noopener noreferrer" style={{ wordBreak: 'break-all' }}>
              {blockedUrl}
            </Anchor>
          </Stack>
        </Modal>
      ) : null}
    </>
  );
}
