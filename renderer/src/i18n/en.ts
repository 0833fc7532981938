import type { Strings } from './ro.ts';

/** English strings, selectable in the settings. */
export const en: Strings = {
  app: { title: 'e-Factura Desktop', loading: 'Loading…', readOnly: 'Read-only' },
  nav: { home: 'Home', settings: 'Settings' },
  home: {
    heading: 'Welcome',
    intro: 'The app exchanges e-invoices with ANAF through e-Factura and keeps them in a local archive.',
    dataDir: 'Data folder',
    shell: 'Running in',
    shellElectron: 'the desktop app',
    shellBrowser: 'a browser (the local web interface)',
    version: 'Version',
  },
  settings: {
    heading: 'Settings',
    language: 'Language',
    theme: 'Theme',
    themeSystem: 'Follow the system',
    themeLight: 'Light',
    themeDark: 'Dark',
    environment: 'Environment for new logins',
    environmentSandbox: 'Sandbox (ANAF simulated locally)',
    environmentAnaf: 'ANAF',
    rateLimit: 'ANAF calls per minute',
    rateLimitHelp: 'The request queue limit, from 1 to 1000. ANAF asks for at most 100 in its older procedure.',
    syncInterval: 'Automatic sync (minutes)',
    syncIntervalHelp: '0 turns automatic sync off.',
    reconcileDeadline: 'Deadline for uploads with an unknown outcome (minutes)',
    saved: 'The setting was saved.',
    saveFailed: 'The setting was not saved: {{message}}',
  },
  errors: {
    generic: 'Something went wrong: {{message}}',
  },
};
