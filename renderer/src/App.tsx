import { AppShell, Badge, Group, Loader, MantineProvider, NavLink, Title } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppInfo, useMainEvents, useSettings } from './queries.ts';
import { HomeScreen } from './screens/HomeScreen.tsx';
import { SettingsScreen } from './screens/SettingsScreen.tsx';
import { theme } from './theme.ts';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

const SCREENS = ['home', 'settings'] as const;
type Screen = (typeof SCREENS)[number];

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ThemedApp />
    </QueryClientProvider>
  );
}

function ThemedApp() {
  const settings = useSettings();
  const colorScheme = settings.data?.theme === 'light' || settings.data?.theme === 'dark' ? settings.data.theme : 'auto';
  return (
    <MantineProvider theme={theme} defaultColorScheme="auto" forceColorScheme={colorScheme === 'auto' ? undefined : colorScheme}>
      <Notifications position="bottom-right" />
      <Workspace />
    </MantineProvider>
  );
}

function Workspace() {
  const { t, i18n } = useTranslation();
  const [screen, setScreen] = useState<Screen>('home');
  const settings = useSettings();
  const info = useAppInfo();
  useMainEvents();

  const language = settings.data?.language;
  useEffect(() => {
    if (language && i18n.language !== language) {
      void i18n.changeLanguage(language);
      document.documentElement.lang = language;
    }
  }, [language, i18n]);

  if (settings.isPending) {
    return (
      <Group justify="center" mt="xl">
        <Loader aria-label={t('app.loading')} />
      </Group>
    );
  }

  return (
    <AppShell header={{ height: 48 }} navbar={{ width: 200, breakpoint: 0 }} padding="md">
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between">
          <Title order={1} size="h4">
            {t('app.title')}
          </Title>
          {info.data?.readOnly ? <Badge color="orange">{t('app.readOnly')}</Badge> : null}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label="Navigare">
        {SCREENS.map((name) => (
          <NavLink
            key={name}
            component="button"
            label={t(`nav.${name}`)}
            active={screen === name}
            aria-current={screen === name ? 'page' : undefined}
            onClick={() => setScreen(name)}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>{screen === 'home' ? <HomeScreen /> : <SettingsScreen />}</AppShell.Main>
    </AppShell>
  );
}
