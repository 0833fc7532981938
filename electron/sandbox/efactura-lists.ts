// GET /listaMesajeFactura (the last 1-60 days, at most 500 messages) and
// GET /listaMesajePaginatieFactura (a time window in epoch milliseconds,
// 500 messages a page). Errors and "no messages" are HTTP 200 JSON.
import { listError, RIGHTS } from './answers.ts';
import type { Call, Sandbox } from './context.ts';
import { badRequestReply, jsonReply, type Reply } from './http.ts';
import { MESSAGE_TYPES } from './processing.ts';
import type { MessageRecord } from './records.ts';
import { DAY_MS, formatCompactMinutes, formatDayFirst } from './time.ts';
import { RETENTION_DAYS } from './efactura-messages.ts';

export const PAGE_SIZE = 500;

const FILTERS: Record<string, (message: MessageRecord) => boolean> = {
  E: (message) => message.tip === MESSAGE_TYPES.errors,
  T: (message) => message.tip === MESSAGE_TYPES.sent,
  P: (message) => message.tip === MESSAGE_TYPES.received,
  R: (message) => message.tip.startsWith('MESAJ CUMPARATOR'),
};

interface ListItem {
  data_creare: string;
  cif: string;
  id_solicitare: string;
  detalii: string;
  tip: string;
  id: string;
}

function toItem(message: MessageRecord): ListItem {
  return {
    data_creare: formatCompactMinutes(new Date(message.createdAt)),
    cif: message.cif,
    id_solicitare: message.uploadIndex,
    detalii: message.detalii,
    tip: message.tip,
    id: message.id,
  };
}

/** Collects a CIF's visible messages created in [from, to], newest first. */
function collect(
  sandbox: Sandbox,
  cif: string,
  filter: string | null,
  from: number,
  to: number,
  now: Date,
): MessageRecord[] {
  const accepts = filter === null ? () => true : FILTERS[filter];
  if (accepts === undefined) return [];
  return sandbox.store
    .messages()
    .filter(
      (message) =>
        message.cif === cif &&
        message.visibleAt <= now.getTime() &&
        message.createdAt >= from &&
        message.createdAt <= to &&
        accepts(message),
    )
    .sort((a, b) => b.createdAt - a.createdAt || Number(b.id) - Number(a.id));
}

function filterError(filter: string | null): string | null {
  if (filter === null || filter in FILTERS) return null;
  return 'Valorile acceptate pentru parametrul filtru sunt E, T, P sau R';
}

function rightsError(call: Call, cif: string): string | null {
  const serial = call.requireGrant().serial;
  if (!call.sandbox.rights.hasAny(serial)) return RIGHTS.none;
  if (!call.sandbox.rights.has(serial, cif)) return RIGHTS.forCif(cif);
  return null;
}

export function handleSimpleList(call: Call): Reply {
  const { sandbox, now } = call;
  const days = call.query('zile');
  const cif = call.query('cif');
  const filter = call.query('filtru');
  if (!days || !cif) {
    return badRequestReply('Parametrii zile si cif sunt obligatorii', now);
  }
  if (!/^\d+$/.test(days)) {
    return listError(
      `Numarul de zile introdus= ${days} nu este un numar intreg`,
    );
  }
  const dayCount = Number(days);
  if (dayCount < 1 || dayCount > RETENTION_DAYS) {
    return listError('Numarul de zile trebuie sa fie intre 1 si 60');
  }
  if (!/^\d+$/.test(cif))
    return listError(`CIF introdus= ${cif} nu este un numar`);
  const problem = filterError(filter) ?? rightsError(call, cif);
  if (problem !== null) return listError(problem);

  const limit = sandbox.settings.dailyLimits.simpleListPerCif;
  if (!sandbox.store.countDaily('listaMesajeFactura', cif, limit, now)) {
    return listError(
      `S-au facut deja ${limit} de interogari de tip lista mesaje simpla de catre CUI= ${cif} in cursul zilei`,
    );
  }

  const messages = collect(
    sandbox,
    cif,
    filter,
    now.getTime() - dayCount * DAY_MS,
    now.getTime(),
    now,
  );
  if (messages.length === 0) {
    return listError(`Nu exista mesaje in ultimele ${dayCount} zile`);
  }
  if (messages.length > PAGE_SIZE) {
    return listError(
      `Lista de mesaje este mai mare decat numarul de ${PAGE_SIZE} elemente permise in pagina. Folositi endpoint-ul cu paginatie.`,
    );
  }
  return jsonReply({
    mesaje: messages.map(toItem),
    serial: call.requireGrant().serial,
    cui: cif,
    titlu: `Lista Mesaje disponibile din ultimele ${dayCount} zile`,
  });
}

interface Window {
  start: number;
  end: number;
  page: number;
}

/**
 * Checks the numbers and the window the paged list takes. Both ends are
 * judged against the server's clock, and the future-endTime message quotes
 * it, so that a client can correct its own clock.
 */
function readWindow(call: Call, cif: string): Window | string {
  const { now } = call;
  const numbers: Record<string, string> = {
    startTime: call.query('startTime') ?? '',
    endTime: call.query('endTime') ?? '',
    pagina: call.query('pagina') ?? '',
  };
  // NOTE: ANAF's wording for a non-numeric startTime, endTime or pagina is
  // not documented; these follow its message for a non-numeric zile.
  for (const [name, value] of Object.entries(numbers)) {
    if (!/^\d+$/.test(value))
      return `Parametrul ${name} introdus= ${value} nu este un numar intreg`;
  }
  if (!/^\d+$/.test(cif)) {
    return `CIF introdus= ${cif} nu este un numar sau nu are o valoare acceptata de sistem`;
  }
  const start = Number(numbers.startTime);
  const end = Number(numbers.endTime);
  const page = Number(numbers.pagina);
  const request = formatDayFirst(now);
  if (start < now.getTime() - RETENTION_DAYS * DAY_MS) {
    return `startTime = ${formatDayFirst(new Date(start))} nu poate fi mai vechi de ${RETENTION_DAYS} de zile fata de momentul requestului = ${request}`;
  }
  if (end > now.getTime()) {
    return `endTime = ${formatDayFirst(new Date(end))} nu poate in viitor fata de momentul requestului = ${request}`;
  }
  if (end <= start) {
    return `endTime = ${formatDayFirst(new Date(end))} nu poate fi mai mic sau egal cu startTime = ${formatDayFirst(new Date(start))}`;
  }
  if (page < 1) return `Pagina solicitata ${page} nu este valida`;
  return { start, end, page };
}

export function handlePagedList(call: Call): Reply {
  const { sandbox, now } = call;
  const cif = call.query('cif');
  const filter = call.query('filtru');
  const required = ['startTime', 'endTime', 'cif', 'pagina'];
  if (required.some((name) => !call.query(name))) {
    return badRequestReply(
      'Parametrii startTime, endTime, cif si pagina sunt obligatorii',
      now,
    );
  }
  const window = readWindow(call, cif ?? '');
  if (typeof window === 'string') return listError(window);
  const cifValue = cif ?? '';
  const problem = filterError(filter) ?? rightsError(call, cifValue);
  if (problem !== null) return listError(problem);

  const limit = sandbox.settings.dailyLimits.pagedListPerCif;
  if (
    !sandbox.store.countDaily(
      'listaMesajePaginatieFactura',
      cifValue,
      limit,
      now,
    )
  ) {
    return listError(
      `S-au facut deja ${limit} de interogari de tip lista mesaje paginata de catre CUI= ${cifValue} in cursul zilei`,
    );
  }

  const messages = collect(
    sandbox,
    cifValue,
    filter,
    window.start,
    window.end,
    now,
  );
  if (messages.length === 0)
    return listError('Nu exista mesaje in intervalul selectat');
  const pages = Math.ceil(messages.length / PAGE_SIZE);
  if (window.page > pages) {
    // ANAF's own spelling ("toatal") is kept on purpose.
    return listError(
      `Pagina solicitata ${window.page} este mai mare decat numarul toatal de pagini ${pages}`,
    );
  }

  const pageItems = messages.slice(
    (window.page - 1) * PAGE_SIZE,
    window.page * PAGE_SIZE,
  );
  return jsonReply({
    mesaje: pageItems.map(toItem),
    numar_inregistrari_in_pagina: pageItems.length,
    numar_total_inregistrari_per_pagina: PAGE_SIZE,
    numar_total_inregistrari: messages.length,
    numar_total_pagini: pages,
    index_pagina_curenta: window.page,
    serial: call.requireGrant().serial,
    cui: cifValue,
    titlu: `Lista Mesaje disponibile din intervalul ${formatDayFirst(new Date(window.start))} - ${formatDayFirst(new Date(window.end))}`,
  });
}
