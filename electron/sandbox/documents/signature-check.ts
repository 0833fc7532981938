// Verification of both signature shapes, for the public signature check
// service and for tests.
import {
  createHash,
  timingSafeEqual,
  verify,
  X509Certificate,
} from 'node:crypto';

import type { Document, Element } from '@xmldom/xmldom';
import { SignedXml } from 'xml-crypto';

import { ALGORITHMS, canonicalize } from './signature.ts';
import { child, children, NS, parseXml, textOf } from './xml.ts';

export interface SignatureVerdict {
  valid: boolean;
  reason?: string;
}

function invalid(reason: string): SignatureVerdict {
  return { valid: false, reason };
}

function algorithmOf(element: Element | null): string | null {
  return element?.getAttribute('Algorithm') ?? null;
}

/** Reads the signer's certificate from KeyInfo/X509Data/X509Certificate. */
function certificateOf(signature: Element): X509Certificate | null {
  const keyInfo = child(signature, NS.dsig, 'KeyInfo');
  const data = child(keyInfo, NS.dsig, 'X509Data');
  const base64 = textOf(child(data, NS.dsig, 'X509Certificate'));
  if (!base64) return null;
  try {
    return new X509Certificate(
      Buffer.from(base64.replace(/\s+/g, ''), 'base64'),
    );
  } catch {
    return null;
  }
}

/** Checks that the embedded certificate is the expected one, when one is expected. */
function certificateProblem(
  certificate: X509Certificate,
  trustedPem: string | undefined,
): string | null {
  if (!trustedPem) return null;
  const trusted = new X509Certificate(trustedPem);
  return certificate.raw.equals(trusted.raw)
    ? null
    : 'the signature was made with another certificate';
}

function sameDigest(expectedBase64: string, actual: Buffer): boolean {
  const expected = Buffer.from(expectedBase64.replace(/\s+/g, ''), 'base64');
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Checks that the detached signature uses the algorithms the sandbox signs with. */
function algorithmProblem(
  signedInfo: Element,
  reference: Element,
): string | null {
  const canonicalization = algorithmOf(
    child(signedInfo, NS.dsig, 'CanonicalizationMethod'),
  );
  if (canonicalization !== ALGORITHMS.exclusiveC14n) {
    return 'SignedInfo is not canonicalized with exclusive C14N';
  }
  if (
    algorithmOf(child(signedInfo, NS.dsig, 'SignatureMethod')) !==
    ALGORITHMS.rsaSha256
  ) {
    return 'the signature method is not RSA-SHA256';
  }
  if (
    algorithmOf(child(reference, NS.dsig, 'DigestMethod')) !== ALGORITHMS.sha256
  ) {
    return 'the digest method is not SHA-256';
  }
  return null;
}

/** Verifies the detached shape: the digest against the raw bytes, then the SignedInfo signature. */
function verifyDetached(
  document: Buffer,
  signature: Element,
  trustedPem?: string,
): SignatureVerdict {
  const signedInfo = child(signature, NS.dsig, 'SignedInfo');
  const references = children(signedInfo, NS.dsig, 'Reference');
  const reference = references[0];
  if (!signedInfo || references.length !== 1 || !reference) {
    return invalid('SignedInfo must contain exactly one Reference');
  }
  const wrongAlgorithm = algorithmProblem(signedInfo, reference);
  if (wrongAlgorithm) return invalid(wrongAlgorithm);

  const digest = createHash('sha256').update(document).digest();
  if (
    !sameDigest(textOf(child(reference, NS.dsig, 'DigestValue')) ?? '', digest)
  ) {
    return invalid('the digest does not match the document bytes');
  }

  const certificate = certificateOf(signature);
  if (!certificate) return invalid('KeyInfo contains no X509Certificate');
  const wrongCertificate = certificateProblem(certificate, trustedPem);
  if (wrongCertificate) return invalid(wrongCertificate);

  const signatureValue =
    textOf(child(signature, NS.dsig, 'SignatureValue')) ?? '';
  const value = Buffer.from(signatureValue.replace(/\s+/g, ''), 'base64');
  const canonical = Buffer.from(
    canonicalize(signedInfo as unknown as Node),
    'utf8',
  );
  return verify('sha256', canonical, certificate.publicKey, value)
    ? { valid: true }
    : invalid('the SignedInfo signature does not verify');
}

/** Returns the document element's canonical form without its enveloped Signature. */
function canonicalWithoutSignature(document: Document): string | null {
  const root = document.documentElement;
  if (!root) return null;
  for (const signature of children(root, NS.dsig, 'Signature'))
    root.removeChild(signature);
  return canonicalize(root as unknown as Node);
}

/** Verifies the enveloped shape and that the signed document is `document`. */
function verifyEnveloped(
  document: Buffer,
  signed: Document,
  signedText: string,
  trustedPem?: string,
): SignatureVerdict {
  const root = signed.documentElement;
  const signatures = children(root, NS.dsig, 'Signature');
  const signature = signatures[0];
  if (signatures.length !== 1 || !signature)
    return invalid('the file contains no enveloped Signature');
  const certificate = certificateOf(signature);
  if (!certificate) return invalid('KeyInfo contains no X509Certificate');
  const wrongCertificate = certificateProblem(certificate, trustedPem);
  if (wrongCertificate) return invalid(wrongCertificate);

  const signedXml = new SignedXml({ publicCert: certificate.toString() });
  signedXml.loadSignature(signature as unknown as Node);
  const references = signedXml.getReferences();
  if (references.length !== 1 || references[0]?.uri !== '') {
    return invalid(
      'the enveloped signature must contain one Reference with URI=""',
    );
  }
  if (!references[0]?.transforms.includes(ALGORITHMS.envelopedSignature)) {
    return invalid('the Reference lacks the enveloped-signature transform');
  }
  let verified: boolean;
  try {
    verified = signedXml.checkSignature(signedText);
  } catch (error) {
    return invalid(
      `the enveloped signature does not verify: ${(error as Error).message}`,
    );
  }
  if (!verified) return invalid('the enveloped signature does not verify');

  const original = parseXml(document);
  if (!original.ok) return invalid('the document is not well-formed XML');
  if (
    canonicalWithoutSignature(original.document) !==
    canonicalWithoutSignature(signed)
  ) {
    return invalid('the signature file signs a different document');
  }
  return { valid: true };
}

/** Checks that `signatureFile` (either shape) signs `document`, optionally with a given certificate. */
export function verifySignatureFile(
  document: Buffer,
  signatureFile: Buffer,
  trustedCertificatePem?: string,
): SignatureVerdict {
  const parsed = parseXml(signatureFile);
  if (!parsed.ok)
    return invalid(
      `the signature file is not well-formed XML: ${parsed.problem.message}`,
    );
  const root = parsed.document.documentElement;
  if (root?.namespaceURI === NS.dsig && root.localName === 'Signature') {
    return verifyDetached(document, root, trustedCertificatePem);
  }
  return verifyEnveloped(
    document,
    parsed.document,
    parsed.text,
    trustedCertificatePem,
  );
}
