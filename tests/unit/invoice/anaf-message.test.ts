import { describe, expect, it } from 'vitest';

import {
  readAnafMessage,
  type AnafMessage,
} from '../../../electron/core/invoice/index.ts';
import { buildZip } from '../zip/zip-builders.ts';

import { expectFailure, expectOk, readHostileFixture } from './helpers.ts';
import { SELLER_CIF, sampleInvoiceXml, utf8 } from './sample-invoice.ts';
import {
  createTestSigner,
  detachedSignatureFile,
  envelopedSignatureFile,
} from './signature-files.ts';

const INDEX = '5009871234';
const signer = createTestSigner();

async function messageZip(
  document: Uint8Array,
  signature: Uint8Array | string,
) {
  return buildZip([
    { name: `${INDEX}.xml`, data: document },
    { name: `semnatura_${INDEX}.xml`, data: signature },
  ]);
}

function digestCheck(message: AnafMessage) {
  if (message.digest === null) expect.fail('expected a digest check');
  return expectOk(message.digest);
}

describe('readAnafMessage', () => {
  const invoiceBytes = utf8(sampleInvoiceXml());

  it('reads an invoice with a detached signature', async () => {
    const signature = detachedSignatureFile(
      invoiceBytes,
      `${INDEX}.xml`,
      signer,
    );
    const message = expectOk(
      await readAnafMessage(await messageZip(invoiceBytes, signature)),
    );

    if (message.content.kind !== 'invoice') expect.fail('expected an invoice');
    expect(message.content.invoice.uploadIndex).toBe(INDEX);
    expect(message.content.invoice.seller.cif).toBe(SELLER_CIF);
    expect(expectOk(message.signature).shape).toBe('detached');
    expect(digestCheck(message).matches).toBe(true);
  });

  it('reports a digest mismatch without hiding the invoice', async () => {
    const signature = detachedSignatureFile(
      invoiceBytes,
      `${INDEX}.xml`,
      signer,
    );
    const changed = utf8(sampleInvoiceXml({ number: 'FCT-2025-0043' }));
    const message = expectOk(
      await readAnafMessage(await messageZip(changed, signature)),
    );

    expect(message.content.kind).toBe('invoice');
    expect(digestCheck(message).matches).toBe(false);
  });

  it('reads an enveloped signature file', async () => {
    const signature = envelopedSignatureFile(sampleInvoiceXml(), signer);
    const message = expectOk(
      await readAnafMessage(await messageZip(invoiceBytes, signature)),
    );

    expect(expectOk(message.signature).shape).toBe('enveloped');
    expect(message.digest).toBeNull();
  });

  it('reads an error message', async () => {
    const document = readHostileFixture('anaf-error-document.xml');
    const message = expectOk(
      await readAnafMessage(await messageZip(document, '<x/>')),
    );

    if (message.content.kind !== 'errors') expect.fail('expected errors');
    expect(message.content.errors.errors[0]?.ruleId).toBe('BR-RO-110');
    expect(message.signature.ok).toBe(false);
  });

  it('keeps an unreadable signature as a failure', async () => {
    const message = expectOk(
      await readAnafMessage(await messageZip(invoiceBytes, 'garbage')),
    );
    expect(message.content.kind).toBe('invoice');
    expect(message.signature.ok).toBe(false);
    expect(message.digest).toBeNull();
  });

  it('rejects a document that is not an invoice', async () => {
    const document = readHostileFixture('wrong-root-order.xml');
    const error = expectFailure(
      await readAnafMessage(await messageZip(document, '<x/>')),
    );
    expect(error.details?.['reason']).toBe('notInvoice');
  });
});
