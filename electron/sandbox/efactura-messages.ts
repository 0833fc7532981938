// GET /stareMesaj and GET /descarcare: the state of one upload and the
// signed ZIP of one message.
import { RIGHTS, downloadError, statusAnswer, statusError } from './answers.ts';
import type { Call, Sandbox } from './context.ts';
import { buildMessageZip } from './documents/index.ts';
import { badRequestReply, reply, type Reply } from './http.ts';
import type { MessageRecord, UploadRecord } from './records.ts';
import { DAY_MS } from './time.ts';

/** How long ANAF keeps a message downloadable. */
export const RETENTION_DAYS = 60;

/** Checks that the certificate has rights on the upload's CIF or on a party's. */
function maySeeUpload(
  sandbox: Sandbox,
  serial: string,
  upload: UploadRecord,
): boolean {
  const cifs = [upload.cif, upload.facts?.sellerCif, upload.facts?.buyerCif];
  return cifs.some((cif) => cif != null && sandbox.rights.has(serial, cif));
}

export function handleStatus(call: Call): Reply {
  const { sandbox, now } = call;
  const serial = call.requireGrant().serial;
  const index = call.query('id_incarcare');
  if (index === null || index === '') {
    return badRequestReply('Parametrul id_incarcare este obligatoriu', now);
  }
  if (!/^\d+$/.test(index)) {
    return statusError(
      `Id_incarcare introdus= ${index} nu este un numar intreg`,
    );
  }
  // ANAF's own spelling ("petru", "inteorgare") is kept on purpose.
  if (!sandbox.rights.hasAny(serial)) {
    return statusError('Nu exista niciun CIF petru care sa aveti drept');
  }
  const upload = sandbox.store.upload(index);
  if (upload === null)
    return statusError(`Nu exista factura cu id_incarcare= ${index}`);
  if (!maySeeUpload(sandbox, serial, upload)) {
    return statusError(
      `Nu aveti dreptul de inteorgare pentru id_incarcare= ${index}`,
    );
  }

  const limit = sandbox.settings.dailyLimits.stareMesajPerMessage;
  if (!sandbox.store.countDaily('stareMesaj', index, limit, now)) {
    return statusError(
      `S-au facut deja ${limit} interogari de stare pentru id_incarcare=${index} in cursul zilei`,
    );
  }
  return statusAnswer(upload.state, upload.downloadId);
}

function isExpired(message: MessageRecord, now: Date): boolean {
  return message.createdAt < now.getTime() - RETENTION_DAYS * DAY_MS;
}

export async function handleDownload(call: Call): Promise<Reply> {
  const { sandbox, now } = call;
  const serial = call.requireGrant().serial;
  const id = call.query('id');
  if (id === null || id === '') {
    return badRequestReply('Parametrul id este obligatoriu', now);
  }
  if (!/^\d+$/.test(id)) {
    return downloadError(
      `Id descarcare introdus= ${id} nu este un numar intreg`,
    );
  }
  // The list lag does not apply: stareMesaj's id_descarcare downloads at
  // once, while the lists may not show the message yet.
  const message = sandbox.store.message(id);
  if (message === null) {
    return downloadError(
      `Pentru id=${id} nu exista inregistrata nici o factura`,
    );
  }
  if (!sandbox.rights.has(serial, message.cif)) {
    if (!sandbox.rights.hasAny(serial)) return downloadError(RIGHTS.none);
    return downloadError('Nu aveti dreptul sa descarcati acesta factura');
  }
  if (isExpired(message, now)) {
    return downloadError(
      'Fisierul nu mai poate fi descarcat pentru ca a trecut perioada de 60 de zile in care este disponibil',
    );
  }

  const limit = sandbox.settings.dailyLimits.descarcarePerMessage;
  if (!sandbox.store.countDaily('descarcare', id, limit, now)) {
    return downloadError(
      `S-au facut deja ${limit} descarcari la mesajul cu id_descarcare=${id} in cursul zilei`,
    );
  }

  const zip = await messageZip(sandbox, message.uploadIndex);
  return reply(200, 'application/zip', zip, {
    'content-disposition': `attachment; filename="${id}.zip"`,
  });
}

/** Returns the ZIP of an upload's document, built on first download and then kept. */
export async function messageZip(
  sandbox: Sandbox,
  uploadIndex: string,
): Promise<Buffer> {
  const shape = sandbox.settings.signatureShape;
  const key = `${uploadIndex}-${shape}`;
  const cached = sandbox.store.zip(key);
  if (cached) return cached;

  const document = sandbox.store.messageDocument(uploadIndex);
  if (document === null)
    throw new Error(`Upload ${uploadIndex} has no stored document`);
  const signer = {
    certificatePem: sandbox.certificates.signer.certPem,
    privateKeyPem: sandbox.certificates.signer.keyPem,
  };
  const zip = await buildMessageZip(uploadIndex, document, signer, shape);
  sandbox.store.putZip(key, zip);
  return zip;
}
