// The bodies of e-Factura's responses, in the shapes and namespaces ANAF uses:
// XML `header` documents for upload and stareMesaj, `{eroare, titlu}` JSON
// for lists and downloads, all with HTTP 200 even when they report an error.
import { jsonReply, xmlAttribute, xmlReply, type Reply } from './http.ts';
import { formatCompactMinutes } from './time.ts';

const UPLOAD_NS = 'mfp:anaf:dgti:spv:respUploadFisier:v1';
const STATUS_NS = 'mfp:anaf:dgti:efactura:stareMesajFactura:v1';

function errorChildren(messages: string[]): string {
  return messages
    .map((message) => `    <Errors errorMessage="${xmlAttribute(message)}"/>\n`)
    .join('');
}

export function uploadAccepted(index: string, now: Date): Reply {
  return xmlReply(
    `<header xmlns="${UPLOAD_NS}" dateResponse="${formatCompactMinutes(now)}" ExecutionStatus="0" index_incarcare="${index}"/>\n`,
  );
}

export function uploadRejected(messages: string[], now: Date): Reply {
  return xmlReply(
    `<header xmlns="${UPLOAD_NS}" dateResponse="${formatCompactMinutes(now)}" ExecutionStatus="1">\n${errorChildren(messages)}</header>\n`,
  );
}

export function statusAnswer(stare: string, downloadId: string | null): Reply {
  const id = downloadId === null ? '' : ` id_descarcare="${downloadId}"`;
  return xmlReply(
    `<header xmlns="${STATUS_NS}" stare="${xmlAttribute(stare)}"${id}/>\n`,
  );
}

export function statusError(message: string): Reply {
  return xmlReply(
    `<header xmlns="${STATUS_NS}">\n${errorChildren([message])}</header>\n`,
  );
}

export const LIST_TITLE = 'Lista Mesaje';
export const DOWNLOAD_TITLE = 'Descarcare mesaj';

/** Builds a list error or "no messages" note, sent as application/json. */
export function listError(message: string): Reply {
  return jsonReply({ eroare: message, titlu: LIST_TITLE });
}

/** Builds a download error: JSON, but sent as text/plain as ANAF's download does. */
export function downloadError(message: string): Reply {
  return jsonReply(
    { eroare: message, titlu: DOWNLOAD_TITLE },
    200,
    'text/plain; charset=utf-8',
  );
}

/** ANAF's rights messages, shared by every e-Factura endpoint. */
export const RIGHTS = {
  none: 'Nu exista niciun CIF pentru care sa aveti drept in SPV',
  forCif: (cif: string) => `Nu aveti drept in SPV pentru CIF=${cif}`,
};

export function notANumber(cif: string): string {
  return `CIF introdus= ${cif} nu este un numar`;
}
