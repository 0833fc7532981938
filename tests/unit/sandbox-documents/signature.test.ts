import { createHash } from 'node:crypto';

import { DOMParser } from '@xmldom/xmldom';
import { ExclusiveCanonicalization, SignedXml } from 'xml-crypto';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  buildErrorDocument,
  buildMessageZip,
  verifyMessageSignature,
  type Signer,
} from '../../../electron/sandbox/documents/index.ts';
import { writeUbl } from '../../../electron/sandbox/documents/ubl-writer.ts';
import { makeTestSigner, readZipEntries, sampleDraft } from './support.ts';

const DSIG = 'http://www.w3.org/2000/09/xmldsig#';
const RSA_SHA256 = 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256';
const INDEX = '5009871234';

let signer: Signer;
let otherSigner: Signer;
const invoice = writeUbl(sampleDraft());

beforeAll(() => {
  signer = makeTestSigner();
  otherSigner = makeTestSigner('SOMEONE ELSE');
});

function parse(xml: Buffer | string): Document {
  return new DOMParser().parseFromString(
    xml.toString(),
    'text/xml',
  ) as unknown as Document;
}

function first(document: Document, localName: string): Element {
  const found = document.getElementsByTagNameNS(DSIG, localName)[0];
  if (!found) throw new Error(`No ds:${localName}`);
  return found;
}

async function zipEntries(
  shape: 'detached' | 'enveloped',
  document: Buffer = invoice,
) {
  const entries = await readZipEntries(
    await buildMessageZip(INDEX, document, signer, shape),
  );
  const stored = entries.get(`${INDEX}.xml`);
  const signature = entries.get(`semnatura_${INDEX}.xml`);
  if (!stored || !signature)
    throw new Error(
      `Unexpected ZIP members: ${[...entries.keys()].join(', ')}`,
    );
  return { names: [...entries.keys()], stored, signature };
}

describe('buildMessageZip', () => {
  it('holds the document and its signature', async () => {
    const { names } = await zipEntries('detached');
    expect(names.sort()).toEqual([`${INDEX}.xml`, `semnatura_${INDEX}.xml`]);
  });

  it('stores the document bytes unchanged', async () => {
    const { stored } = await zipEntries('detached');
    expect(stored.equals(invoice)).toBe(true);
  });

  it('rejects an index that is not a number', async () => {
    await expect(
      buildMessageZip('12a', invoice, signer, 'detached'),
    ).rejects.toThrow('Invalid upload index');
  });
});

describe('detached signature', () => {
  it('is a Signature root in the XML-DSig namespace', async () => {
    const root = parse(
      (await zipEntries('detached')).signature,
    ).documentElement;
    expect([root.namespaceURI, root.localName]).toEqual([DSIG, 'Signature']);
  });

  it('digests the raw document bytes with SHA-256', async () => {
    const signature = parse((await zipEntries('detached')).signature);
    const expected = createHash('sha256').update(invoice).digest('base64');
    expect(first(signature, 'DigestValue').textContent).toBe(expected);
  });

  it('signs SignedInfo verifiably with xml-crypto', async () => {
    const signature = parse((await zipEntries('detached')).signature);
    const canonical = new ExclusiveCanonicalization().process(
      first(signature, 'SignedInfo'),
      {},
    );
    const algorithms = new SignedXml().SignatureAlgorithms;
    const Algorithm = algorithms[RSA_SHA256];
    if (!Algorithm) throw new Error('xml-crypto lacks RSA-SHA256');
    const value = first(signature, 'SignatureValue').textContent ?? '';
    expect(
      new Algorithm().verifySignature(canonical, signer.certificatePem, value),
    ).toBe(true);
  });

  it('names the certificate subject', async () => {
    const signature = parse((await zipEntries('detached')).signature);
    expect(first(signature, 'X509SubjectName').textContent).toBe(
      'CN=ANAF TEST, OU=ANAF-TEST, O=ANAF-TEST, L=Bucharest, C=RO',
    );
  });

  it('verifies with verifyMessageSignature', async () => {
    const { stored, signature } = await zipEntries('detached');
    expect(
      verifyMessageSignature(stored, signature, signer.certificatePem),
    ).toEqual({ valid: true });
  });

  it('fails for a changed document', async () => {
    const { signature } = await zipEntries('detached');
    const changed = Buffer.from(
      invoice.toString().replace('TST-2025-0001', 'TST-2025-0002'),
    );
    expect(verifyMessageSignature(changed, signature)).toEqual({
      valid: false,
      reason: 'the digest does not match the document bytes',
    });
  });

  it('fails for a changed SignedInfo', async () => {
    const { stored, signature } = await zipEntries('detached');
    const tampered = Buffer.from(
      signature.toString().replace(`URI="${INDEX}.xml"`, 'URI="other.xml"'),
    );
    expect(verifyMessageSignature(stored, tampered).reason).toBe(
      'the SignedInfo signature does not verify',
    );
  });

  it('fails for another certificate', async () => {
    const { stored, signature } = await zipEntries('detached');
    expect(
      verifyMessageSignature(stored, signature, otherSigner.certificatePem)
        .valid,
    ).toBe(false);
  });
});

describe('enveloped signature', () => {
  it('appends Signature as the last child of the root', async () => {
    const root = parse(
      (await zipEntries('enveloped')).signature,
    ).documentElement;
    const last = root.lastChild as Element;
    expect([root.localName, last.namespaceURI, last.localName]).toEqual([
      'Invoice',
      DSIG,
      'Signature',
    ]);
  });

  it('references the whole document with the enveloped transform', async () => {
    const signature = parse((await zipEntries('enveloped')).signature);
    const transforms = [
      ...signature.getElementsByTagNameNS(DSIG, 'Transform'),
    ].map((transform) => transform.getAttribute('Algorithm'));
    expect(first(signature, 'Reference').getAttribute('URI')).toBe('');
    expect(transforms).toEqual([
      'http://www.w3.org/2000/09/xmldsig#enveloped-signature',
      'http://www.w3.org/2001/10/xml-exc-c14n#',
    ]);
  });

  it('verifies with xml-crypto', async () => {
    const xml = (await zipEntries('enveloped')).signature.toString();
    const verifier = new SignedXml({ publicCert: signer.certificatePem });
    verifier.loadSignature(first(parse(xml), 'Signature'));
    expect(verifier.checkSignature(xml)).toBe(true);
  });

  it('fails xml-crypto when the content changes', async () => {
    const xml = (await zipEntries('enveloped')).signature
      .toString()
      .replace('TST-2025-0001', 'TST-2025-0002');
    const verifier = new SignedXml({ publicCert: signer.certificatePem });
    verifier.loadSignature(first(parse(xml), 'Signature'));
    expect(verifier.checkSignature(xml)).toBe(false);
  });

  it('fails verifyMessageSignature when the content changes', async () => {
    const { stored, signature } = await zipEntries('enveloped');
    const tampered = Buffer.from(
      signature.toString().replace('TST-2025-0001', 'TST-2025-0002'),
    );
    expect(verifyMessageSignature(stored, tampered)).toEqual({
      valid: false,
      reason: 'the enveloped signature does not verify',
    });
  });

  it('verifies with verifyMessageSignature', async () => {
    const { stored, signature } = await zipEntries('enveloped');
    expect(
      verifyMessageSignature(stored, signature, signer.certificatePem),
    ).toEqual({ valid: true });
  });

  it('fails when the signed document is another one', async () => {
    const { signature } = await zipEntries('enveloped');
    const other = writeUbl(sampleDraft({ number: 'TST-2025-0099' }));
    expect(verifyMessageSignature(other, signature)).toEqual({
      valid: false,
      reason: 'the signature file signs a different document',
    });
  });

  it('signs an error document', async () => {
    const errors = buildErrorDocument(INDEX, '18654326', [
      'E: validari globale SCHEMATRON eroare: [BR-CO-15]-x',
    ]);
    const { stored, signature } = await zipEntries('enveloped', errors);
    expect(
      verifyMessageSignature(stored, signature, signer.certificatePem),
    ).toEqual({ valid: true });
  });
});

describe('buildErrorDocument', () => {
  const messages = [
    'E: validari globale\n eroare regula: R6.1: CIF-ul vanzatorului nu figureaza in baza de date:1111111111118',
    'E: validari globale SCHEMATRON eroare: [BR-CO-15]-Invoice total amount with VAT (BT-112) = "x" & <y>',
  ];
  const root = parse(
    buildErrorDocument(INDEX, '18654326', messages),
  ).documentElement;

  it('uses ANAF namespace and attribute names', () => {
    expect([
      root.namespaceURI,
      root.localName,
      root.getAttribute('Index_incarcare'),
      root.getAttribute('Cif_emitent'),
    ]).toEqual([
      'mfp:anaf:dgti:efactura:mesajEroriFactuta:v1',
      'header',
      INDEX,
      '18654326',
    ]);
  });

  it('writes one Error per message, line breaks kept', () => {
    const errors = [
      ...root.getElementsByTagNameNS(
        'mfp:anaf:dgti:efactura:mesajEroriFactuta:v1',
        'Error',
      ),
    ];
    expect(errors.map((error) => error.getAttribute('errorMessage'))).toEqual(
      messages,
    );
  });
});
