// RASP uploads: a buyer's message about an invoice, sent with
// `standard=RASP` as `<header xmlns="mfp:anaf:dgti:spv:reqMesaj:v1"
// index_incarcare="<invoice's upload index>" message="<text>"/>`.
import { DOMParser } from '@xmldom/xmldom';

const RASP_NS = 'mfp:anaf:dgti:spv:reqMesaj:v1';

export interface RaspMessage {
  referencedIndex: string;
  message: string;
}

function invalid(detail: string): { ok: false; message: string } {
  return {
    ok: false,
    message: `Fisierul transmis nu este valid. org.xml.sax.SAXParseException; ${detail}`,
  };
}

export function parseRasp(
  body: Buffer,
): { ok: true; rasp: RaspMessage } | { ok: false; message: string } {
  const text = body.toString('utf8');
  if (/<!DOCTYPE/i.test(text)) return invalid('DOCTYPE is disallowed.');

  const parser = new DOMParser({ onError: () => undefined });
  let root;
  try {
    root = parser.parseFromString(text, 'text/xml').documentElement;
  } catch (error) {
    return invalid((error as Error).message);
  }
  if (!root || root.localName !== 'header' || root.namespaceURI !== RASP_NS) {
    const name = root?.localName ?? '';
    return invalid(
      `cvc-elt.1.a: Cannot find the declaration of element '${name}'.`,
    );
  }

  const referencedIndex = root.getAttribute('index_incarcare') ?? '';
  const message = root.getAttribute('message') ?? '';
  if (!/^\d+$/.test(referencedIndex)) {
    return invalid(
      `cvc-datatype-valid.1.2.1: '${referencedIndex}' is not a valid value for 'integer'.`,
    );
  }
  if (message.trim() === '') {
    return invalid(
      "cvc-complex-type.4: Attribute 'message' must appear on element 'header'.",
    );
  }
  return { ok: true, rasp: { referencedIndex, message } };
}
