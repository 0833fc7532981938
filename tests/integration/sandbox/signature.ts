// Checks a downloaded ZIP's signature file the way a client would, with
// xml-crypto (the standard XML-signature library for Node) and Node's crypto.
import { createHash, createVerify, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { ExclusiveCanonicalization, SignedXml } from 'xml-crypto';

const DSIG = 'http://www.w3.org/2000/09/xmldsig#';

/** Reads the sandbox's signing certificate, which is stored beside its CA. */
export function signerCertificate(caCertPath: string): string {
  return readFileSync(join(dirname(caCertPath), 'signer.pem'), 'utf8');
}

function firstText(root: Element, localName: string): string {
  const element = root.getElementsByTagNameNS(DSIG, localName)[0];
  return (element?.textContent ?? '').replace(/\s+/g, '');
}

/**
 * Verifies the detached shape: the one Reference digests the raw bytes of
 * the document, and SignedInfo (exclusive C14N) carries an RSA-SHA256
 * signature by the certificate in KeyInfo, which must be the sandbox signer.
 */
export function verifyDetached(
  document: Buffer,
  signatureFile: Buffer,
  signerPem: string,
): string[] {
  const problems: string[] = [];
  const root = new DOMParser().parseFromString(
    signatureFile.toString('utf8'),
    'text/xml',
  ).documentElement as unknown as Element;
  if (root.localName !== 'Signature' || root.namespaceURI !== DSIG)
    problems.push('root is not ds:Signature');

  const digest = createHash('sha256').update(document).digest('base64');
  if (firstText(root, 'DigestValue') !== digest)
    problems.push('digest does not match the document bytes');

  const certificate = new X509Certificate(
    Buffer.from(firstText(root, 'X509Certificate'), 'base64'),
  );
  if (
    certificate.fingerprint256 !== new X509Certificate(signerPem).fingerprint256
  ) {
    problems.push('KeyInfo does not carry the sandbox signer');
  }

  const signedInfo = root.getElementsByTagNameNS(DSIG, 'SignedInfo')[0];
  if (!signedInfo) {
    problems.push('no SignedInfo');
    return problems;
  }
  const canonical = new ExclusiveCanonicalization().process(
    signedInfo as unknown as Element,
    {},
  );
  const verified = createVerify('RSA-SHA256')
    .update(canonical, 'utf8')
    .verify(certificate.publicKey, firstText(root, 'SignatureValue'), 'base64');
  if (!verified) problems.push('SignedInfo signature is invalid');
  return problems;
}

/** Verifies the enveloped shape with xml-crypto's own checkSignature. */
export function verifyEnveloped(
  signatureFile: Buffer,
  signerPem: string,
): boolean {
  const xml = signatureFile.toString('utf8');
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const signature = doc.getElementsByTagNameNS(DSIG, 'Signature')[0];
  if (!signature) return false;
  const verifier = new SignedXml({ publicCert: signerPem });
  verifier.loadSignature(signature as unknown as Node);
  return verifier.checkSignature(xml);
}
