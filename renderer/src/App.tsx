import { Group, Loader, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Workspace } from './components/Workspace.tsx';
import { UploadSessionProvider } from './hooks/UploadSessionProvider.tsx';
import { useMainEvents } from './hooks/useMainEvents.ts';
import { NavigationContext, type Route } from './navigation.ts';
import { useSettings } from './queries.ts';
import { theme } from './theme.ts';

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
});

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
    <MantineProvider
      theme={theme}
      defaultColorScheme="auto"
      forceColorScheme={colorScheme === 'auto' ? undefined : colorScheme}
    >
      <Notifications position="bottom-right" />
      <LocalizedApp />
    </MantineProvider>
  );
}

function LocalizedApp() {
  const { t, i18n } = useTranslation();
  const settings = useSettings();
  const [route, setRoute] = useState<Route>({ screen: 'home' });
  const navigation = useMemo(() => ({ route, navigate: setRoute }), [route]);
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
    <DatesProvider settings={{ locale: language ?? 'ro', firstDayOfWeek: 1 }}>
      <NavigationContext.Provider value={navigation}>
        <UploadSessionProvider>
          <Workspace />
        </UploadSessionProvider>
      </NavigationContext.Provider>
    </DatesProvider>
  );
}
