import { Button, Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface ArchiveDirInputProps {
  current: string;
  saving: boolean;
  disabled: boolean;
  onSave: (archiveDir: string) => void;
}

/**
 * The archive folder as a typed absolute path, which main validates when it
 * saves the setting (the browser shell has no native folder dialog).
 */
export function ArchiveDirInput({ current, saving, disabled, onSave }: ArchiveDirInputProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState(current);
  return (
    <Group align="flex-end" gap="xs" wrap="nowrap">
      <TextInput
        style={{ flex: 1 }}
        label={t('settings.archiveDir')}
        description={t('settings.archiveDirHelp')}
        placeholder={t('settings.archiveDirPlaceholder')}
        value={value}
        disabled={disabled}
        onChange={(event) => setValue(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !disabled && value.trim() !== current) onSave(value.trim());
        }}
      />
      <Button variant="light" loading={saving} disabled={disabled || value.trim() === current} onClick={() => onSave(value.trim())}>
        {t('settings.saveArchiveDir')}
      </Button>
    </Group>
  );
}
