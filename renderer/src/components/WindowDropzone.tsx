import { Dropzone } from '@mantine/dropzone';
import { Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useReadOnly } from '../hooks/useReadOnly.ts';
import { useUploadSession } from '../hooks/useUploadSession.ts';
import { useWindowFileDrag } from '../hooks/useWindowFileDrag.ts';
import { createDropReader } from '../lib/upload/drop-event.ts';
import { useNavigation } from '../navigation.ts';

/**
 * Sends files or folders dropped anywhere on the window to the upload
 * review. The transparent full-window overlay stays in the page so that it
 * can take the drop. Until files are dragged over the window it is `inert`
 * and `aria-hidden`, so screen readers and the Tab key skip it, and a live
 * region announces it when it appears.
 */
export function WindowDropzone() {
  const { t } = useTranslation();
  const session = useUploadSession();
  const { navigate } = useNavigation();
  const [reader] = useState(createDropReader);
  const readOnly = useReadOnly();
  // A read-only window cannot upload, so a drag does not open the drop target.
  const dragging = useWindowFileDrag() && !readOnly;

  return (
    <>
      <VisuallyHidden role="status" aria-live="assertive">
        {dragging ? `${t('upload.dropTitle')}. ${t('upload.dropHint')}` : ''}
      </VisuallyHidden>
      <div
        data-testid="window-dropzone"
        inert={!dragging}
        aria-hidden={dragging ? undefined : true}
      >
        <Dropzone.FullScreen
          withinPortal={false}
          active={!readOnly}
          activateOnClick={false}
          activateOnKeyboard={false}
          getFilesFromEvent={reader.read}
          onDrop={(files) => {
            if (readOnly) return;
            navigate({ screen: 'upload' });
            void session.addFiles(files, reader.takeNotes());
          }}
        >
          <Stack align="center" justify="center" mih="60vh" gap="xs">
            <Title order={2}>{t('upload.dropTitle')}</Title>
            <Text c="dimmed">{t('upload.dropHint')}</Text>
          </Stack>
        </Dropzone.FullScreen>
      </div>
    </>
  );
}
