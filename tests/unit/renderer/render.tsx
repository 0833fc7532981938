/**
 * Renders a renderer component the way the app does: Mantine, TanStack
 * Query, the Romanian strings, navigation and the upload session, with a
 * fake API on `window.efactura` in place of the preload.
 */
import { MantineProvider } from '@mantine/core';
import { notifications, Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { cleanup, configure, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, vi } from 'vitest';
import '../../../renderer/src/i18n/index.ts';
import { UploadSessionProvider } from '../../../renderer/src/hooks/UploadSessionProvider.tsx';
import { useMainEvents } from '../../../renderer/src/hooks/useMainEvents.ts';
import { NavigationContext, type Route } from '../../../renderer/src/navigation.ts';
import { createFakeApi, type FakeApi, type FakeHandlers } from './fake-api.ts';

// The machines that run the suite are shared and slow at times; AG Grid's
// first block and Mantine's transitions can take over the default 1 s.
configure({ asyncUtilTimeout: 5000 });

// Notifications live in a module-level store, so they are cleared with the DOM.
afterEach(() => {
  cleanup();
  notifications.clean();
});

/** Subscribes to main's events as the app root does. */
function MainEvents() {
  useMainEvents();
  return null;
}

export interface Rendered extends RenderResult {
  fake: FakeApi;
  navigate: ReturnType<typeof vi.fn>;
  client: QueryClient;
}

export function renderWithApp(ui: ReactElement, handlers: FakeHandlers, route: Route = { screen: 'home' }): Rendered {
  const fake = createFakeApi(handlers);
  window.efactura = fake.api;
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const navigate = vi.fn();
  const result = render(
    <QueryClientProvider client={client}>
      <MantineProvider>
        <Notifications />
        <MainEvents />
        <NavigationContext.Provider value={{ route, navigate }}>
          <UploadSessionProvider>{ui}</UploadSessionProvider>
        </NavigationContext.Provider>
      </MantineProvider>
    </QueryClientProvider>,
  );
  return { ...result, fake, navigate, client };
}
