/**
 * Signature files in the two shapes ANAF uses, signed at test time with a
 * throwaway RSA key and a self-signed certificate named like ANAF's test
 * signer.
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';

import forge from 'node-forge';
import { SignedXml } from 'xml-crypto';

export const SIGNER_SUBJECT =
  'CN=ANAF TEST, OU=ANAF-TEST, O=ANAF-TEST, L=Bucharest, C=RO';

const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const EXC_C14N = 'http://www.w3.org/2001/10/xml-exc-c14n#';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const SHA256 = 'http://www.w3.org/2001/04/xmlenc#sha256';

export interface TestSigner {
  privateKeyPem: string;
  certificatePem: string;
  /** Base64 DER of the certificate, as `X509Certificate` carries it. */
  certificateBase64: string;
}

export function createTestSigner(): TestSigner {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
  });
  const privateKeyPem = privateKey
    .export({ type: 'pkcs1', format: 'pem' })
    .toString();
  const publicKeyPem = publicKey
    .export({ type: 'spki', format: 'pem' })
    .toString();

  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKeyPem);
  certificate.serialNumber = '0a1b2c';
  certificate.validity.notBefore = new Date('2024-01-01T00:00:00Z');
  certificate.validity.notAfter = new Date('2034-01-01T00:00:00Z');
  const name = [
    { shortName: 'C', value: 'RO' },
    { shortName: 'L', value: 'Bucharest' },
    { shortName: 'O', value: 'ANAF-TEST' },
    { shortName: 'OU', value: 'ANAF-TEST' },
    { shortName: 'CN', value: 'ANAF TEST' },
  ];
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.sign(
    forge.pki.privateKeyFromPem(privateKeyPem),
    forge.md.sha256.create(),
  );

  const der = forge.asn1
    .toDer(forge.pki.certificateToAsn1(certificate))
    .getBytes();
  return {
    privateKeyPem,
    certificatePem: forge.pki.certificateToPem(certificate),
    certificateBase64: forge.util.encode64(der),
  };
}

/**
 * Builds the detached shape: a `Signature` root whose one reference digests
 * the raw bytes of the document. `SignedInfo` is written in its exclusive C14N form,
 * so the RSA signature over those exact bytes is valid.
 */
export function detachedSignatureFile(
  document: Uint8Array,
  documentName: string,
  signer: TestSigner,
): string {
  const digest = createHash('sha256').update(document).digest('base64');
  const signedInfo =
    `<SignedInfo xmlns="${DSIG}">` +
    `<CanonicalizationMethod Algorithm="${EXC_C14N}"></CanonicalizationMethod>` +
    `<SignatureMethod Algorithm="${RSA_SHA256}"></SignatureMethod>` +
    `<Reference URI="${documentName}">` +
    `<DigestMethod Algorithm="${SHA256}"></DigestMethod>` +
    `<DigestValue>${digest}</DigestValue>` +
    `</Reference></SignedInfo>`;
  const signatureValue = sign(
    'sha256',
    Buffer.from(signedInfo),
    signer.privateKeyPem,
  ).toString('base64');

  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<Signature xmlns="${DSIG}">${signedInfo}` +
    `<SignatureValue>${signatureValue}</SignatureValue>` +
    `<KeyInfo><X509Data><X509Certificate>${wrap(signer.certificateBase64)}</X509Certificate></X509Data></KeyInfo>` +
    `</Signature>\n`
  );
}

/**
 * Builds the enveloped shape: the document with a `Signature` appended as the
 * last child of its root, signed by xml-crypto with `Reference URI=""`.
 */
export function envelopedSignatureFile(
  xml: string,
  signer: TestSigner,
): string {
  const signature = new SignedXml({
    privateKey: signer.privateKeyPem,
    publicCert: signer.certificatePem,
    signatureAlgorithm: RSA_SHA256,
    canonicalizationAlgorithm: EXC_C14N,
    getKeyInfoContent: () =>
      `<X509Data><X509SubjectName>${SIGNER_SUBJECT}</X509SubjectName>` +
      `<X509Certificate>${signer.certificateBase64}</X509Certificate></X509Data>`,
  });
  signature.addReference({
    xpath: '/*',
    transforms: [`${DSIG}enveloped-signature`, EXC_C14N],
    digestAlgorithm: SHA256,
    isEmptyUri: true,
  });
  signature.computeSignature(xml, {
    location: { reference: '/*', action: 'append' },
  });
  return signature.getSignedXml();
}

function wrap(base64: string): string {
  return base64.replace(/(.{64})/g, '$1\n');
}
