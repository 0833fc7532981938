import { Dropzone } from '@mantine/dropzone';
import { Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUploadSession } from '../hooks/useUploadSession.ts';
import { createDropReader } from '../lib/upload/drop-event.ts';
import { useNavigation } from '../navigation.ts';

/** Sends files or folders dropped anywhere on the window to the upload review. */
export function WindowDropzone() {
  const { t } = useTranslation();
  const session = useUploadSession();
  const { navigate } = useNavigation();
  const [reader] = useState(createDropReader);

  return (
    <Dropzone.FullScreen
      activateOnClick={false}
      getFilesFromEvent={reader.read}
      onDrop={(files) => {
        navigate({ screen: 'upload' });
        void session.addFiles(files, reader.takeNotes());
      }}
    >
      <Stack align="center" justify="center" mih="60vh" gap="xs">
        <Title order={2}>{t('upload.dropTitle')}</Title>
        <Text c="dimmed">{t('upload.dropHint')}</Text>
      </Stack>
    </Dropzone.FullScreen>
  );
}
