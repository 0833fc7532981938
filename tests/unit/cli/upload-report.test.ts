/** Wording of `efactura upload` outcomes for files that were not sent. */
import { describe, expect, it } from 'vitest';

import type {
  UploadCheckResult,
  UploadRecord,
} from '../../../shared/domain.ts';
import { decideUpload } from '../../../electron/cli/upload/decide.ts';
import { formatOutcomes } from '../../../electron/cli/upload/report.ts';

const CIF = '18654326';
const EARLIER_ID = '79a9501e-5c1b-4f0e-9f51-3b1f1c2d4e5f';

function check(overrides: Partial<UploadCheckResult>): UploadCheckResult {
  return {
    name: 'factura.xml',
    standard: 'UBL',
    sellerCif: CIF,
    number: 'F-1',
    issueDate: '2025-03-01',
    sha256: 'ab',
    problems: [],
    earlierUpload: null,
    ...overrides,
  } as UploadCheckResult;
}

const earlier = {
  id: EARLIER_ID,
  fileName: 'factura-martie.xml',
  cif: CIF,
  uploadIndex: '5001234567',
  createdAt: '2025-03-01T08:30:00.000Z',
} as UploadRecord;

const confirmations = {
  acceptWarnings: false,
  allowDuplicate: false,
  ask: null,
};

describe('decideUpload blocked file', () => {
  it('keeps the status word and marks it blocked', async () => {
    const decision = await decideUpload(
      'in/factura.xml',
      check({
        problems: [
          { severity: 'blocking', code: 'file.empty', message: 'Empty.' },
        ],
      }),
      CIF,
      confirmations,
    );
    expect(decision.send).toBe(false);
    const outcome = decision.send ? null : decision.outcome;
    expect(outcome?.status).toBe('rejected');
    expect(outcome?.blocked).toBe(true);
  });

  it('says it was not sent', async () => {
    const decision = await decideUpload(
      'in/factura.xml',
      check({
        problems: [
          { severity: 'blocking', code: 'file.empty', message: 'Empty.' },
        ],
      }),
      CIF,
      confirmations,
    );
    const text = decision.send ? '' : formatOutcomes([decision.outcome]);
    expect(text).toContain(
      'in/factura.xml: not sent: blocked by local checks ([file.empty] Empty.)',
    );
  });
});

describe('decideUpload duplicate', () => {
  async function duplicateText(): Promise<string> {
    const decision = await decideUpload(
      'in/factura.xml',
      check({
        earlierUpload: EARLIER_ID,
        problems: [
          {
            severity: 'warning',
            code: 'duplicate.sameBytes',
            message: `The file factura.xml has exactly the same bytes as upload ${EARLIER_ID}.`,
          },
        ],
      }),
      CIF,
      confirmations,
      new Map([[EARLIER_ID, earlier]]),
    );
    return decision.send ? '' : formatOutcomes([decision.outcome]);
  }

  it('names the earlier upload index', async () => {
    expect(await duplicateText()).toContain('upload index 5001234567');
  });

  it('names the earlier file and date', async () => {
    const text = await duplicateText();
    expect(text).toContain('factura-martie.xml');
    expect(text).toContain('2025-03-01 10:30');
  });

  it('leaves out the internal id', async () => {
    expect(await duplicateText()).not.toContain(EARLIER_ID);
  });

  it('names the flag that sends it anyway', async () => {
    expect(await duplicateText()).toContain('--allow-duplicate');
  });

  it('is not marked blocked', async () => {
    const decision = await decideUpload(
      'in/factura.xml',
      check({
        earlierUpload: EARLIER_ID,
        problems: [
          { severity: 'warning', code: 'duplicate.sameBytes', message: 'x' },
        ],
      }),
      CIF,
      confirmations,
    );
    const outcome = decision.send ? null : decision.outcome;
    expect(outcome?.status).toBe('duplicate');
    expect(outcome?.blocked).toBeUndefined();
  });
});
