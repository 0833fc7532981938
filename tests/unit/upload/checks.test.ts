import { describe, expect, it } from 'vitest';
import type { UploadProblem } from '../../../shared/domain.ts';
import {
  checkFile,
  checkUploadCif,
  decodeBase64,
  sha256Hex,
} from '../../../electron/core/upload/checks.ts';
import {
  checkSubmission,
  requireSendable,
  stoppingProblem,
} from '../../../electron/core/upload/submission.ts';
import type { UploadCompany } from '../../../electron/core/upload/types.ts';
import { AppFailure } from '../../../shared/result.ts';
import {
  BUYER,
  bytesOf,
  ciiInvoice,
  SELLER,
  ublInvoice,
  validCif,
} from './invoice-text.ts';

const OTHER = validCif('2222222');

function company(cif: string): UploadCompany {
  return { cif, name: `Firma ${cif}`, accountId: 'acc-1', api: 'test' };
}

const followed = new Map(
  [SELLER, BUYER].map((cif) => [cif, company(cif)] as const),
);
const companies = { get: (cif: string) => followed.get(cif) ?? null };

function check(
  xml: string | Uint8Array,
  options: { cif?: string; earlier?: string | null } = {},
) {
  const bytes = typeof xml === 'string' ? bytesOf(xml) : xml;
  return checkFile('factura.xml', bytes, {
    cifCheck: checkUploadCif(options.cif ?? SELLER, companies),
    earlierUpload: () => options.earlier ?? null,
  });
}

function codes(problems: readonly UploadProblem[]): string[] {
  return problems.map((problem) => `${problem.severity}:${problem.code}`);
}

describe('checkUploadCif', () => {
  const cases: Array<[string, string, string[]]> = [
    ['followed digits', SELLER, []],
    ['followed with RO', `RO ${SELLER}`, []],
    [
      'wrong check digit',
      `${SELLER.slice(0, -1)}${(Number(SELLER.slice(-1)) + 1) % 10}`,
      ['blocking:cif.invalid'],
    ],
    ['letters', '12AB', ['blocking:cif.invalid']],
    ['not followed', OTHER, ['blocking:cif.notFollowed']],
  ];
  for (const [name, input, expected] of cases) {
    it(`${name}`, () => {
      expect(codes(checkUploadCif(input, companies).problems)).toEqual(
        expected,
      );
    });
  }

  it('returns the digits', () => {
    expect(checkUploadCif(`ro${SELLER}`, companies).cif).toBe(SELLER);
  });

  it('names the CIF when not followed', () => {
    const [problem] = checkUploadCif(OTHER, companies).problems;
    expect(problem?.message).toContain(OTHER);
  });
});

describe('checkFile', () => {
  const outdated =
    'urn:cen.eu:en16931:2017#compliant#urn:efactura.mfinante.ro:CIUS-RO:1.0.0';
  const cases: Array<[string, string | Uint8Array, string[], string?]> = [
    ['valid UBL invoice', ublInvoice(), []],
    ['valid credit note', ublInvoice({ root: 'CreditNote' }), []],
    ['valid CII invoice', ciiInvoice(), []],
    ['empty file', new Uint8Array(), ['blocking:file.empty']],
    ['malformed XML', '<Invoice><cbc:ID>', ['blocking:document.invalid']],
    [
      'other root',
      '<?xml version="1.0"?><Order xmlns="urn:x"/>',
      ['blocking:document.notInvoice'],
    ],
    [
      'outdated CIUS-RO',
      ublInvoice({ customizationId: outdated }),
      ['warning:customization.outdated'],
    ],
    [
      'not CIUS-RO',
      ublInvoice({ customizationId: 'urn:cen.eu:en16931:2017' }),
      ['warning:customization.notCiusRo'],
    ],
    [
      'no customization id',
      ublInvoice({ customizationId: null }),
      ['warning:customization.missing'],
    ],
    [
      'no number',
      ublInvoice({ number: null }),
      ['warning:invoice.numberMissing'],
    ],
    [
      'bad issue date',
      ublInvoice({ issueDate: '15.01.2026' }),
      ['warning:invoice.issueDateMissing'],
    ],
    [
      'no currency',
      ublInvoice({ currency: null }),
      ['warning:invoice.currencyMissing'],
    ],
    [
      'other seller',
      ublInvoice({ sellerVat: `RO${OTHER}` }),
      ['warning:seller.mismatch'],
    ],
    ['self-billed by buyer', ublInvoice({ typeCode: '389' }), [], BUYER],
    [
      'self-billed other buyer',
      ublInvoice({ typeCode: '389', buyerVat: `RO${OTHER}` }),
      ['warning:buyer.mismatch'],
      BUYER,
    ],
    [
      'buyer uploads normal invoice',
      ublInvoice(),
      ['warning:seller.mismatch'],
      BUYER,
    ],
    [
      'over 10 MB',
      new Uint8Array(10 * 1024 * 1024 + 1),
      ['blocking:file.tooLarge'],
    ],
  ];
  for (const [name, xml, expected, cif] of cases) {
    it(`${name}`, () => {
      expect(codes(check(xml, { cif }).result.problems)).toEqual(expected);
    });
  }

  it('reads the standard of a credit note', () => {
    expect(check(ublInvoice({ root: 'CreditNote' })).standard).toBe('CN');
  });

  it('reads the standard of a CII invoice', () => {
    expect(check(ciiInvoice()).standard).toBe('CII');
  });

  it('flags self-billing for the buyer', () => {
    const checked = check(ublInvoice({ typeCode: '389' }), { cif: BUYER });
    expect(checked.selfBilled).toBe(true);
  });

  it('does not flag a normal invoice', () => {
    expect(check(ublInvoice()).selfBilled).toBe(false);
  });

  it('hashes the exact bytes', () => {
    const bytes = bytesOf(ublInvoice());
    expect(check(bytes).result.sha256).toBe(sha256Hex(bytes));
  });

  it('names the wrong seller', () => {
    const [problem] = check(ublInvoice({ sellerVat: `RO${OTHER}` })).result
      .problems;
    expect(problem?.message).toContain(OTHER);
  });

  it('names the outdated customization id', () => {
    const [problem] = check(ublInvoice({ customizationId: outdated })).result
      .problems;
    expect(problem?.message).toContain(outdated);
  });

  it('flags bytes sent before', () => {
    const checked = check(ublInvoice(), { earlier: 'upload-1' });
    expect(codes(checked.result.problems)).toEqual([
      'warning:duplicate.sameBytes',
    ]);
  });

  it('names the earlier upload', () => {
    const checked = check(ublInvoice(), { earlier: 'upload-1' });
    expect(checked.result.earlierUpload).toBe('upload-1');
  });

  it('adds the CIF problem to every file', () => {
    const checked = check(ublInvoice(), { cif: OTHER });
    expect(codes(checked.result.problems)).toContain(
      'blocking:cif.notFollowed',
    );
  });
});

describe('decodeBase64', () => {
  it('decodes base64', () => {
    expect(decodeBase64(Buffer.from('<a/>').toString('base64'))).toEqual(
      bytesOf('<a/>'),
    );
  });

  it('rejects other text', () => {
    expect(decodeBase64('<Invoice/>')).toBeNull();
  });
});

function input(name: string, xml: string) {
  return { name, base64: Buffer.from(xml).toString('base64') };
}

describe('checkSubmission', () => {
  it('flags a repeat in one submission', () => {
    const { files } = checkSubmission(
      SELLER,
      [input('a.xml', ublInvoice()), input('b.xml', ublInvoice())],
      companies,
      () => null,
    );
    expect(codes(files[1]?.result.problems ?? [])).toEqual([
      'warning:duplicate.inSubmission',
    ]);
  });

  it('blocks a file that is not base64', () => {
    const { files } = checkSubmission(
      SELLER,
      [{ name: 'x.xml', base64: '<Invoice/>' }],
      companies,
      () => null,
    );
    expect(codes(files[0]?.result.problems ?? [])).toEqual([
      'blocking:file.unreadable',
    ]);
  });
});

describe('stoppingProblem', () => {
  const warningOnly = check(ublInvoice({ sellerVat: `RO${OTHER}` })).result;
  const duplicate = check(ublInvoice(), { earlier: 'u-1' }).result;
  const blocked = check('<broken').result;
  const cases: Array<
    [string, typeof duplicate, boolean, boolean, string | null]
  > = [
    ['warning unconfirmed', warningOnly, false, false, 'seller.mismatch'],
    ['warning accepted', warningOnly, true, false, null],
    [
      'duplicate with warnings accepted',
      duplicate,
      true,
      false,
      'duplicate.sameBytes',
    ],
    ['duplicate allowed', duplicate, false, true, null],
    [
      'blocking with everything allowed',
      blocked,
      true,
      true,
      'document.invalid',
    ],
  ];
  for (const [
    name,
    result,
    acceptWarnings,
    allowDuplicate,
    expected,
  ] of cases) {
    it(`${name}`, () => {
      const problem = stoppingProblem(result, {
        acceptWarnings,
        allowDuplicate,
      });
      expect(problem?.code ?? null).toBe(expected);
    });
  }
});

describe('requireSendable', () => {
  function failureOf(run: () => void): AppFailure | null {
    try {
      run();
      return null;
    } catch (error) {
      return error instanceof AppFailure ? error : null;
    }
  }

  it('passes sendable files', () => {
    const files = [check(ublInvoice())];
    expect(
      failureOf(() =>
        requireSendable(files, {
          acceptWarnings: false,
          allowDuplicate: false,
        }),
      ),
    ).toBeNull();
  });

  it('reports duplicates', () => {
    const files = [check(ublInvoice(), { earlier: 'u-1' })];
    const failure = failureOf(() =>
      requireSendable(files, { acceptWarnings: true, allowDuplicate: false }),
    );
    expect(failure?.code).toBe('upload.duplicate');
  });

  it('reports blocked files', () => {
    const files = [check(ublInvoice()), check('<broken')];
    const failure = failureOf(() =>
      requireSendable(files, { acceptWarnings: true, allowDuplicate: true }),
    );
    expect(failure?.code).toBe('upload.blocked');
  });

  it('lists only stopped files', () => {
    const files = [check(ublInvoice()), check('<broken')];
    const failure = failureOf(() =>
      requireSendable(files, { acceptWarnings: true, allowDuplicate: true }),
    );
    expect(failure?.details?.files).toHaveLength(1);
  });
});
