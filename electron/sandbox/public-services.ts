// ANAF's helper services: `validare` and `transformare` (on production
// paths only, for standards FACT1 and FCN and bodies up to 5 MB) and the
// signature check of a downloaded invoice. Each exists without
// authentication on the public host and as an OAuth twin on the API host,
// and both call these handlers.
import { randomInt, randomUUID } from 'node:crypto';
import type { Call } from './context.ts';
import {
  renderInvoicePdf,
  validateDocument,
  verifyMessageSignature,
} from './documents/index.ts';
import { jsonReply, reply, type Reply } from './http.ts';

const MAX_PUBLIC_BYTES = 5 * 1024 * 1024;
const STANDARDS: readonly string[] = ['FACT1', 'FCN'];

function verdict(messages: string[]): Reply {
  if (messages.length === 0)
    return jsonReply({ stare: 'ok', trace_id: randomUUID() });
  return jsonReply({
    stare: 'nok',
    Messages: messages.map((message) => ({ message })),
    trace_id: randomUUID(),
  });
}

/** Reads the body and checks the standard and size shared by both services. */
async function readDocument(
  call: Call,
): Promise<{ body: Buffer } | { problem: string }> {
  const [standard = ''] = call.params;
  const body = await call.body(MAX_PUBLIC_BYTES);
  if (!STANDARDS.includes(standard)) {
    return {
      problem:
        'Valorile acceptate pentru parametrul standard sunt FACT1 si FCN',
    };
  }
  if (body.tooLarge)
    return { problem: 'Marime fisier transmis mai mare de 5 MB.' };
  return { body: body.bytes };
}

/** POST validare/{standard} */
export async function handleValidate(call: Call): Promise<Reply> {
  const read = await readDocument(call);
  if ('problem' in read) return verdict([read.problem]);
  const standard = call.params[0] as 'FACT1' | 'FCN';
  const result = validateDocument(read.body, standard);
  return verdict(result.stare === 'ok' ? [] : result.messages);
}

/**
 * Builds the F5 firewall's rejection page, which ANAF's public host serves
 * with HTTP 200 instead of the service's response.
 */
export function firewallPage(): Reply {
  const supportId =
    String(randomInt(10 ** 9, 10 ** 10 - 1)) +
    String(randomInt(10 ** 9, 10 ** 10 - 1));
  return reply(
    200,
    'text/html; charset=utf-8',
    `<html><head><title>Request Rejected</title></head><body>The requested URL was rejected. Please consult with your administrator.<br><br>Your support ID is: ${supportId}<br><br><a href='javascript:history.back();'>[Go Back]</a></body></html>`,
  );
}

/**
 * Content that makes ANAF's firewall reject a transformare request: strings
 * like ";CP " on every path, and a relative xsi:schemaLocation as well on
 * the stricter `/DA` path (no validation).
 */
function firewallRejects(body: Buffer, skipValidation: boolean): boolean {
  const text = body.toString('utf8');
  if (text.includes(';CP ')) return true;
  if (!skipValidation) return false;
  const location = /schemaLocation\s*=\s*"([^"]*)"/.exec(text)?.[1] ?? '';
  return location.split(/\s+/).some((part) => /\.\.?\//.test(part));
}

/** POST transformare/{standard}[/DA] */
export async function handleTransform(call: Call): Promise<Reply> {
  const skipValidation = call.params[1] === 'DA';
  const read = await readDocument(call);
  if ('problem' in read) return verdict([read.problem]);
  // NOTE: the firewall's triggers are reported by client developers, not
  // documented by ANAF; the sandbox applies the two that were reported.
  if (firewallRejects(read.body, skipValidation)) return firewallPage();

  const standard = call.params[0] as 'FACT1' | 'FCN';
  if (!skipValidation) {
    const result = validateDocument(read.body, standard);
    if (result.stare === 'nok') return verdict(result.messages);
  }
  try {
    const pdf = await renderInvoicePdf(read.body);
    return reply(200, 'application/pdf', pdf);
  } catch (error) {
    call.sandbox.logger.warn('transformare could not render a PDF', {
      error: (error as Error).message,
    });
    return verdict([
      `Fisierul transmis nu a putut fi transformat: ${(error as Error).message}`,
    ]);
  }
}

// ANAF distinguishes the two outcomes only by wording ("au fost validate cu
// succes" against "NU au putut fi validate cu succes"), both with HTTP 200.
const SIGNATURE_VALID =
  'Fișierele încărcate au fost validate cu succes: semnătura aparține facturii.';
const SIGNATURE_INVALID =
  'Fișierele încărcate NU au putut fi validate cu succes: semnătura nu aparține facturii.';
const SIGNATURE_BAD_REQUEST =
  'Eroare tehnică: request incorect. Trimiteți câmpurile file și signature, ambele fișiere XML.';

async function formFile(form: FormData, name: string): Promise<Buffer | null> {
  const value = form.get(name);
  if (value === null || typeof value === 'string') return null;
  return Buffer.from(await value.arrayBuffer());
}

function looksLikeXml(bytes: Buffer): boolean {
  return bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
    .startsWith('<');
}

/** POST api/validate/signature: multipart fields `file` and `signature`. */
export async function handleSignatureCheck(call: Call): Promise<Reply> {
  const body = await call.body(2 * MAX_PUBLIC_BYTES);
  const contentType = call.req.headers['content-type'] ?? '';
  let document: Buffer | null = null;
  let signature: Buffer | null = null;
  try {
    const form = await new Response(new Uint8Array(body.bytes), {
      headers: { 'content-type': contentType },
    }).formData();
    document = await formFile(form, 'file');
    signature = await formFile(form, 'signature');
  } catch {
    // A body that is not multipart is handled below like a missing file.
  }
  if (
    !document ||
    !signature ||
    !looksLikeXml(document) ||
    !looksLikeXml(signature)
  ) {
    return jsonReply({ msg: SIGNATURE_BAD_REQUEST }, 400);
  }
  const result = verifyMessageSignature(
    document,
    signature,
    call.sandbox.certificates.signer.certPem,
  );
  return jsonReply({ msg: result.valid ? SIGNATURE_VALID : SIGNATURE_INVALID });
}
