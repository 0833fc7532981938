import { Badge, NavLink } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAccounts } from '../hooks/useAccounts.ts';
import { useCompanies } from '../hooks/useCompanies.ts';
import { useUploads } from '../hooks/useUploads.ts';
import { NAV_ITEMS, useNavigation, type NavItem } from '../navigation.ts';

/** Counts that need the user's attention, shown beside the navigation entries. */
function useNavCounts(): Partial<Record<NavItem, { count: number; color: string }>> {
  const companies = useCompanies();
  const uploads = useUploads(null);
  const accounts = useAccounts();
  const newReceived = (companies.data ?? []).reduce((sum, company) => sum + company.newReceivedCount, 0);
  const decisions = (uploads.data ?? []).filter((upload) => upload.state === 'needsDecision').length;
  const expiring = (accounts.data ?? []).filter((account) => account.status === 'expiring' || account.status === 'expired').length;
  return {
    invoices: { count: newReceived, color: 'blue' },
    upload: { count: decisions, color: 'yellow' },
    accounts: { count: expiring, color: 'orange' },
  };
}

export function NavigationBar({ active }: { active: NavItem }) {
  const { t } = useTranslation();
  const { navigate } = useNavigation();
  const counts = useNavCounts();

  return (
    <>
      {NAV_ITEMS.map((name) => {
        const badge = counts[name];
        return (
          <NavLink
            key={name}
            component="button"
            label={t(`nav.${name}`)}
            active={active === name}
            aria-current={active === name ? 'page' : undefined}
            onClick={() => navigate({ screen: name })}
            rightSection={
              badge && badge.count > 0 ? (
                <Badge size="xs" color={badge.color} variant="filled" aria-hidden>
                  {badge.count}
                </Badge>
              ) : null
            }
          />
        );
      })}
    </>
  );
}
