import { describe, expect, it } from 'vitest';
import { anafFailure } from '../../../electron/core/anaf/errors.ts';
import type { ListedMessage } from '../../../electron/core/anaf/parse-lists.ts';
import {
  duplicateIndexIn,
  errorEntries,
  gateStateOf,
  listedKind,
  isNotRecorded,
  statusStep,
  tokenRejectionStep,
  uploadAnswerChange,
  uploadFailureAction,
  widenedWait,
  type UploadFailureAction,
} from '../../../electron/core/upload/transitions.ts';
import type { UploadState } from '../../../shared/domain.ts';
import { AppFailure } from '../../../shared/result.ts';

describe('uploadFailureAction', () => {
  const abort = new DOMException('closed', 'AbortError');
  const cases: Array<[string, unknown, boolean, UploadFailureAction]> = [
    ['abort before sending', abort, false, 'stayQueued'],
    ['queue error before sending', new TypeError('bad job'), false, 'failed'],
    ['abort while sending', abort, true, 'unknown'],
    [
      '429',
      anafFailure('rateLimited', 'Too many requests', { status: 429 }),
      true,
      'resendLater',
    ],
    [
      'connection refused',
      anafFailure('connectionFailed', 'refused', { delivery: 'notSent' }),
      true,
      'resendLater',
    ],
    [
      'connect timeout',
      anafFailure('timeout', 'connect', { delivery: 'notSent' }),
      true,
      'resendLater',
    ],
    [
      'response timeout',
      anafFailure('timeout', 'no answer', { delivery: 'unknown' }),
      true,
      'unknown',
    ],
    [
      'reset',
      anafFailure('connectionReset', 'reset', { delivery: 'unknown' }),
      true,
      'unknown',
    ],
    [
      '5xx',
      anafFailure('serverError', '503', { status: 503 }),
      true,
      'unknown',
    ],
    [
      'unreadable answer',
      anafFailure('badResponse', 'not XML', { status: 200 }),
      true,
      'unknown',
    ],
    ['firewall page', anafFailure('firewall', 'blocked'), true, 'failed'],
    [
      'token rejected',
      anafFailure('forbidden', '403', { status: 403 }),
      true,
      'tokenRejected',
    ],
    [
      'token expired',
      anafFailure('forbidden', '401', { status: 401 }),
      true,
      'tokenRejected',
    ],
    ['no SPV right', anafFailure('noRight', 'Nu aveti drept'), true, 'failed'],
    ['bad parameter', anafFailure('invalidInput', 'bad CIF'), true, 'failed'],
    [
      'login expired',
      new AppFailure('auth.refreshExpired', 'log in again'),
      true,
      'failed',
    ],
    [
      'identity provider down',
      new AppFailure('auth.network', 'unreachable'),
      true,
      'resendLater',
    ],
    [
      'vault unreadable',
      new AppFailure('storage.undecryptable', 'cannot decrypt'),
      true,
      'failed',
    ],
    ['unexpected error', new Error('bug'), true, 'unknown'],
  ];
  for (const [name, error, requestOut, expected] of cases) {
    it(`${name}`, () => {
      expect(uploadFailureAction(error, requestOut)).toBe(expected);
    });
  }
});

describe('isNotRecorded', () => {
  const cases: Array<[UploadFailureAction, boolean]> = [
    ['resendLater', true],
    ['tokenRejected', true],
    ['unknown', false],
    ['failed', false],
    ['stayQueued', false],
  ];
  for (const [action, expected] of cases) {
    it(action, () => {
      expect(isNotRecorded(action)).toBe(expected);
    });
  }
});

describe('tokenRejectionStep', () => {
  const delays = [2_000, 10_000, 30_000];

  it('resends after the first rejection', () => {
    expect(tokenRejectionStep(1, delays)).toEqual({
      resend: true,
      delayMs: 2_000,
    });
  });

  it('waits longer each time', () => {
    expect(tokenRejectionStep(3, delays)).toEqual({
      resend: true,
      delayMs: 30_000,
    });
  });

  it('gives up after the last wait', () => {
    expect(tokenRejectionStep(4, delays)).toEqual({ resend: false });
  });

  it('gives up without waits', () => {
    expect(tokenRejectionStep(1, [])).toEqual({ resend: false });
  });
});

describe('widenedWait', () => {
  it('starts at the first wait', () => {
    expect(widenedWait(1, 250, 10_000)).toBe(250);
  });

  it('doubles after each failure', () => {
    expect(widenedWait(3, 250, 10_000)).toBe(1_000);
  });

  it('stops at the maximum', () => {
    expect(widenedWait(20, 250, 10_000)).toBe(10_000);
  });
});

describe('uploadAnswerChange', () => {
  it('moves an accepted upload to processing', () => {
    const change = uploadAnswerChange({
      accepted: true,
      uploadIndex: '5001',
      respondedAt: null,
    });
    expect(change.state).toBe('processing');
  });

  it('keeps the upload index', () => {
    const change = uploadAnswerChange({
      accepted: true,
      uploadIndex: '5001',
      respondedAt: null,
    });
    expect(change.uploadIndex).toBe('5001');
  });

  it('rejects a refused file', () => {
    const change = uploadAnswerChange({
      accepted: false,
      messages: ['a', 'b'],
      respondedAt: null,
    });
    expect(change.state).toBe('rejected');
  });

  it('keeps every message of a refusal', () => {
    const change = uploadAnswerChange({
      accepted: false,
      messages: ['Fisierul transmis nu este valid.', 'second'],
      respondedAt: null,
    });
    expect(change.errors?.map((entry) => entry.message)).toEqual([
      'Fisierul transmis nu este valid.',
      'second',
    ]);
  });
});

describe('statusStep', () => {
  it('waits while processing', () => {
    expect(statusStep({ state: 'processing' })).toEqual({ kind: 'wait' });
  });

  it('accepts ok', () => {
    expect(statusStep({ state: 'ok', downloadId: '3001' })).toEqual({
      kind: 'accepted',
      messageId: '3001',
    });
  });

  it('rejects nok', () => {
    expect(statusStep({ state: 'nok', downloadId: '3002' })).toEqual({
      kind: 'rejected',
      messageId: '3002',
    });
  });

  it('reports rejection at upload', () => {
    expect(statusStep({ state: 'rejectedAtUpload' })).toEqual({
      kind: 'rejectedAtUpload',
    });
  });
});

describe('gateStateOf', () => {
  const cases: Array<[UploadState, boolean, string]> = [
    ['queued', false, 'queued'],
    ['queued', true, 'sending'],
    ['sending', false, 'sending'],
    ['unknown', false, 'unresolved'],
    ['reconciling', false, 'unresolved'],
    ['needsDecision', false, 'settled'],
    ['processing', false, 'settled'],
    ['accepted', false, 'settled'],
    ['rejected', false, 'settled'],
    ['failed', false, 'settled'],
  ];
  for (const [state, handed, expected] of cases) {
    it(`${state}${handed ? ' handed to the queue' : ''}`, () => {
      expect(gateStateOf(state, handed)).toBe(expected);
    });
  }

  it('opens for a marked upload', () => {
    expect(gateStateOf('reconciling', false, true)).toBe('settled');
  });

  it('keeps a marked resend sending', () => {
    expect(gateStateOf('sending', false, true)).toBe('sending');
  });
});

describe('duplicateIndexIn', () => {
  it('reads the earlier index', () => {
    expect(
      duplicateIndexIn(
        'Factura a mai fost transmisa anterior cu index=5001120362 si data incarcare=2026-01-15',
      ),
    ).toBe('5001120362');
  });

  it('reads it with diacritics', () => {
    expect(
      duplicateIndexIn('Factura a mai fost transmisă anterior cu index = 42'),
    ).toBe('42');
  });

  it('ignores other errors', () => {
    expect(duplicateIndexIn('[BR-CO-15] Total mismatch')).toBeNull();
  });
});

describe('errorEntries', () => {
  it('extracts rule ids', () => {
    expect(
      errorEntries([
        'E: validari globale SCHEMATRON eroare: [BR-RO-110]-Adresa',
        'Factura a mai fost transmisa anterior cu index=1',
      ]).map((entry) => entry.ruleId),
    ).toEqual(['BR-RO-110', null]);
  });
});

describe('listedKind', () => {
  function message(overrides: Partial<ListedMessage>): ListedMessage {
    return {
      downloadId: '1',
      uploadIndex: '2',
      cif: '76543210',
      createdAt: new Date(0),
      type: 'FACTURA PRIMITA',
      direction: 'received',
      details: '',
      sellerCif: '12345674',
      buyerCif: '76543210',
      selfBilled: false,
      ...overrides,
    };
  }

  it('counts sent invoices', () => {
    expect(listedKind(message({ direction: 'sent' }), '12345674')).toBe('sent');
  });

  it('counts error messages', () => {
    expect(listedKind(message({ direction: 'errors' }), '12345674')).toBe(
      'error',
    );
  });

  it('counts self-billing by this buyer as sent', () => {
    expect(listedKind(message({ selfBilled: true }), '76543210')).toBe('sent');
  });

  it('ignores received invoices', () => {
    expect(listedKind(message({}), '76543210')).toBe('other');
  });
});
