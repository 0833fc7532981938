import { describe, expect, it } from 'vitest';

import { readAnafMessageZip } from '../../../electron/core/zip/index.ts';
import {
  expectFailure,
  expectOk,
  readHostileFixture,
} from '../invoice/helpers.ts';
import { sampleInvoiceXml } from '../invoice/sample-invoice.ts';

import { buildZip, buildZipWithRawName } from './zip-builders.ts';

const INDEX = '5009871234';
const DOCUMENT = `${INDEX}.xml`;
const SIGNATURE = `semnatura_${INDEX}.xml`;
const SIGNATURE_XML = '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"/>';

describe('readAnafMessageZip', () => {
  it('reads an invoice message', async () => {
    const invoice = sampleInvoiceXml();
    const zip = await buildZip([
      { name: DOCUMENT, data: invoice },
      { name: SIGNATURE, data: SIGNATURE_XML },
    ]);
    const message = expectOk(await readAnafMessageZip(zip));
    expect(message.uploadIndex).toBe(INDEX);
    expect(message.documentName).toBe(DOCUMENT);
    expect(message.signatureName).toBe(SIGNATURE);
    expect(message.kind).toBe('invoice');
    expect(Buffer.from(message.document).toString('utf8')).toBe(invoice);
    expect(Buffer.from(message.signature).toString('utf8')).toBe(SIGNATURE_XML);
    expect(message.otherEntries).toEqual([]);
  });

  it('recognises an error message', async () => {
    const zip = await buildZip([
      { name: SIGNATURE, data: SIGNATURE_XML },
      { name: DOCUMENT, data: readHostileFixture('anaf-error-document.xml') },
    ]);
    const message = expectOk(await readAnafMessageZip(zip));
    expect(message.kind).toBe('errors');
  });

  it('lists entries it does not read', async () => {
    const zip = await buildZip([
      { name: DOCUMENT, data: sampleInvoiceXml() },
      { name: SIGNATURE, data: SIGNATURE_XML },
      { name: 'readme.txt', data: 'extra' },
    ]);
    const message = expectOk(await readAnafMessageZip(zip));
    expect(message.otherEntries).toEqual(['readme.txt']);
  });
});

describe('readAnafMessageZip rejections', () => {
  it('rejects a missing document', async () => {
    const zip = await buildZip([{ name: SIGNATURE, data: SIGNATURE_XML }]);
    const error = expectFailure(await readAnafMessageZip(zip));
    expect(error.details?.['reason']).toBe('missingMember');
    expect(error.message).toMatch(/no '<upload index>\.xml' member/);
    expect(error.message).toMatch(SIGNATURE);
  });

  it('rejects a missing signature', async () => {
    const zip = await buildZip([{ name: DOCUMENT, data: sampleInvoiceXml() }]);
    const error = expectFailure(await readAnafMessageZip(zip));
    expect(error.details?.['reason']).toBe('missingMember');
    expect(error.message).toMatch(/semnatura_<upload index>\.xml/);
  });

  it('rejects an empty archive', async () => {
    const zip = await buildZip([]);
    const error = expectFailure(await readAnafMessageZip(zip));
    expect(error.details?.['reason']).toBe('missingMember');
    expect(error.message).toMatch(/no entries/);
  });

  it('rejects two documents', async () => {
    const zip = await buildZip([
      { name: DOCUMENT, data: sampleInvoiceXml() },
      { name: '5009871235.xml', data: sampleInvoiceXml() },
      { name: SIGNATURE, data: SIGNATURE_XML },
    ]);
    const error = expectFailure(await readAnafMessageZip(zip));
    expect(error.details?.['reason']).toBe('duplicateEntry');
  });

  it('rejects a signature for another upload', async () => {
    const zip = await buildZip([
      { name: DOCUMENT, data: sampleInvoiceXml() },
      { name: 'semnatura_5009871235.xml', data: SIGNATURE_XML },
    ]);
    const error = expectFailure(await readAnafMessageZip(zip));
    expect(error.details?.['reason']).toBe('mismatchedMembers');
  });

  const slipNames = [
    `../${DOCUMENT}`,
    `..\\..\\${DOCUMENT}`,
    `/${DOCUMENT}`,
    `C:\\${DOCUMENT}`,
    `files/${SIGNATURE}`,
  ];

  it.each(slipNames)('rejects the path %j', async (name) => {
    const zip = await buildZipWithRawName(name, sampleInvoiceXml(), [
      { name: DOCUMENT, data: sampleInvoiceXml() },
      { name: SIGNATURE, data: SIGNATURE_XML },
    ]);
    const error = expectFailure(await readAnafMessageZip(zip));
    expect(error.details?.['reason']).toBe('unsafeName');
    expect(error.details?.['entry']).toBe(name);
  });

  it('rejects JSON sent instead of a ZIP', async () => {
    const body = new TextEncoder().encode(
      '{"eroare":"Pentru id=21 nu exista inregistrata nici o factura","titlu":"Descarcare mesaj"}',
    );
    const error = expectFailure(await readAnafMessageZip(body));
    expect(error.details?.['reason']).toBe('notZip');
  });

  it('applies caps given by the caller', async () => {
    const zip = await buildZip([
      { name: DOCUMENT, data: sampleInvoiceXml({ lineCount: 50 }) },
      { name: SIGNATURE, data: SIGNATURE_XML },
    ]);
    const error = expectFailure(
      await readAnafMessageZip(zip, { maxEntryBytes: 1024 }),
    );
    expect(error.details?.['reason']).toBe('entryTooLarge');
  });
});
