/** Romanian strings: the interface's first language. */
export const ro = {
  app: { title: 'e-Factura Desktop', loading: 'Se încarcă…', readOnly: 'Doar citire' },
  nav: { home: 'Acasă', settings: 'Setări' },
  home: {
    heading: 'Bine ați venit',
    intro: 'Aplicația schimbă facturi electronice cu ANAF prin e-Factura și le păstrează într-o arhivă locală.',
    dataDir: 'Dosarul de date',
    shell: 'Rulează în',
    shellElectron: 'aplicația desktop',
    shellBrowser: 'browser (interfața web locală)',
    version: 'Versiune',
  },
  settings: {
    heading: 'Setări',
    language: 'Limba',
    theme: 'Tema',
    themeSystem: 'Ca sistemul',
    themeLight: 'Luminoasă',
    themeDark: 'Întunecată',
    environment: 'Mediul pentru autentificări noi',
    environmentSandbox: 'Sandbox (ANAF simulat local)',
    environmentAnaf: 'ANAF',
    rateLimit: 'Apeluri ANAF pe minut',
    rateLimitHelp: 'Limita cozii de cereri, între 1 și 1000. ANAF cere cel mult 100 în procedura mai veche.',
    syncInterval: 'Sincronizare automată (minute)',
    syncIntervalHelp: '0 oprește sincronizarea automată.',
    reconcileDeadline: 'Termen pentru încărcările cu rezultat necunoscut (minute)',
    saved: 'Setarea a fost salvată.',
    saveFailed: 'Setarea nu a fost salvată: {{message}}',
  },
  errors: {
    generic: 'A apărut o eroare: {{message}}',
  },
};

export type Strings = typeof ro;
