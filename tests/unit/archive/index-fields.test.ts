/**
 * The reason readIndexFields gives for a ZIP whose content cannot be read:
 * English text for the log and a kind with values for the interface.
 */
import { describe, expect, it } from 'vitest';

import { readIndexFields } from '../../../electron/core/archive/index-fields.ts';

import { messageZip } from './invoice-builder.ts';

const CIF = '18654326';

describe('readIndexFields problems', () => {
  it('gives an unreadable buyer message a kind', async () => {
    const zip = await messageZip('604101', '<Invoice/>');
    const fields = await readIndexFields(CIF, 'buyerMessage', zip);
    expect(fields.failure?.kind).toBe('unreadableZip');
    expect(fields.failure?.values.cause.message).toMatch(/not a buyer message/);
  });

  it('keeps the cause code of a broken ZIP', async () => {
    const zip = new TextEncoder().encode('not a zip');
    const fields = await readIndexFields(CIF, 'received', zip);
    expect(fields.failure?.kind).toBe('unreadableZip');
    expect(fields.failure?.values.cause.code).not.toBeNull();
  });

  it('keeps the English problem for the log', async () => {
    const zip = new TextEncoder().encode('not a zip');
    const fields = await readIndexFields(CIF, 'received', zip);
    expect(fields.problem).toMatch(/could not be read/);
  });
});
