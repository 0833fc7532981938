import { describe, expect, it } from 'vitest';
import {
  describeBody,
  parseJsonLenient,
  sniffBody,
} from '../../../electron/core/anaf/body.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('sniffBody', () => {
  it.each([
    ['ZIP', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0]), 'zip'],
    ['empty ZIP', new Uint8Array([0x50, 0x4b, 0x05, 0x06, 0, 0]), 'zip'],
    ['PDF', bytes('%PDF-1.7\n...'), 'pdf'],
    ['JSON object', bytes('{"eroare":"x"}'), 'json'],
    ['JSON after BOM and space', bytes('\uFEFF \n{"a":1}'), 'json'],
    ['XML declaration', bytes('<?xml version="1.0"?><header/>'), 'xml'],
    ['XML without declaration', bytes('<header xmlns="urn:x"/>'), 'xml'],
    ['HTML page', bytes('<html><head><title>Request Rejected</title>'), 'html'],
    ['HTML doctype', bytes('<!DOCTYPE html>\n<html>'), 'html'],
    ['upper-case doctype', bytes('<!doctype HTML><html>'), 'html'],
    ['plain text', bytes('Hello, efactura'), 'text'],
    ['empty body', new Uint8Array(), 'empty'],
    ['white space', bytes(' \r\n '), 'empty'],
    ['only PK', bytes('PKxyz'), 'text'],
  ])('classifies %s', (_case, body, kind) => {
    expect(sniffBody(body)).toBe(kind);
  });
});

describe('parseJsonLenient', () => {
  it('parses valid JSON', () => {
    expect(parseJsonLenient('{"a":1}')).toEqual({ ok: true, value: { a: 1 } });
  });

  it('accepts the swagger stray brace', () => {
    const text =
      '{"eroare":"S-au facut deja 10 descarcari de mesaj in cursul zilei","titlu":"Descarcare mesaj"}}';
    const parsed = parseJsonLenient(text);
    expect(parsed).toEqual({
      ok: true,
      value: {
        eroare: 'S-au facut deja 10 descarcari de mesaj in cursul zilei',
        titlu: 'Descarcare mesaj',
      },
    });
  });

  it('reports a truncated object', () => {
    expect(parseJsonLenient('{"mesaje":[{"id":"3001"')).toEqual({
      ok: false,
      reason: 'truncated',
    });
  });

  it('ignores braces inside strings', () => {
    expect(parseJsonLenient('{"a":"}"')).toEqual({
      ok: false,
      reason: 'truncated',
    });
  });

  it('reports trailing text as invalid', () => {
    expect(parseJsonLenient('{"a":1} trailing')).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });

  it('reports a bad token as invalid', () => {
    expect(parseJsonLenient('{"a":nope}')).toEqual({
      ok: false,
      reason: 'invalid',
    });
  });
});

describe('describeBody', () => {
  it('names an empty body', () => {
    expect(describeBody(new Uint8Array())).toBe('an empty body');
  });

  it('quotes the start of JSON', () => {
    expect(describeBody(bytes('{"x":1'))).toBe('JSON (6 bytes): "{"x":1"');
  });

  it('cuts long text', () => {
    const text = describeBody(bytes('a'.repeat(200)));
    expect(text).toContain('...');
  });

  it('redacts a bearer token', () => {
    const text = describeBody(bytes('Hello, x Authorization: Bearer abc.def'));
    expect(text).not.toContain('abc.def');
  });
});
