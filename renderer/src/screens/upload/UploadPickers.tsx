import { Button, FileButton, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useReadOnly } from '../../hooks/useReadOnly.ts';
import { useUploadSession } from '../../hooks/useUploadSession.ts';
import { filterPickedFolder } from '../../lib/upload/folder.ts';

/**
 * The pickers beside drag and drop. The folder picker is an input with
 * `webkitdirectory`, which React does not type, so it goes through
 * `inputProps` as a plain attribute.
 */
const FOLDER_INPUT_PROPS = { webkitdirectory: '', directory: '' } as Record<string, string>;

export function UploadPickers() {
  const { t } = useTranslation();
  const session = useUploadSession();
  const readOnly = useReadOnly();
  return (
    <Group gap="xs">
      <FileButton multiple disabled={readOnly} accept=".xml,text/xml,application/xml" onChange={(files) => void session.addFiles(files)}>
        {(props) => (
          <Button size="xs" disabled={readOnly} {...props}>
            {t('upload.chooseFiles')}
          </Button>
        )}
      </FileButton>
      <FileButton
        multiple
        disabled={readOnly}
        inputProps={FOLDER_INPUT_PROPS}
        onChange={(files) => {
          const picked = filterPickedFolder(files);
          void session.addFiles(picked.files, { skippedInFolders: picked.skippedInFolders });
        }}
      >
        {(props) => (
          <Button size="xs" variant="light" disabled={readOnly} {...props}>
            {t('upload.chooseFolder')}
          </Button>
        )}
      </FileButton>
    </Group>
  );
}
