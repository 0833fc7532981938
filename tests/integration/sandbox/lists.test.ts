import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download, startTestSandbox, type TestSandbox } from './harness.ts';

const DAY = 86_400_000;

interface ListItem {
  data_creare: string;
  cif: string;
  id_solicitare: string;
  detalii: string;
  tip: string;
  id: string;
}

interface PagedList {
  mesaje: ListItem[];
  numar_inregistrari_in_pagina: number;
  numar_total_inregistrari_per_pagina: number;
  numar_total_inregistrari: number;
  numar_total_pagini: number;
  index_pagina_curenta: number;
  serial: string;
  cui: string;
  titlu: string;
}

let t: TestSandbox;
let token: string;
let noRightsToken: string;
let A: string;

beforeAll(async () => {
  // Enough seeded invoices that one company has more than 500 messages.
  t = await startTestSandbox({ seedMessages: 2600, seed: 'lists' });
  A = t.info.certificates[0]?.cifs[0] ?? '';
  token = (await t.login(0)).access_token;
  noRightsToken = (await t.login(2)).access_token;
});

afterAll(async () => {
  await t.close();
});

function simple(query: string, as = token): ReturnType<TestSandbox['call']> {
  return t.call('GET', `/test/FCTEL/rest/listaMesajeFactura?${query}`, {
    token: as,
  });
}

function paged(
  query: Record<string, string | number>,
  as = token,
): ReturnType<TestSandbox['call']> {
  const params = new URLSearchParams(
    Object.entries(query).map(([k, v]) => [k, String(v)]),
  );
  return t.call(
    'GET',
    `/prod/FCTEL/rest/listaMesajePaginatieFactura?${params}`,
    { token: as },
  );
}

function window(days: number): { startTime: number; endTime: number } {
  const now = t.sandbox.now().getTime();
  return { startTime: now - days * DAY + 60_000, endTime: now - 1000 };
}

describe('listaMesajeFactura', () => {
  it('requires zile and cif', async () => {
    const result = await simple(`zile=5`);
    expect(result.status).toBe(400);
    expect(result.json().message).toBe(
      'Parametrii zile si cif sunt obligatorii',
    );
  });

  const errors: [string, string, string][] = [
    [
      'non-integer zile',
      'zile=aaa&cif=CIF',
      'Numarul de zile introdus= aaa nu este un numar intreg',
    ],
    [
      'zile over 60',
      'zile=61&cif=CIF',
      'Numarul de zile trebuie sa fie intre 1 si 60',
    ],
    [
      'zile 0',
      'zile=0&cif=CIF',
      'Numarul de zile trebuie sa fie intre 1 si 60',
    ],
    ['non-numeric cif', 'zile=5&cif=aaa', 'CIF introdus= aaa nu este un numar'],
    [
      'bad filtru',
      'zile=5&cif=CIF&filtru=X',
      'Valorile acceptate pentru parametrul filtru sunt E, T, P sau R',
    ],
    [
      'CIF without rights',
      'zile=5&cif=8000000000',
      'Nu aveti drept in SPV pentru CIF=8000000000',
    ],
  ];
  for (const [name, query, message] of errors) {
    it(`reports ${name}`, async () => {
      const result = await simple(query.replace('CIF', A));
      expect(result.status).toBe(200);
      expect(result.headers['content-type']).toContain('application/json');
      expect(result.json()).toEqual({ eroare: message, titlu: 'Lista Mesaje' });
    });
  }

  it('reports no rights at all', async () => {
    const result = await simple(`zile=5&cif=${A}`, noRightsToken);
    expect(result.json().eroare).toBe(
      'Nu exista niciun CIF pentru care sa aveti drept in SPV',
    );
  });

  it('refuses more than 500 messages', async () => {
    const result = await simple(`zile=60&cif=${A}`);
    expect(result.json().eroare).toBe(
      'Lista de mesaje este mai mare decat numarul de 500 elemente permise in pagina. Folositi endpoint-ul cu paginatie.',
    );
  });

  it('lists a few days with string values', async () => {
    const result = await simple(`zile=3&cif=${A}&filtru=P`);
    const body = result.json<{
      mesaje?: ListItem[];
      titlu?: string;
      eroare?: string;
      cui?: string;
    }>();
    if (body.eroare !== undefined) {
      expect(body.eroare).toBe('Nu exista mesaje in ultimele 3 zile');
      return;
    }
    expect(body.titlu).toBe('Lista Mesaje disponibile din ultimele 3 zile');
    expect(body.cui).toBe(A);
    for (const item of body.mesaje ?? []) {
      expect(item.tip).toBe('FACTURA PRIMITA');
      expect(item.cif).toBe(A);
      expect(typeof item.id).toBe('string');
      expect(typeof item.id_solicitare).toBe('string');
    }
  });
});

describe('listaMesajePaginatieFactura', () => {
  it('requires all four parameters', async () => {
    const result = await paged({ startTime: 1, endTime: 2, cif: A });
    expect(result.status).toBe(400);
    expect(result.json().message).toBe(
      'Parametrii startTime, endTime, cif si pagina sunt obligatorii',
    );
  });

  it('pages 500 messages at a time', async () => {
    const first = (
      await paged({ ...window(60), cif: A, pagina: 1 })
    ).json<PagedList>();
    expect(first.numar_total_inregistrari).toBeGreaterThan(500);
    expect(first.numar_total_inregistrari_per_pagina).toBe(500);
    expect(first.numar_inregistrari_in_pagina).toBe(500);
    expect(first.mesaje.length).toBe(500);
    expect(first.numar_total_pagini).toBe(
      Math.ceil(first.numar_total_inregistrari / 500),
    );
    expect(first.index_pagina_curenta).toBe(1);
    expect(first.serial).toBe(t.info.certificates[0]?.serial);
    expect(first.titlu).toMatch(
      /^Lista Mesaje disponibile din intervalul \d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2} - \d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$/,
    );

    const last = (
      await paged({ ...window(60), cif: A, pagina: first.numar_total_pagini })
    ).json<PagedList>();
    expect(last.numar_inregistrari_in_pagina).toBe(
      first.numar_total_inregistrari - 500 * (first.numar_total_pagini - 1),
    );
    const ids = new Set(
      [...first.mesaje, ...last.mesaje].map((item) => item.id),
    );
    expect(ids.size).toBe(first.mesaje.length + last.mesaje.length);
  });

  it('filters by message type', async () => {
    const sent = (
      await paged({ ...window(60), cif: A, pagina: 1, filtru: 'T' })
    ).json<PagedList>();
    expect(sent.mesaje.every((item) => item.tip === 'FACTURA TRIMISA')).toBe(
      true,
    );
  });

  it('rejects a page beyond the last', async () => {
    const result = await paged({ ...window(60), cif: A, pagina: 50 });
    expect(result.json().eroare).toMatch(
      /^Pagina solicitata 50 este mai mare decat numarul toatal de pagini \d+$/,
    );
  });

  it('rejects an endTime in the future, quoting the server time', async () => {
    const now = t.sandbox.now().getTime();
    const result = await paged({
      startTime: now - DAY,
      endTime: now + 120_000,
      cif: A,
      pagina: 1,
    });
    expect(result.json().eroare).toMatch(
      /^endTime = \d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2} nu poate in viitor fata de momentul requestului = \d{2}-\d{2}-\d{4} \d{2}:\d{2}:\d{2}$/,
    );
  });

  it('rejects a startTime older than 60 days', async () => {
    const now = t.sandbox.now().getTime();
    const result = await paged({
      startTime: now - 61 * DAY,
      endTime: now - 1000,
      cif: A,
      pagina: 1,
    });
    expect(result.json().eroare).toContain('startTime');
  });

  it('rejects an endTime before startTime', async () => {
    const now = t.sandbox.now().getTime();
    const result = await paged({
      startTime: now - DAY,
      endTime: now - 2 * DAY,
      cif: A,
      pagina: 1,
    });
    expect(result.json().eroare).toContain('endTime');
  });

  it('rejects a non-numeric startTime', async () => {
    const result = await paged({
      startTime: 'abc',
      endTime: 1,
      cif: A,
      pagina: 1,
    });
    expect(result.json().eroare).toContain('nu este un numar intreg');
  });

  it('reports an empty window', async () => {
    const now = t.sandbox.now().getTime();
    const result = await paged({
      startTime: now - 5000,
      endTime: now - 4000,
      cif: A,
      pagina: 1,
    });
    expect(result.json()).toEqual({
      eroare: 'Nu exista mesaje in intervalul selectat',
      titlu: 'Lista Mesaje',
    });
  });
});

describe('retention', () => {
  it('stops downloads after 60 days', async () => {
    const list = (
      await paged({ ...window(60), cif: A, pagina: 1 })
    ).json<PagedList>();
    // Oldest first within the last page: the seeded history spans 60 days.
    const lastPage = (
      await paged({ ...window(60), cif: A, pagina: list.numar_total_pagini })
    ).json<PagedList>();
    const oldest = lastPage.mesaje.at(-1);
    expect(oldest).toBeDefined();
    const before = await download(t, token, oldest?.id ?? '');
    expect(before.headers['content-type']).toBe('application/zip');

    await t.advance(61 * DAY);
    const after = await download(t, token, oldest?.id ?? '');
    expect(after.json()).toEqual({
      eroare:
        'Fisierul nu mai poate fi descarcat pentru ca a trecut perioada de 60 de zile in care este disponibil',
      titlu: 'Descarcare mesaj',
    });
    const empty = await simple(`zile=60&cif=${A}`);
    expect(empty.json().eroare).toBe('Nu exista mesaje in ultimele 60 zile');
  });
});
