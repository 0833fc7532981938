import { describe, expect, it } from 'vitest';

import { buildBuyerMessage } from '../../../electron/core/anaf/buyer-message.ts';
import { readBuyerMessage } from '../../../electron/core/invoice/index.ts';

import { expectFailure, expectOk, readInvoiceFixture } from './helpers.ts';

const NAMESPACE = 'mfp:anaf:dgti:spv:reqMesaj:v1';

function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

describe('readBuyerMessage', () => {
  it('reads a built RASP document', () => {
    const text = 'Factura are cantitatea greșită;\nvă rugăm stornați "FA-12".';
    const message = expectOk(
      readBuyerMessage(buildBuyerMessage('5009871234', text)),
    );
    expect(message.invoiceUploadIndex).toBe('5009871234');
    expect(message.text).toBe(text);
  });

  it('reads a prefixed root', () => {
    const xml = `<m:header xmlns:m="${NAMESPACE}" index_incarcare="42" message="Bună ziua"/>`;
    const message = expectOk(readBuyerMessage(utf8(xml)));
    expect(message.invoiceUploadIndex).toBe('42');
    expect(message.text).toBe('Bună ziua');
  });

  it('ignores an enveloped signature', () => {
    const xml =
      `<header xmlns="${NAMESPACE}" index_incarcare="7" message="ok">` +
      '<Signature xmlns="http://www.w3.org/2000/09/xmldsig#"><SignedInfo/></Signature>' +
      '</header>';
    const message = expectOk(readBuyerMessage(utf8(xml)));
    expect(message.invoiceUploadIndex).toBe('7');
    expect(message.text).toBe('ok');
  });

  it('reads missing attributes as empty', () => {
    const message = expectOk(
      readBuyerMessage(utf8(`<header xmlns="${NAMESPACE}"/>`)),
    );
    expect(message.invoiceUploadIndex).toBeNull();
    expect(message.text).toBe('');
  });

  it('rejects an index that is not a number', () => {
    const xml = `<header xmlns="${NAMESPACE}" index_incarcare="12a" message="x"/>`;
    const error = expectFailure(readBuyerMessage(utf8(xml)));
    expect(error.code).toBe('input.invalid');
    expect(error.details?.reason).toBe('invalidValue');
  });

  it('rejects a header in another namespace', () => {
    const xml =
      '<header xmlns="mfp:anaf:dgti:efactura:mesajEroriFactuta:v1" Index_incarcare="1"/>';
    const error = expectFailure(readBuyerMessage(utf8(xml)));
    expect(error.details?.reason).toBe('notBuyerMessage');
  });

  it('rejects an invoice', () => {
    const invoice = readInvoiceFixture('cius-ro/anaf_invoice_example.xml');
    const error = expectFailure(readBuyerMessage(invoice));
    expect(error.details?.reason).toBe('notBuyerMessage');
  });

  it('rejects a DOCTYPE', () => {
    const xml =
      '<?xml version="1.0"?><!DOCTYPE header [<!ENTITY x SYSTEM "file:///etc/passwd">]>' +
      `<header xmlns="${NAMESPACE}" index_incarcare="1" message="&x;"/>`;
    const error = expectFailure(readBuyerMessage(utf8(xml)));
    expect(error.details?.reason).toBe('doctype');
  });
});
