/**
 * State-based navigation: the current screen and its parameters live in
 * React state, not in the URL, because the browser shell's page URL carries
 * the run's key in its fragment.
 */
import { createContext, useContext } from 'react';
import type { ApiPath, Direction } from '../../shared/domain.ts';
import type { InvoiceFilterValues } from './lib/invoices/filters.ts';

export const NAV_ITEMS = ['home', 'companies', 'invoices', 'upload', 'activity', 'accounts', 'settings'] as const;
export type NavItem = (typeof NAV_ITEMS)[number];

export type Route =
  | { screen: 'home' }
  | { screen: 'companies'; defaultApi?: ApiPath }
  | { screen: 'invoices'; cif?: string; direction?: Direction; filters?: InvoiceFilterValues }
  | { screen: 'document'; cif: string; messageId: string; direction: Direction; filters?: InvoiceFilterValues }
  | { screen: 'upload' }
  | { screen: 'activity' }
  | { screen: 'accounts' }
  | { screen: 'settings' };

/** The navigation entry a route belongs to: an open document stays under Invoices. */
export function navItemOf(route: Route): NavItem {
  return route.screen === 'document' ? 'invoices' : route.screen;
}

export interface Navigation {
  route: Route;
  navigate(route: Route): void;
}

export const NavigationContext = createContext<Navigation>({
  route: { screen: 'home' },
  navigate: () => undefined,
});

export function useNavigation(): Navigation {
  return useContext(NavigationContext);
}
