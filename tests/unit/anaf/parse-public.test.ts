import { describe, expect, it } from 'vitest';
import {
  parsePdfResponse,
  parseSignatureResponse,
  parseValidationResponse,
} from '../../../electron/core/anaf/parse-public.ts';
import { fakeResponse, failureOf } from './helpers.ts';

const FIREWALL_PAGE =
  '<html><head><title>Request Rejected</title></head><body>The requested URL was rejected. ' +
  'Please consult with your administrator.<br><br>Your support ID is: 7340912844061592065</body></html>';

describe('parseValidationResponse', () => {
  it('reads ok', () => {
    const body =
      '{"stare":"ok","trace_id":"0b7c2f4e-1d2a-4c3b-9e8f-5a6b7c8d9e0f"}';
    expect(parseValidationResponse('validate', fakeResponse(body))).toEqual({
      valid: true,
      traceId: '0b7c2f4e-1d2a-4c3b-9e8f-5a6b7c8d9e0f',
    });
  });

  it('reads nok with its messages', () => {
    const body =
      '{"stare":"nok","Messages":[{"message":"E: validari globale  SCHEMATRON   eroare: [BR-CO-09]-x"}],"trace_id":"6d5c"}';
    expect(parseValidationResponse('validate', fakeResponse(body))).toEqual({
      valid: false,
      messages: ['E: validari globale  SCHEMATRON   eroare: [BR-CO-09]-x'],
      traceId: '6d5c',
    });
  });

  it('reads a bad standard as nok', () => {
    const body =
      '{"stare":"nok","Messages":[{"message":"Valorile acceptate pentru parametrul standard sunt FACT1 si FCN"}],"trace_id":"t"}';
    expect(parseValidationResponse('validate', fakeResponse(body)).valid).toBe(
      false,
    );
  });

  it('reports the firewall page', () => {
    expect(
      failureOf(() =>
        parseValidationResponse('validate', fakeResponse(FIREWALL_PAGE)),
      ).code,
    ).toBe('anaf.firewall');
  });

  it('reports the Spring 404', () => {
    const body =
      '{"timestamp":"2022-09-07T12:33:24.284+00:00","status":404,"error":"Not Found","path":"/FCTEL/rest/validare/"}';
    expect(
      failureOf(() =>
        parseValidationResponse('validate', fakeResponse(body, 404)),
      ).kind,
    ).toBe('endpointNotFound');
  });

  it('rejects an unknown stare', () => {
    expect(
      failureOf(() =>
        parseValidationResponse('validate', fakeResponse('{"stare":"maybe"}')),
      ).code,
    ).toBe('anaf.badResponse');
  });
});

describe('parsePdfResponse', () => {
  it('returns the PDF bytes', () => {
    const pdf = '%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n';
    const result = parsePdfResponse(
      'toPdf',
      fakeResponse(pdf, 200, { 'content-type': 'application/json' }),
    );
    expect(result.valid).toBe(true);
  });

  it('rejects a PDF cut short', () => {
    const pdf = '%PDF-1.4\n1 0 obj\n<<>>\n';
    expect(
      failureOf(() => parsePdfResponse('toPdf', fakeResponse(pdf))).message,
    ).toContain('%%EOF');
  });

  it('returns validation errors', () => {
    const body =
      '{"stare":"nok","Messages":[{"message":"[BR-CO-15] total"}],"trace_id":"t"}';
    expect(parsePdfResponse('toPdf', fakeResponse(body))).toEqual({
      valid: false,
      messages: ['[BR-CO-15] total'],
      traceId: 't',
    });
  });

  it('reports the firewall page', () => {
    const failure = failureOf(() =>
      parsePdfResponse('toPdf', fakeResponse(FIREWALL_PAGE)),
    );
    expect(failure.message).toBe(
      'ANAF rejected the request (support ID 7340912844061592065)',
    );
  });

  it('rejects JSON ok without PDF', () => {
    expect(
      failureOf(() => parsePdfResponse('toPdf', fakeResponse('{"stare":"ok"}')))
        .code,
    ).toBe('anaf.badResponse');
  });
});

describe('parseSignatureResponse', () => {
  it('reads a valid signature', () => {
    const body =
      '{"msg":"Fișierele încărcate au fost validate cu succes, din perspectiva autenticității semnăturii aplicate"}';
    expect(
      parseSignatureResponse('signatureCheck', fakeResponse(body)).valid,
    ).toBe(true);
  });

  it('reads an invalid signature', () => {
    const body =
      '{"msg":"Fișierele încărcate NU au putut fi validate cu succes, din perspectiva autenticității semnăturii aplicate"}';
    expect(
      parseSignatureResponse('signatureCheck', fakeResponse(body)).valid,
    ).toBe(false);
  });

  it('keeps the message', () => {
    const body = '{"msg":"Fisierele au fost validate cu succes"}';
    expect(
      parseSignatureResponse('signatureCheck', fakeResponse(body)).message,
    ).toBe('Fisierele au fost validate cu succes');
  });

  it('reports the technical 400', () => {
    const body = '{"msg":"Eroare tehnică: fisierul nu a putut fi citit"}';
    const failure = failureOf(() =>
      parseSignatureResponse('signatureCheck', fakeResponse(body, 400)),
    );
    expect(failure.anafMessage).toBe(
      'Eroare tehnică: fisierul nu a putut fi citit',
    );
  });

  it('rejects an unknown wording', () => {
    expect(
      failureOf(() =>
        parseSignatureResponse(
          'signatureCheck',
          fakeResponse('{"msg":"ceva"}'),
        ),
      ).code,
    ).toBe('anaf.badResponse');
  });
});
