// Wording of main's upload notes, sync errors and download failures from
// their kinds and values, in Romanian and English.
import { describe, expect, it } from 'vitest';
import { i18next } from '../../../renderer/src/i18n/index.ts';
import {
  causeText,
  downloadFailureText,
  syncErrorText,
  uploadNoteText,
} from '../../../renderer/src/lib/note-text.ts';
import type { FailureCause, UploadNotePart } from '../../../shared/domain.ts';

const ro = i18next.getFixedT('ro');
const en = i18next.getFixedT('en');

const timeout: FailureCause = {
  code: 'anaf.timeout',
  message: 'AppFailure anaf.timeout: ANAF did not answer in 30 s',
  details: { kind: 'timeout' },
};

function note(...noteParts: UploadNotePart[]) {
  return { note: 'English note', noteParts };
}

describe('uploadNoteText', () => {
  it('names the account and CIF of a token rejection', () => {
    const text = uploadNoteText(
      ro,
      note({
        kind: 'tokenRejectedFailed',
        values: {
          accountId: 'acc-7',
          companyName: 'Brutăria Șerban SRL',
          cif: '16420060',
          rejections: 4,
        },
      }),
      { language: 'ro' },
    );
    expect(text).toBe(
      'ANAF a respins de 4 ori la rând tokenul de acces al contului acc-7 (folosit pentru Brutăria Șerban SRL, CIF 16420060), chiar după reîmprospătare, deci fișierul nu a fost depus. Autentificați-vă din nou cu acest cont în pagina Conturi, apoi trimiteți fișierul din nou.',
    );
  });

  it('shows times in Romania time', () => {
    const marked = note({
      kind: 'markedSent',
      values: { markedAt: '2025-07-15T10:30:00.000Z' },
    });
    expect(uploadNoteText(ro, marked, { language: 'ro' })).toContain(
      'la 15.07.2025, 13:30 (ora României)',
    );
    expect(uploadNoteText(en, marked, { language: 'en' })).toContain(
      'at 15/07/2025, 13:30 (Romania time)',
    );
  });

  it('words the cause by its code', () => {
    const text = uploadNoteText(
      ro,
      note({
        kind: 'statusCheckFailed',
        values: {
          uploadIndex: '5001',
          cause: timeout,
          retryAt: '2025-01-15T08:00:00.000Z',
        },
      }),
      { language: 'ro' },
    );
    expect(text).toBe(
      'Verificarea stării încărcării 5001 la ANAF a eșuat. ANAF nu a răspuns la timp. Aplicația verifică din nou la 15.01.2025, 10:00 (ora României).',
    );
  });

  it('joins the sentences of a note', () => {
    const text = uploadNoteText(
      en,
      note(
        {
          kind: 'outcomeUnknown',
          values: {
            sentAt: '2025-01-15T08:00:00Z',
            deadlineAt: '2025-01-15T08:20:00Z',
          },
        },
        {
          kind: 'unknownCandidates',
          values: { uploadIndexes: ['5001', '5002'] },
        },
      ),
      { language: 'en' },
    );
    expect(text).toBe(
      "Outcome unknown: the file sent at 15/01/2025, 10:00 did not appear in ANAF's list of messages by 15/01/2025, 10:20 (Romania time). Check in SPV whether the invoice arrived, then choose below; do not send it again before. ANAF lists error messages for uploads 5001, 5002 that the app does not know; one of them may be this file.",
    );
  });

  it('names the uploads waited for', () => {
    const text = uploadNoteText(
      ro,
      note({ kind: 'waitingForUpload', values: { uploadIds: ['up-1'] } }),
      { language: 'ro', describeUpload: (id) => `${id} (factura.xml)` },
    );
    expect(text).toContain('încărcarea up-1 (factura.xml) a aceleiași firme');
  });

  it('falls back to the English note', () => {
    expect(
      uploadNoteText(ro, { note: 'English note' }, { language: 'ro' }),
    ).toBe('English note');
  });

  it('gives no text without a note', () => {
    expect(
      uploadNoteText(ro, { note: null, noteParts: [] }, { language: 'ro' }),
    ).toBeNull();
  });
});

describe('causeText', () => {
  it('keeps a message without a code', () => {
    const cause = { code: null, message: 'TypeError: boom', details: {} };
    expect(causeText(ro, cause).message).toBe('TypeError: boom');
  });

  it('words a coded cause with its facts', () => {
    const cause: FailureCause = {
      code: 'anaf.noRight',
      message: 'No right',
      details: { kind: 'noRight', cif: '2816464' },
    };
    expect(causeText(ro, cause).message).toBe(
      'Certificatul nu are drept în SPV pentru acest CIF. CIF: 2816464.',
    );
  });
});

describe('syncErrorText', () => {
  it('names the message and the next step', () => {
    const text = syncErrorText(ro, {
      error: 'Downloads stopped: The login expired.',
      errorKind: 'downloadsStopped',
      errorValues: {
        messageId: '3001',
        cause: {
          code: 'auth.expired',
          message: 'The login expired.',
          details: {},
        },
      },
    });
    expect(text).toBe(
      'Descărcările s-au oprit la mesajul 3001. Autentificarea a expirat. Autentificați-vă din nou în pagina Conturi.',
    );
  });

  it('words a cancelled sync', () => {
    const text = syncErrorText(en, {
      error: 'The sync was cancelled.',
      errorKind: 'cancelled',
      errorValues: {},
    });
    expect(text).toBe(
      'The sync was cancelled before it ended. Start it again with “Sync”.',
    );
  });

  it('falls back to the English error', () => {
    expect(syncErrorText(ro, { error: 'Old error' })).toBe('Old error');
  });
});

describe('downloadFailureText', () => {
  it('words a rejected download', () => {
    const text = downloadFailureText(ro, {
      failureReason: 'Pentru id=3001 nu exista',
      failureKind: 'rejected',
      failureValues: {
        cause: {
          code: 'anaf.notFound',
          message: 'Pentru id=3001 nu exista',
          details: { kind: 'notFound' },
        },
      },
    });
    expect(text).toBe(
      'ANAF a refuzat descărcarea mesajului. ANAF nu găsește mesajul cerut. Următoarele sincronizări mai încearcă de câteva ori; dacă eșecul rămâne, căutați mesajul în SPV.',
    );
  });

  it('falls back without a cause', () => {
    const row = {
      failureReason: 'Old reason',
      failureKind: 'rejected' as const,
      failureValues: {} as never,
    };
    expect(downloadFailureText(ro, row)).toBe('Old reason');
  });

  it('falls back to the English reason', () => {
    expect(downloadFailureText(ro, { failureReason: 'Old reason' })).toBe(
      'Old reason',
    );
  });
});
