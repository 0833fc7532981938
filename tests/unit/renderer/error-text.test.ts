import { describe, expect, test } from 'vitest';
import { en } from '../../../renderer/src/i18n/en.ts';
import { i18next } from '../../../renderer/src/i18n/index.ts';
import { ro } from '../../../renderer/src/i18n/ro.ts';
import { ApiError } from '../../../renderer/src/ipc/api.ts';
import { hintName } from '../../../renderer/src/lib/error-hints.ts';
import { localizeError } from '../../../renderer/src/lib/error-text.ts';
import { uploadProblemText } from '../../../renderer/src/lib/upload/problem-text.ts';
import type { UploadProblem } from '../../../shared/domain.ts';
import { ERROR_CODES } from '../../../shared/result.ts';

const tRo = i18next.getFixedT('ro');
const tEn = i18next.getFixedT('en');
const ENGLISH = 'Main wrote this in English.';

function failure(code: string, details?: Record<string, unknown>): ApiError {
  return new ApiError(code, ENGLISH, details);
}

describe('localizeError by code', () => {
  test.each(ERROR_CODES)('%s in Romanian', (code) => {
    const name = hintName(code) as keyof typeof ro.errors.codes;
    const localized = localizeError(tRo, failure(code));
    expect(localized.message).toBe(ro.errors.codes[name]);
    expect(localized.hint).toBe(ro.errors.hints[name]);
    expect(localized.code).toBe(code);
  });

  test.each(ERROR_CODES)('%s in English', (code) => {
    const name = hintName(code) as keyof typeof en.errors.codes;
    const localized = localizeError(tEn, failure(code));
    expect(localized.message).toBe(en.errors.codes[name]);
    expect(localized.hint).toBe(en.errors.hints[name]);
  });

  test('unknown code keeps main message', () => {
    const localized = localizeError(tRo, failure('made.up'));
    expect(localized.message).toBe(ENGLISH);
    expect(localized.hint).toBeNull();
  });

  test('plain error keeps its message', () => {
    expect(localizeError(tRo, new Error('boom')).message).toBe('boom');
  });

  test('unwired channel says so', () => {
    const error = new ApiError(
      'internal',
      'The invoice archive is not available in this build yet.',
    );
    expect(localizeError(tRo, error).message).toBe(
      ro.errors.hints.notImplemented,
    );
  });
});

describe('localizeError by details', () => {
  test('reason picks its sentence', () => {
    const localized = localizeError(
      tRo,
      failure('input.invalid', { reason: 'notZip' }),
    );
    expect(localized.message).toBe(ro.errors.reasons.notZip);
  });

  test('reason names its value', () => {
    const localized = localizeError(
      tRo,
      failure('input.invalid', { reason: 'notAbsolute', folder: 'arhiva' }),
    );
    expect(localized.message).toBe(
      'Dosarul „arhiva” nu este o cale absolută; scrieți calea completă.',
    );
  });

  test('ANAF kind quotes ANAF', () => {
    const localized = localizeError(
      tRo,
      failure('anaf.noRight', {
        kind: 'noRight',
        anafMessage: 'Nu aveti drept de inregistrare pentru CIF=123',
      }),
    );
    expect(localized.message).toContain(ro.errors.anafKinds.noRight);
    expect(localized.message).toContain(
      'Mesajul ANAF: „Nu aveti drept de inregistrare pentru CIF=123”',
    );
    expect(localized.message).not.toContain(ENGLISH);
  });

  test('daily limit names limit and reset', () => {
    const details = {
      limit: 1000,
      used: 1000,
      resetsAtLocal: '16.07.2025 00:00',
      endpoint: 'messagePage',
    };
    const localized = localizeError(tRo, failure('anaf.dailyLimit', details));
    expect(localized.message).toContain(ro.errors.codes.anafDailyLimit);
    expect(localized.message).toContain('1000 apeluri pe zi');
    expect(localized.message).toContain('după 16.07.2025 00:00 (ora României)');
  });

  test('names the CIF and message', () => {
    const localized = localizeError(
      tRo,
      failure('archive.notFound', { cif: '18654326', messageId: '3001' }),
    );
    expect(localized.message).toBe(
      `${ro.errors.codes.archiveNotFound} CIF: 18654326. ID mesaj: 3001.`,
    );
  });

  test('words an upload state', () => {
    const localized = localizeError(
      tRo,
      failure('input.invalid', { state: 'rejected' }),
    );
    expect(localized.message).toContain('Starea încărcării: respinsă.');
  });

  test('lists stopped files in words', () => {
    const files = [
      {
        name: 'a.xml',
        sellerCif: null,
        problems: [
          {
            severity: 'blocking',
            code: 'file.empty',
            message: 'The file a.xml is empty.',
          },
        ],
      },
    ];
    const localized = localizeError(tRo, failure('upload.blocked', { files }));
    expect(localized.message).toContain(ro.errors.codes.uploadBlocked);
    expect(localized.message).toContain('a.xml: Fișierul a.xml este gol.');
    expect(localized.message).not.toContain('The file a.xml is empty.');
  });

  test('ignores i18next options in details', () => {
    const localized = localizeError(
      tRo,
      failure('archive.locked', { lng: 'en', context: 'x' }),
    );
    expect(localized.message).toBe(ro.errors.codes.archiveLocked);
  });
});

describe('uploadProblemText', () => {
  const context = {
    fileName: 'f.xml',
    sellerCif: '24019370',
    uploadCif: '18654326',
  };
  const codes = [
    'cif.invalid',
    'cif.notFollowed',
    'duplicate.sameBytes',
    'duplicate.inSubmission',
    'file.empty',
    'file.tooLarge',
    'file.unreadable',
    'document.notInvoice',
    'document.invalid',
    'invoice.numberMissing',
    'invoice.issueDateMissing',
    'invoice.currencyMissing',
    'customization.missing',
    'customization.outdated',
    'customization.notCiusRo',
    'seller.mismatch',
    'buyer.mismatch',
  ];

  test.each(codes)('%s in Romanian', (code) => {
    const problem: UploadProblem = {
      severity: 'warning',
      code,
      message: ENGLISH,
    };
    const text = uploadProblemText(tRo, problem, context);
    expect(text).not.toBe(ENGLISH);
    expect(text).not.toMatch(/\{\{/);
  });

  test('seller mismatch names both CIFs', () => {
    const problem: UploadProblem = {
      severity: 'warning',
      code: 'seller.mismatch',
      message: ENGLISH,
    };
    const text = uploadProblemText(tRo, problem, context);
    expect(text).toContain('este 24019370');
    expect(text).toContain('pentru 18654326');
  });

  test('seller without a CIF', () => {
    const problem: UploadProblem = {
      severity: 'warning',
      code: 'seller.mismatch',
      message: ENGLISH,
    };
    const text = uploadProblemText(tRo, problem, {
      ...context,
      sellerCif: null,
    });
    expect(text).toBe(
      ro.upload.problems.sellerMismatchNoCif.replace(
        '{{uploadCif}}',
        '18654326',
      ),
    );
  });

  test('unknown code keeps main message', () => {
    const problem: UploadProblem = {
      severity: 'warning',
      code: 'new.problem',
      message: ENGLISH,
    };
    expect(uploadProblemText(tRo, problem, context)).toBe(ENGLISH);
  });
});
