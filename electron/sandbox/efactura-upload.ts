// POST /upload and /uploadb2c. The upload itself checks only parameters,
// rights, size and structure; the business rules run later, while the
// upload is `in prelucrare` (see processing.ts).
import { createHash } from 'node:crypto';
import { badRequestReply, type Reply } from './http.ts';
import {
  notANumber,
  RIGHTS,
  uploadAccepted,
  uploadRejected,
} from './answers.ts';
import type { Call } from './context.ts';
import { checkStructure, type InvoiceFacts } from './documents/index.ts';
import { parseRasp, type RaspMessage } from './rasp.ts';
import type { EfacturaStandard, UploadRecord } from './records.ts';

const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const STANDARDS: readonly string[] = ['UBL', 'CN', 'CII', 'RASP'];

interface Flags {
  extern: boolean;
  autofactura: boolean;
  executare: boolean;
}

// ANAF names the autofactura parameter "autofacturare" in its message.
const FLAG_LABELS: Record<keyof Flags, string> = {
  extern: 'extern',
  autofactura: 'autofacturare',
  executare: 'executare',
};

function readFlags(call: Call): Flags | { error: string } {
  const flags: Flags = { extern: false, autofactura: false, executare: false };
  for (const name of Object.keys(flags) as (keyof Flags)[]) {
    const value = call.query(name);
    if (value === null) continue;
    if (value !== 'DA') {
      return {
        error: `Daca parametrul ${FLAG_LABELS[name]} trebuie completat, valoarea acceptata este DA`,
      };
    }
    flags[name] = true;
  }
  return flags;
}

/** Finds the first parameter or rights problem, in the order ANAF reports them. */
function parameterError(
  call: Call,
  standard: string,
  cif: string,
  tooLarge: boolean,
  flags: Flags | { error: string },
): string | null {
  const { sandbox } = call;
  const serial = call.requireGrant().serial;
  if (!STANDARDS.includes(standard)) {
    return 'Valorile acceptate pentru parametrul standard sunt UBL, CN, CII sau RASP';
  }
  if (tooLarge) return 'Marime fisier transmis mai mare de 10 MB.';
  if (!/^\d+$/.test(cif)) return notANumber(cif);
  if ('error' in flags) return flags.error;
  if (!sandbox.rights.hasAny(serial)) return RIGHTS.none;
  if (!sandbox.rights.has(serial, cif)) return RIGHTS.forCif(cif);
  if (flags.executare && !sandbox.enforcementCifs.has(cif)) {
    return `CIF introdus= ${cif} nu este inregistrat in Registrul RO e-Factura executari silite`;
  }
  return null;
}

type Parsed =
  | { ok: true; facts: InvoiceFacts | null; rasp: RaspMessage | null }
  | { ok: false; message: string };

function parseBody(body: Buffer, standard: EfacturaStandard): Parsed {
  if (standard === 'RASP') {
    const result = parseRasp(body);
    return result.ok ? { ok: true, facts: null, rasp: result.rasp } : result;
  }
  const result = checkStructure(body, standard);
  return result.ok ? { ok: true, facts: result.facts, rasp: null } : result;
}

export async function handleUpload(
  call: Call,
  source: 'upload' | 'uploadb2c',
): Promise<Reply> {
  const { sandbox, now } = call;
  const standard = call.query('standard');
  const cif = call.query('cif');
  const body = await call.body(MAX_UPLOAD_BYTES);
  if (!standard || !cif) {
    return badRequestReply('Parametrii standard si cif sunt obligatorii', now);
  }
  // NOTE: ANAF rejects an empty body with a 400 CustomErrorMessage; its
  // wording is not documented, so this text is the sandbox's own.
  if (body.bytes.length === 0 && !body.tooLarge) {
    return badRequestReply('Fisierul transmis nu poate fi gol', now);
  }

  const flags = readFlags(call);
  const problem = parameterError(call, standard, cif, body.tooLarge, flags);
  if (problem !== null) return uploadRejected([problem], now);
  // parameterError has ruled out a bad flag value and an unknown standard.
  const validFlags = flags as Flags;
  const uploadStandard = standard as EfacturaStandard;

  if (
    uploadStandard === 'RASP' &&
    !sandbox.store.countDaily(
      'rasp',
      cif,
      sandbox.settings.dailyLimits.raspUploadsPerCif,
      now,
    )
  ) {
    return uploadRejected(
      [
        `S-au incarcat deja ${sandbox.settings.dailyLimits.raspUploadsPerCif} de mesaje de tip RASP pentru cui=${cif} in cursul zilei`,
      ],
      now,
    );
  }

  const parsed = parseBody(body.bytes, uploadStandard);
  const record: UploadRecord = {
    index: sandbox.store.newUploadIndex(),
    source,
    standard: uploadStandard,
    cif,
    ...validFlags,
    sha256: createHash('sha256').update(body.bytes).digest('hex'),
    size: body.bytes.length,
    uploadedAt: now.getTime(),
    readyAt: now.getTime() + sandbox.settings.processingMs,
    serial: call.requireGrant().serial,
    state: parsed.ok ? 'in prelucrare' : 'XML cu erori nepreluat de sistem',
    facts: parsed.ok ? parsed.facts : null,
    rasp: parsed.ok ? parsed.rasp : null,
    errors: parsed.ok ? [] : [parsed.message],
    downloadId: null,
  };
  sandbox.store.addUpload(record, body.bytes);
  call.recordedUploadIndex = record.index;
  sandbox.logger.info('upload received', {
    cif,
    index: record.index,
    standard,
    state: record.state,
  });

  // A file rejected at upload is recorded (stareMesaj reports it later) but
  // its index is not returned.
  return parsed.ok
    ? uploadAccepted(record.index, now)
    : uploadRejected([parsed.message], now);
}
