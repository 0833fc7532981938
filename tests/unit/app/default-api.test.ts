/**
 * The `defaultApi` setting: stored and checked like every setting, and the
 * API path `companies.add` gives a company when the request names none.
 */
import { describe, expect, it } from 'vitest';

import { createCompanyHandlers } from '../../../electron/core/app/handlers/companies.ts';
import type { CoreServices } from '../../../electron/core/app/services.ts';
import {
  createSettingsService,
  type SettingsStore,
} from '../../../electron/core/app/settings-service.ts';
import type { FollowedCompany } from '../../../electron/core/companies/company-store.ts';
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import type { ApiPath } from '../../../shared/domain.ts';
import {
  DEFAULT_SETTINGS,
  settingsPatchSchema,
} from '../../../shared/settings.ts';

function memoryStore(initial: Record<string, unknown> = {}): SettingsStore {
  let stored = { ...initial };
  return {
    read: () => ({ ...stored }),
    write: (settings) => {
      stored = { ...settings };
    },
  };
}

/** Company handlers over a settings service and a company list in memory. */
function companyHandlers(stored: Record<string, unknown>) {
  const { logger } = createMemoryLogger();
  const followed: FollowedCompany[] = [];
  const services = {
    settings: createSettingsService(memoryStore(stored), logger),
    account: async (id: string) => ({ id }),
    companies: {
      list: () => followed,
      add: (input: {
        cif: string;
        name: string;
        accountId: string;
        api: ApiPath;
      }) => {
        const company: FollowedCompany = {
          ...input,
          lastSyncAt: null,
          lastSeenAt: null,
          createdAt: '2025-07-15T10:00:00.000Z',
        };
        followed.push(company);
        return company;
      },
    },
  } as unknown as CoreServices;
  const counts = () => ({ newReceived: () => 0, rejectedUploads: () => 0 });
  return createCompanyHandlers(services, counts, () => undefined);
}

const context = { shell: 'browser' as const, sender: 'test' };

describe('defaultApi setting', () => {
  it('defaults to production', () => {
    expect(DEFAULT_SETTINGS.defaultApi).toBe('prod');
  });

  it('accepts test and prod', () => {
    expect(settingsPatchSchema.safeParse({ defaultApi: 'test' }).success).toBe(
      true,
    );
    expect(settingsPatchSchema.safeParse({ defaultApi: 'prod' }).success).toBe(
      true,
    );
  });

  it('rejects another path', () => {
    expect(
      settingsPatchSchema.safeParse({ defaultApi: 'sandbox' }).success,
    ).toBe(false);
  });

  it('falls back on an invalid stored value', () => {
    const { logger } = createMemoryLogger();
    const service = createSettingsService(
      memoryStore({ defaultApi: 'staging' }),
      logger,
    );
    expect(service.get().defaultApi).toBe('prod');
  });
});

describe('companies.add API path', () => {
  it('uses the default setting', async () => {
    const handlers = companyHandlers({ defaultApi: 'test' });
    const company = await handlers['companies.add'](
      { cif: '18654326', accountId: 'account-1' },
      context,
    );
    expect(company.api).toBe('test');
  });

  it('keeps the path the request names', async () => {
    const handlers = companyHandlers({ defaultApi: 'test' });
    const company = await handlers['companies.add'](
      { cif: '18654326', accountId: 'account-1', api: 'prod' },
      context,
    );
    expect(company.api).toBe('prod');
  });

  it('uses production without a setting', async () => {
    const handlers = companyHandlers({});
    const company = await handlers['companies.add'](
      { cif: '18654326', accountId: 'account-1' },
      context,
    );
    expect(company.api).toBe('prod');
  });
});
