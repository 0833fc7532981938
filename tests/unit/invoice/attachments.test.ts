import { describe, expect, it } from 'vitest';

import {
  extractAttachment,
  parseInvoice,
} from '../../../electron/core/invoice/index.ts';

import { expectFailure, expectOk } from './helpers.ts';
import { sampleInvoiceXml, utf8 } from './sample-invoice.ts';

const content = new Uint8Array(Array.from({ length: 1000 }, (_, i) => i % 256));
const wrappedBase64 = Buffer.from(content)
  .toString('base64')
  .replace(/(.{76})/g, '$1\n        ');

function reference(id: string, attachment: string): string {
  return `  <cac:AdditionalDocumentReference>
    <cbc:ID>${id}</cbc:ID>
    <cbc:DocumentDescription>Anexa ${id}</cbc:DocumentDescription>
    <cac:Attachment>${attachment}</cac:Attachment>
  </cac:AdditionalDocumentReference>
`;
}

const xml = sampleInvoiceXml({
  trailer:
    // An invoiced-object reference without an attachment is not listed.
    '  <cac:AdditionalDocumentReference><cbc:ID>OBJ-1</cbc:ID>' +
    '<cbc:DocumentTypeCode>130</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>\n' +
    reference(
      'A1',
      `<cbc:EmbeddedDocumentBinaryObject mimeCode="application/pdf" filename="../../Factură anexă.pdf">
        ${wrappedBase64}
      </cbc:EmbeddedDocumentBinaryObject>`,
    ) +
    reference(
      'A2',
      '<cac:ExternalReference><cbc:URI>https://example.test/anexa.pdf</cbc:URI></cac:ExternalReference>',
    ) +
    reference(
      'A3',
      '<cbc:EmbeddedDocumentBinaryObject mimeCode="text/csv" filename="date.csv">@@not base64@@</cbc:EmbeddedDocumentBinaryObject>',
    ),
});
const bytes = utf8(xml);

describe('invoice attachments', () => {
  const invoice = expectOk(parseInvoice(bytes));

  it('lists embedded and linked documents', () => {
    expect(invoice.attachments.map((attachment) => attachment.id)).toEqual([
      'A1',
      'A2',
      'A3',
    ]);
  });

  it('describes an embedded document', () => {
    expect(invoice.attachments[0]).toEqual({
      index: 0,
      id: 'A1',
      description: 'Anexa A1',
      filename: '../../Factură anexă.pdf',
      mimeType: 'application/pdf',
      size: 1000,
      externalUri: null,
    });
  });

  it('describes a linked document', () => {
    expect(invoice.attachments[1]?.externalUri).toBe(
      'https://example.test/anexa.pdf',
    );
    expect(invoice.attachments[1]?.size).toBeNull();
  });
});

describe('extractAttachment', () => {
  it('decodes wrapped base64', () => {
    const attachment = expectOk(extractAttachment(bytes, 0));
    expect(attachment.bytes).toEqual(content);
    expect(attachment.mimeType).toBe('application/pdf');
    expect(attachment.filename).toBe('../../Factură anexă.pdf');
  });

  it('rejects a linked document', () => {
    const error = expectFailure(extractAttachment(bytes, 1));
    expect(error.details?.['reason']).toBe('notFound');
    expect(error.message).toMatch(/external document/);
  });

  it('rejects invalid base64', () => {
    const error = expectFailure(extractAttachment(bytes, 2));
    expect(error.details?.['reason']).toBe('invalidValue');
    expect(error.message).toMatch(/'date.csv' is not valid base64/);
  });

  it('rejects an index past the end', () => {
    const error = expectFailure(extractAttachment(bytes, 3));
    expect(error.message).toMatch(/no attachment number 4 \(it has 3\)/);
  });

  it('rejects a file that is not an invoice', () => {
    const order = utf8(
      '<Order xmlns="urn:oasis:names:specification:ubl:schema:xsd:Order-2"/>',
    );
    const error = expectFailure(extractAttachment(order, 0));
    expect(error.details?.['reason']).toBe('notInvoice');
  });
});
