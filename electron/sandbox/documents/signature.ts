// The Ministry of Finance signature in a download ZIP, in both shapes ANAF
// has used: a detached <Signature> over the raw bytes of `<index>.xml`
// (production), and the document itself with an enveloped signature appended
// to its root (test-environment ZIPs of 2023-2024).
import { createHash, createSign, X509Certificate } from 'node:crypto';

import { DOMParser } from '@xmldom/xmldom';
import iconv from 'iconv-lite';
import { ExclusiveCanonicalization, SignedXml } from 'xml-crypto';

import type { Signer } from './types.ts';
import { escapeText } from './xml-escape.ts';
import { decodeXml } from './xml-decode.ts';

export const ALGORITHMS = {
  exclusiveC14n: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  rsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  envelopedSignature: 'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
} as const;

const SIGNATURE_VALUE_PLACEHOLDER = 'SIGNATURE-VALUE-PLACEHOLDER';

/** Returns the base64 DER body of a PEM certificate, without line breaks. */
export function certificateBase64(certificatePem: string): string {
  return new X509Certificate(certificatePem).raw.toString('base64');
}

/** Writes a certificate subject as RFC 2253 does ("CN=.., OU=.., C=RO"), most specific first. */
export function subjectName(certificatePem: string): string {
  return new X509Certificate(certificatePem).subject
    .split('\n')
    .reverse()
    .join(', ');
}

function keyInfoXml(certificatePem: string): string {
  return (
    '<X509Data>' +
    `<X509SubjectName>${escapeText(subjectName(certificatePem))}</X509SubjectName>` +
    `<X509Certificate>${certificateBase64(certificatePem)}</X509Certificate>` +
    '</X509Data>'
  );
}

/** Canonicalizes an element with exclusive C14N (no comments). */
export function canonicalize(element: Node): string {
  const canonicalization = new ExclusiveCanonicalization();
  return canonicalization.process(element as Element, {});
}

/** Signs a detached reference to the exact bytes of `fileName`. */
export function signDetached(
  document: Buffer,
  fileName: string,
  signer: Signer,
): Buffer {
  const digest = createHash('sha256').update(document).digest('base64');
  const signedInfo =
    '<SignedInfo>' +
    `<CanonicalizationMethod Algorithm="${ALGORITHMS.exclusiveC14n}"/>` +
    `<SignatureMethod Algorithm="${ALGORITHMS.rsaSha256}"/>` +
    `<Reference URI="${escapeText(fileName)}">` +
    `<DigestMethod Algorithm="${ALGORITHMS.sha256}"/>` +
    `<DigestValue>${digest}</DigestValue>` +
    '</Reference>' +
    '</SignedInfo>';
  const unsigned =
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#">' +
    signedInfo +
    `<SignatureValue>${SIGNATURE_VALUE_PLACEHOLDER}</SignatureValue>` +
    `<KeyInfo>${keyInfoXml(signer.certificatePem)}</KeyInfo>` +
    '</Signature>\n';

  // SignedInfo is signed in its canonical form, taken from the same text
  // the file will contain, so a verifier gets the same bytes back.
  const parsed = new DOMParser().parseFromString(unsigned, 'text/xml');
  const signedInfoElement = parsed.getElementsByTagNameNS(
    'http://www.w3.org/2000/09/xmldsig#',
    'SignedInfo',
  )[0];
  if (!signedInfoElement)
    throw new Error('The detached signature template has no SignedInfo');
  const canonical = canonicalize(signedInfoElement as unknown as Node);
  const value = createSign('RSA-SHA256')
    .update(canonical, 'utf8')
    .sign(signer.privateKeyPem, 'base64');
  return Buffer.from(
    unsigned.replace(SIGNATURE_VALUE_PLACEHOLDER, value),
    'utf8',
  );
}

/**
 * Appends an enveloped signature (Reference URI="") as the last child of the
 * document's root. The result keeps the document's declared encoding.
 */
export function signEnveloped(document: Buffer, signer: Signer): Buffer {
  const decoded = decodeXml(document);
  if (!decoded.ok)
    throw new Error(
      `Cannot sign a document that is not XML: ${decoded.problem.message}`,
    );
  const signature = new SignedXml({
    privateKey: signer.privateKeyPem,
    publicCert: signer.certificatePem,
    signatureAlgorithm: ALGORITHMS.rsaSha256,
    canonicalizationAlgorithm: ALGORITHMS.exclusiveC14n,
  });
  signature.getKeyInfoContent = () => keyInfoXml(signer.certificatePem);
  signature.addReference({
    xpath: '/*',
    uri: '',
    isEmptyUri: true,
    transforms: [ALGORITHMS.envelopedSignature, ALGORITHMS.exclusiveC14n],
    digestAlgorithm: ALGORITHMS.sha256,
  });
  signature.computeSignature(decoded.text, {
    location: { reference: '/*', action: 'append' },
  });
  return iconv.encode(signature.getSignedXml(), decoded.encoding);
}
