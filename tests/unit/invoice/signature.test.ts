import { createHash } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import {
  parseInvoice,
  readAnafErrorDocument,
  readSignature,
  verifyDetachedDigest,
} from '../../../electron/core/invoice/index.ts';

import { expectFailure, expectOk, readHostileFixture } from './helpers.ts';
import { sampleInvoiceXml, utf8 } from './sample-invoice.ts';
import {
  createTestSigner,
  detachedSignatureFile,
  envelopedSignatureFile,
} from './signature-files.ts';

const signer = createTestSigner();
const invoiceXml = sampleInvoiceXml();
const invoiceBytes = utf8(invoiceXml);
const detached = utf8(
  detachedSignatureFile(invoiceBytes, '5009871234.xml', signer),
);
const enveloped = utf8(envelopedSignatureFile(invoiceXml, signer));

describe('readSignature, detached shape', () => {
  const info = expectOk(readSignature(detached));

  it('reads the shape and algorithms', () => {
    expect(info.shape).toBe('detached');
    expect(info.referenceUri).toBe('5009871234.xml');
    expect(info.digestAlgorithm).toBe(
      'http://www.w3.org/2001/04/xmlenc#sha256',
    );
    expect(info.signatureAlgorithm).toBe(
      'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    );
  });

  it('reads the signer from the certificate', () => {
    expect(info.signerSubject).toBe(
      'C=RO, L=Bucharest, O=ANAF-TEST, OU=ANAF-TEST, CN=ANAF TEST',
    );
    expect(info.signerIssuer).toBe(info.signerSubject);
    expect(info.validFrom).toBe('2024-01-01T00:00:00.000Z');
    expect(info.validTo).toBe('2034-01-01T00:00:00.000Z');
    expect(info.certificatePem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
  });

  it('reads the digest value', () => {
    const digest = createHash('sha256').update(invoiceBytes).digest('base64');
    expect(info.digestValue).toBe(digest);
  });
});

describe('readSignature, enveloped shape', () => {
  const info = expectOk(readSignature(enveloped));

  it('finds the signature as the last child', () => {
    expect(info.shape).toBe('enveloped');
    expect(info.referenceUri).toBe('');
    expect(info.signerSubject).toMatch(/CN=ANAF TEST/);
    expect(info.certificatePem).not.toBeNull();
  });

  it('leaves the signed invoice readable', () => {
    const invoice = expectOk(parseInvoice(enveloped));
    const original = expectOk(parseInvoice(invoiceBytes));
    expect(invoice).toEqual(original);
  });

  it('leaves a signed error document readable', () => {
    const errorXml = Buffer.from(
      readHostileFixture('anaf-error-document.xml'),
    ).toString('utf8');
    const signed = utf8(envelopedSignatureFile(errorXml, signer));
    const document = expectOk(readAnafErrorDocument(signed));
    expect(document.errors).toHaveLength(1);
  });
});

describe('readSignature on other files', () => {
  it('rejects an invoice without a signature', () => {
    const error = expectFailure(readSignature(invoiceBytes));
    expect(error.details?.['reason']).toBe('notSignature');
  });

  it('rejects XML that is not well-formed', () => {
    const error = expectFailure(readSignature(utf8('<Signature')));
    expect(error.details?.['reason']).toBe('notWellFormed');
  });

  it('falls back to X509SubjectName for a broken certificate', () => {
    const xml = `<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><KeyInfo><X509Data>
      <X509SubjectName>CN=ANAF TEST, C=RO</X509SubjectName>
      <X509Certificate>bm90IGEgY2VydGlmaWNhdGU=</X509Certificate>
    </X509Data></KeyInfo></Signature>`;
    const info = expectOk(readSignature(utf8(xml)));
    expect(info.signerSubject).toBe('CN=ANAF TEST, C=RO');
    expect(info.certificatePem).toBeNull();
    expect(info.digestValue).toBeNull();
  });
});

describe('verifyDetachedDigest', () => {
  it('matches the document as signed', () => {
    const check = expectOk(verifyDetachedDigest(invoiceBytes, detached));
    expect(check.matches).toBe(true);
    expect(check.algorithm).toBe('sha256');
  });

  it('detects one changed byte', () => {
    const tampered = new Uint8Array(invoiceBytes);
    tampered[tampered.length - 2] = 0x20;
    const check = expectOk(verifyDetachedDigest(tampered, detached));
    expect(check.matches).toBe(false);
    expect(check.actual).not.toBe(check.expected);
  });

  it('rejects the enveloped shape', () => {
    const error = expectFailure(verifyDetachedDigest(invoiceBytes, enveloped));
    expect(error.details?.['reason']).toBe('unsupported');
    expect(error.message).toMatch(/enveloped/);
  });

  it('rejects an unknown digest algorithm', () => {
    const text = Buffer.from(detached)
      .toString('utf8')
      .replace('xmlenc#sha256', 'xmlenc#ripemd160');
    const error = expectFailure(verifyDetachedDigest(invoiceBytes, utf8(text)));
    expect(error.message).toMatch(/ripemd160/);
  });
});
