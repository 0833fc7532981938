import { z } from 'zod';

/** Languages the interface speaks; Romanian is the default. */
export const LANGUAGES = ['ro', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Where new logins go: the embedded ANAF sandbox (the default, usable with no
 * ANAF registration) or the real ANAF. Test and production share ANAF's
 * identity provider, so the API path (test or prod) is chosen per company.
 */
export const ENVIRONMENTS = ['sandbox', 'anaf'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const THEMES = ['system', 'light', 'dark'] as const;

/** ANAF's API paths: `/test/` (no fiscal effect) and `/prod/`. */
export const API_PATHS = ['test', 'prod'] as const;

/** ANAF's per-minute limit is 100 in the older procedure and 1000 in the newer limits file. */
export const MAX_RATE_LIMIT = 1000;

export const settingsSchema = z.object({
  language: z.enum(LANGUAGES),
  theme: z.enum(THEMES),
  environment: z.enum(ENVIRONMENTS),
  /** The API path a newly followed company uses unless the user picks the other one. */
  defaultApi: z.enum(API_PATHS),
  /** Calls per sliding 60-second window that the request queue allows. */
  rateLimitPerMinute: z.number().int().min(1).max(MAX_RATE_LIMIT),
  /** Minutes between background syncs while the app runs; 0 turns it off. */
  syncIntervalMinutes: z.number().int().min(0).max(24 * 60),
  /** Absolute folder of the ZIP archive; empty means `archive` in the data folder. */
  archiveDir: z.string().max(4096),
  /** Minutes after which an upload whose answer was lost is shown as "outcome unknown". */
  reconcileDeadlineMinutes: z.number().int().min(1).max(24 * 60),
  /** The user accepted keeping tokens in a weakly protected file. */
  acceptWeakTokenStorage: z.boolean(),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'ro',
  theme: 'system',
  environment: 'sandbox',
  defaultApi: 'prod',
  rateLimitPerMinute: 100,
  syncIntervalMinutes: 30,
  archiveDir: '',
  reconcileDeadlineMinutes: 30,
  acceptWeakTokenStorage: false,
};

/** A partial update; every field is checked by the same schema. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
