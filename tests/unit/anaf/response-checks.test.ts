import { describe, expect, it } from 'vitest';
import {
  checkResponse,
  retryAfterMs,
} from '../../../electron/core/anaf/response-checks.ts';
import { fakeResponse, failureOf } from './helpers.ts';

const FIREWALL_PAGE =
  '<html><head><title>Request Rejected</title></head><body>The requested URL was rejected. ' +
  'Please consult with your administrator.<br><br>Your support ID is: 1234567890123456789' +
  '<br><br><a href="javascript:history.back();">[Go Back]</a></body></html>';

describe('checkResponse', () => {
  it('reports the firewall page', () => {
    const failure = failureOf(() =>
      checkResponse('toPdf', fakeResponse(FIREWALL_PAGE)),
    );
    expect(failure.code).toBe('anaf.firewall');
  });

  it('quotes the support id', () => {
    const failure = failureOf(() =>
      checkResponse('toPdf', fakeResponse(FIREWALL_PAGE)),
    );
    expect(failure.message).toBe(
      'ANAF rejected the request (support ID 1234567890123456789)',
    );
  });

  it('finds a support id inside tags', () => {
    const page =
      '<!DOCTYPE html><html><body>Your support ID is: <b>987</b></body></html>';
    const failure = failureOf(() =>
      checkResponse('validate', fakeResponse(page)),
    );
    expect(failure.supportId).toBe('987');
  });

  it('reports 429 as rate limited', () => {
    const failure = failureOf(() =>
      checkResponse('status', fakeResponse('', 429)),
    );
    expect(failure.code).toBe('anaf.rateLimited');
  });

  it('marks 429 as retryable', () => {
    const failure = failureOf(() =>
      checkResponse('status', fakeResponse('', 429)),
    );
    expect(failure.retryable).toBe(true);
  });

  it('reads Retry-After on 429', () => {
    const failure = failureOf(() =>
      checkResponse(
        'status',
        fakeResponse('Too Many Requests', 429, { 'retry-after': '7' }),
      ),
    );
    expect(failure.retryAfterMs).toBe(7000);
  });

  it.each([500, 502, 503, 504])('reports HTTP %i as unavailable', (status) => {
    const failure = failureOf(() =>
      checkResponse('download', fakeResponse('<html>gateway</html>', status)),
    );
    expect(failure.code).toBe('anaf.unavailable');
  });

  it('marks 5xx as retryable', () => {
    const failure = failureOf(() =>
      checkResponse('download', fakeResponse('', 503)),
    );
    expect(failure.retryable).toBe(true);
  });

  it('keeps the 500 CustomErrorMessage', () => {
    const body =
      '{"timestamp":"05-08-2021 12:04:01","status":500,"error":"Internal Server Error","message":"Eroare interna"}';
    const failure = failureOf(() =>
      checkResponse('messageList', fakeResponse(body, 500)),
    );
    expect(failure.anafMessage).toBe('Eroare interna');
  });

  it('reports the 400 CustomErrorMessage', () => {
    const body =
      '{"timestamp":"05-08-2021 12:04:01","status":400,"error":"Bad Request","message":"Parametrii standard si cif sunt obligatorii"}';
    const failure = failureOf(() =>
      checkResponse('upload', fakeResponse(body, 400)),
    );
    expect(failure.kind).toBe('invalidRequest');
  });

  it('reports a 400 without JSON as bad', () => {
    const failure = failureOf(() =>
      checkResponse('upload', fakeResponse('', 400)),
    );
    expect(failure.code).toBe('anaf.badResponse');
  });

  it('reports the Spring 404 with its path', () => {
    const body =
      '{"timestamp":"2022-09-07T12:33:24.284+00:00","status":404,"error":"Not Found","path":"/FCTEL/rest/validare/"}';
    const failure = failureOf(() =>
      checkResponse('validate', fakeResponse(body, 404)),
    );
    expect(failure.message).toContain('/FCTEL/rest/validare/');
  });

  it('names 404 as a missing endpoint', () => {
    const failure = failureOf(() =>
      checkResponse('validate', fakeResponse('', 404)),
    );
    expect(failure.kind).toBe('endpointNotFound');
  });

  it.each([401, 403])('reports %i as forbidden', (status) => {
    const failure = failureOf(() =>
      checkResponse('signatureCheck', fakeResponse('', status)),
    );
    expect(failure.message).toContain(
      'token not valid for this service, or application not enrolled for it',
    );
  });

  it('reports a redirect as bad', () => {
    const failure = failureOf(() =>
      checkResponse(
        'messageList',
        fakeResponse('', 302, { location: '/my.policy' }),
      ),
    );
    expect(failure.message).toContain('HTTP 302');
  });

  it('returns the body kind of 200', () => {
    expect(checkResponse('download', fakeResponse('{"eroare":"x"}'))).toBe(
      'json',
    );
  });

  it('returns empty for 204', () => {
    expect(checkResponse('download', fakeResponse('', 204))).toBe('empty');
  });

  it('passes other HTML on 200', () => {
    expect(
      checkResponse(
        'hello',
        fakeResponse('<html><body>maintenance</body></html>'),
      ),
    ).toBe('html');
  });
});

describe('retryAfterMs', () => {
  it('reads delta seconds', () => {
    expect(retryAfterMs('30')).toBe(30_000);
  });

  it('reads an HTTP date', () => {
    const now = new Date('2025-01-15T10:00:00Z');
    expect(retryAfterMs('Wed, 15 Jan 2025 10:00:12 GMT', now)).toBe(12_000);
  });

  it('ignores garbage', () => {
    expect(retryAfterMs('soon')).toBeUndefined();
  });
});
