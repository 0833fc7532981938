// e-Transport (`/ETRANSPORT/ws/v1`): JSON everywhere, with `ExecutionStatus`,
// `dateResponse` and a `trace_id` on every response, and business errors as
// `Errors: [{errorMessage}]`.
import { createHash, randomUUID } from 'node:crypto';
import { notANumber, RIGHTS } from './answers.ts';
import type { Call, Sandbox } from './context.ts';
import { checkEtransportDeclaration } from './documents/index.ts';
import { newUit, summarizeDeclaration } from './etransport-summary.ts';
import { jsonReply, type Reply } from './http.ts';
import type { EtransportRecord } from './records.ts';
import { DAY_MS, formatCompactMinutes, formatCompactSeconds } from './time.ts';

const MAX_DECLARATION_BYTES = 5 * 1024 * 1024;

function envelope(now: Date, fields: Record<string, unknown>): Reply {
  return jsonReply({
    ...fields,
    dateResponse: formatCompactMinutes(now),
    trace_id: randomUUID(),
  });
}

function failure(now: Date, messages: string[]): Reply {
  return envelope(now, {
    ExecutionStatus: 1,
    Errors: messages.map((errorMessage) => ({ errorMessage })),
  });
}

function rightsError(call: Call, cif: string): string | null {
  const serial = call.requireGrant().serial;
  if (!call.sandbox.rights.hasAny(serial)) return RIGHTS.none;
  if (!call.sandbox.rights.has(serial, cif)) return RIGHTS.forCif(cif);
  return null;
}

function uploadProblem(
  call: Call,
  standard: string,
  cif: string,
  version: string | undefined,
  tooLarge: boolean,
): string | null {
  if (standard !== 'ETRANSP')
    return 'Valoarea acceptata pentru parametrul standard este ETRANSP';
  if (!/^\d{1,13}$/.test(cif)) return notANumber(cif);
  // NOTE: the wording for a bad version is not documented; ANAF accepts 1 and 2.
  if (version !== undefined && version !== '1' && version !== '2') {
    return 'Valorile acceptate pentru parametrul versiune sunt 1 sau 2';
  }
  if (tooLarge) return 'Marime fisier transmis mai mare de 5 MB.';
  return rightsError(call, cif);
}

/** POST /upload/{standard}/{cif}[/{versiune}] */
export async function handleEtransportUpload(call: Call): Promise<Reply> {
  const { sandbox, now } = call;
  const [standard = '', cif = '', version] = call.params;
  const body = await call.body(MAX_DECLARATION_BYTES);
  const problem = uploadProblem(call, standard, cif, version, body.tooLarge);
  if (problem !== null) return failure(now, [problem]);

  const errors = checkEtransportDeclaration(body.bytes);
  if (errors.length > 0) return failure(now, errors);

  const summary = summarizeDeclaration(body.bytes);
  const record: EtransportRecord = {
    index: sandbox.store.newEtransportIndex(),
    cif,
    version: Number(version ?? '2'),
    // A notice gets a new UIT; other declarations refer to an existing one.
    uit: summary.tip === 'NOT' || summary.uit === null ? newUit() : summary.uit,
    sha256: createHash('sha256').update(body.bytes).digest('hex'),
    uploadedAt: now.getTime(),
    readyAt: now.getTime() + sandbox.settings.processingMs,
    serial: call.requireGrant().serial,
    state: 'in prelucrare',
    errors: [],
    summary,
  };
  sandbox.store.addEtransport(record);
  sandbox.logger.info('e-Transport declaration received', {
    cif,
    index: record.index,
  });

  return envelope(now, {
    ExecutionStatus: 0,
    index_incarcare: record.index,
    UIT: record.uit,
    ref_declarant: summary.refDeclarant,
    atentie:
      'Codul UIT poate fi utilizat numai dupa ce starea declaratiei este ok',
  });
}

/** Decides declarations whose processing time is over. */
export function settleDeclarations(sandbox: Sandbox, now: Date): void {
  for (const record of sandbox.store.etransport()) {
    if (record.state !== 'in prelucrare' || record.readyAt > now.getTime())
      continue;
    const refersTo = record.summary.tip === 'NOT' ? null : record.summary.uit;
    const known =
      refersTo === null ||
      sandbox.store
        .etransport()
        .some(
          (other) =>
            other.uit === refersTo &&
            other.state === 'ok' &&
            other.index < record.index,
        );
    record.state = known ? 'ok' : 'nok';
    record.errors = known ? [] : ['UIT-ul nu poate fi identificat.'];
    sandbox.store.changed();
  }
}

/** GET /stareMesaj/{id_incarcare} */
export function handleEtransportStatus(call: Call): Reply {
  const { sandbox, now } = call;
  const serial = call.requireGrant().serial;
  const [id = ''] = call.params;
  if (!/^\d+$/.test(id)) {
    return failure(now, [
      `Id_incarcare introdus= ${id} nu este un numar intreg`,
    ]);
  }
  if (!sandbox.rights.hasAny(serial)) return failure(now, [RIGHTS.none]);
  const record = sandbox.store
    .etransport()
    .find((candidate) => String(candidate.index) === id);
  if (!record)
    return failure(now, [`Nu exista declaratie cu id_incarcare= ${id}`]);
  if (!sandbox.rights.has(serial, record.cif)) {
    return failure(now, [
      `Nu aveti dreptul de inteorgare pentru id_incarcare= ${id}`,
    ]);
  }
  const limit = sandbox.settings.dailyLimits.etransportStatusPerMessage;
  if (!sandbox.store.countDaily('etransport-stareMesaj', id, limit, now)) {
    return failure(now, [
      `S-au facut deja ${limit} de verificari, pentru id-incarcare solicitat, in cursul zilei`,
    ]);
  }
  if (record.state === 'nok') {
    return envelope(now, {
      stare: 'nok',
      Errors: record.errors.map((errorMessage) => ({ errorMessage })),
      ExecutionStatus: 1,
    });
  }
  return envelope(now, { stare: record.state, ExecutionStatus: 0 });
}

function listItem(record: EtransportRecord): Record<string, unknown> {
  const { summary } = record;
  return {
    uit: record.uit,
    cod_decl: summary.codDeclarant ?? record.cif,
    ref_decl: summary.refDeclarant,
    sursa: 'A',
    id_incarcare: String(record.index),
    data_creare: formatCompactSeconds(new Date(record.uploadedAt)),
    tip: summary.tip,
    stare: record.state === 'nok' ? 'ERR' : 'OK',
    tip_op: summary.codTipOperatiune,
    data_transp: summary.dataTransport,
    pc_tara: summary.partnerCountry,
    pc_cod: summary.partnerCode,
    pc_den: summary.partnerName,
    tr_tara: summary.carrierCountry,
    tr_cod: summary.carrierCode,
    tr_den: summary.carrierName,
    nr_veh: summary.vehicle,
    nr_linii: summary.lineCount,
    gr_tot_neta: summary.netWeight,
    gr_tot_bruta: summary.grossWeight,
    val_tot: summary.value,
    ...(record.state === 'nok'
      ? { mesaje: record.errors.map((mesaj) => ({ tip: 'ERR', mesaj })) }
      : {}),
  };
}

/** GET /lista/{zile}/{cif} */
export function handleEtransportList(call: Call): Reply {
  const { sandbox, now } = call;
  const serial = call.requireGrant().serial;
  const [days = '', cif = ''] = call.params;
  if (!/^\d+$/.test(days)) {
    return failure(now, [
      `Numarul de zile introdus= ${days} nu este un numar intreg`,
    ]);
  }
  const dayCount = Number(days);
  if (dayCount < 1 || dayCount > 60) {
    return failure(now, ['Numarul de zile trebuie sa fie intre 1 si 60']);
  }
  if (!/^\d{1,13}$/.test(cif)) return failure(now, [notANumber(cif)]);
  const problem = rightsError(call, cif);
  if (problem !== null) return failure(now, [problem]);

  const limit = sandbox.settings.dailyLimits.etransportListPerUser;
  if (!sandbox.store.countDaily('etransport-lista', serial, limit, now)) {
    return failure(now, [
      `S-au facut deja ${limit} interogari de lista mesaje de catre utilizator in cursul zilei`,
    ]);
  }

  const from = now.getTime() - dayCount * DAY_MS;
  const records = sandbox.store
    .etransport()
    .filter(
      (record) =>
        record.cif === cif &&
        record.uploadedAt >= from &&
        record.state !== 'in prelucrare',
    );
  if (records.length === 0) {
    return failure(now, [`Nu exista mesaje in ultimele ${dayCount} zile`]);
  }
  return envelope(now, {
    mesaje: records.map(listItem),
    serial,
    cui: cif,
    titlu: `Lista Mesaje disponibile din ultimele ${dayCount} zile`,
    ExecutionStatus: 0,
  });
}
