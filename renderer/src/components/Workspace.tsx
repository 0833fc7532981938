import { Alert, AppShell, Badge, Button, Group, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { readOnlyText } from '../lib/read-only-text.ts';
import { navItemOf, useNavigation } from '../navigation.ts';
import { useAppInfo } from '../queries.ts';
import { LoginEvents } from './login/LoginEvents.tsx';
import { NavigationBar } from './NavigationBar.tsx';
import { ScreenSwitch } from './ScreenSwitch.tsx';
import { WindowDropzone } from './WindowDropzone.tsx';

/** Renders the application frame: header, navigation, the current screen and the window-wide drop target. */
export function Workspace() {
  const { t, i18n } = useTranslation();
  const info = useAppInfo();
  const { route } = useNavigation();
  // The read-only banner appears once above every page but home, because
  // home shows its own. The controls it disables show no reason of their own.
  const readOnlyBanner =
    info.data && route.screen !== 'home' ? readOnlyText(t, info.data, i18n.language) : null;

  return (
    <AppShell header={{ height: 44 }} navbar={{ width: 190, breakpoint: 0 }} padding="md">
      <AppShell.Header px="md" data-print-hide>
        {/* A button, not an in-page link: the browser shell keeps its key in the URL fragment. */}
        <Button className="skip-link" size="xs" onClick={() => document.getElementById('main-content')?.focus()}>
          {t('app.skipToContent')}
        </Button>
        <Group h="100%" justify="space-between">
          <Title order={1} size="h4">
            {t('app.title')}
          </Title>
          {info.data?.readOnly ? <Badge color="orange">{t('app.readOnly')}</Badge> : null}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('app.navigation')} data-print-hide>
        <NavigationBar active={navItemOf(route)} />
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        {readOnlyBanner ? (
          <Alert color="orange" mb="md" role="status">
            {readOnlyBanner}
          </Alert>
        ) : null}
        <ScreenSwitch />
      </AppShell.Main>
      <WindowDropzone />
      <LoginEvents />
    </AppShell>
  );
}
