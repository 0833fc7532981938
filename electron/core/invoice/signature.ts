/**
 * The signature file of an ANAF ZIP (`semnatura_<upload index>.xml`) in its
 * two known shapes. A detached file is a `Signature` root in the XML-DSig
 * namespace, whose reference digest covers the raw bytes of
 * `<upload index>.xml`. An enveloped file is the document itself with a
 * `Signature` as the last child of its root.
 */
import { createHash, X509Certificate } from 'node:crypto';

import type { Element } from '@xmldom/xmldom';

import type { AnafSignatureInfo } from '../../../shared/invoice.ts';
import type { Result } from '../../../shared/result.ts';

import { catchFailure, documentFailure } from './failure.ts';
import { NS } from './namespaces.ts';
import { parseXmlBytes, ZIP_DOCUMENT_MAX_BYTES } from './parse-invoice.ts';
import { attribute, childElements, one, text } from './xml-path.ts';

/** Node hash names for the XML-DSig digest algorithm URIs. */
const DIGEST_ALGORITHMS: Readonly<Record<string, string>> = {
  'http://www.w3.org/2000/09/xmldsig#sha1': 'sha1',
  'http://www.w3.org/2001/04/xmlenc#sha256': 'sha256',
  'http://www.w3.org/2001/04/xmldsig-more#sha384': 'sha384',
  'http://www.w3.org/2001/04/xmlenc#sha512': 'sha512',
};

export interface DigestCheck {
  /** True when the digest of the document bytes equals the signed digest. */
  matches: boolean;
  /** Node hash name, e.g. `'sha256'`. */
  algorithm: string;
  /** Base64 digest stated in the signature. */
  expected: string;
  /** Base64 digest of the document bytes. */
  actual: string;
}

/**
 * Reads the signer and digest from a signature file of either shape. Fails
 * with `input.invalid` when the XML is not well-formed or contains
 * no signature where ANAF places it.
 */
export function readSignature(
  bytes: Uint8Array,
  options: { maxBytes?: number } = {},
): Result<AnafSignatureInfo> {
  return catchFailure(() => {
    const maxBytes = options.maxBytes ?? ZIP_DOCUMENT_MAX_BYTES;
    const root = parseXmlBytes(bytes, maxBytes).documentElement;
    const located = root ? locateSignature(root) : null;
    if (!located) {
      throw documentFailure(
        'notSignature',
        `The file is not an XML signature: its root is not a 'Signature' in the namespace '${NS.ds}', and its root's last child is not one either.`,
      );
    }
    return describeSignature(located.signature, located.shape);
  });
}

/**
 * Checks a detached signature's reference digest against the raw bytes of
 * the document as stored in the ZIP. Returns `matches: false` when they
 * differ. Fails with `input.invalid` for an enveloped signature (its digest
 * covers the canonicalised document, not the file bytes), a missing digest
 * or an unknown digest algorithm.
 * NOTE: only the digest is checked; the RSA signature over `SignedInfo` and
 * the certificate chain are not verified here.
 */
export function verifyDetachedDigest(
  documentBytes: Uint8Array,
  signatureBytes: Uint8Array,
): Result<DigestCheck> {
  const info = readSignature(signatureBytes);
  if (!info.ok) return info;

  return catchFailure(() => {
    const signature = info.value;
    if (signature.shape !== 'detached') {
      throw documentFailure(
        'unsupported',
        'The signature file is enveloped: its digest covers the canonicalised document inside it, not the bytes of the invoice file, so it cannot be checked against them.',
      );
    }
    const algorithm = DIGEST_ALGORITHMS[signature.digestAlgorithm ?? ''];
    if (!algorithm || !signature.digestValue) {
      throw documentFailure(
        'unsupported',
        `The signature has no digest that can be checked (digest algorithm '${signature.digestAlgorithm ?? 'missing'}').`,
      );
    }

    const expected = signature.digestValue;
    const actual = createHash(algorithm).update(documentBytes).digest('base64');
    return { matches: actual === expected, algorithm, expected, actual };
  });
}

function locateSignature(
  root: Element,
): { signature: Element; shape: AnafSignatureInfo['shape'] } | null {
  if (isSignature(root)) return { signature: root, shape: 'detached' };

  let last = root.lastChild;
  while (last && last.nodeType !== last.ELEMENT_NODE)
    last = last.previousSibling;
  if (last && isSignature(last as Element)) {
    return { signature: last as Element, shape: 'enveloped' };
  }
  return null;
}

function isSignature(element: Element): boolean {
  return element.localName === 'Signature' && element.namespaceURI === NS.ds;
}

function describeSignature(
  signature: Element,
  shape: AnafSignatureInfo['shape'],
): AnafSignatureInfo {
  const signedInfo = one(signature, 'ds:SignedInfo');
  const reference =
    childElements(signedInfo ?? signature, NS.ds, 'Reference')[0] ?? null;
  const x509Data = one(signature, 'ds:KeyInfo/ds:X509Data');
  const certificate = readCertificate(text(x509Data, 'ds:X509Certificate'));
  const digestValue = text(reference, 'ds:DigestValue');

  return {
    shape,
    signerSubject: certificate?.subject ?? text(x509Data, 'ds:X509SubjectName'),
    signerIssuer: certificate?.issuer ?? null,
    validFrom: certificate?.validFrom ?? null,
    validTo: certificate?.validTo ?? null,
    certificatePem: certificate?.pem ?? null,
    digestValue: digestValue ? digestValue.replace(/\s+/g, '') : null,
    digestAlgorithm: attribute(one(reference, 'ds:DigestMethod'), 'Algorithm'),
    signatureAlgorithm: attribute(
      one(signedInfo, 'ds:SignatureMethod'),
      'Algorithm',
    ),
    referenceUri: reference?.getAttribute('URI') ?? null,
  };
}

interface CertificateFacts {
  subject: string;
  issuer: string;
  validFrom: string;
  validTo: string;
  pem: string;
}

/** Parses the base64 DER certificate; `null` when it is missing or invalid. */
function readCertificate(base64: string | null): CertificateFacts | null {
  if (!base64) return null;
  const der = Buffer.from(base64.replace(/\s+/g, ''), 'base64');
  try {
    const certificate = new X509Certificate(der);
    return {
      subject: oneLineName(certificate.subject),
      issuer: oneLineName(certificate.issuer),
      validFrom: new Date(certificate.validFrom).toISOString(),
      validTo: new Date(certificate.validTo).toISOString(),
      pem: certificate.toString(),
    };
  } catch {
    // The certificate is untrusted input: any parse error means no facts.
    return null;
  }
}

/** Node prints names one attribute per line; join them with commas. */
function oneLineName(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}
