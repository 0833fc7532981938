// The English text of each note kind must stay as the upload service wrote
// it before notes had kinds, because logs, the command line and scripts
// read it. The expected strings are those texts with sample values.
import { describe, expect, it } from 'vitest';
import {
  englishSentence,
  joinNotes,
  noteOf,
  notePart,
} from '../../../electron/core/upload/notes.ts';
import {
  UPLOAD_NOTE_VALUES,
  type FailureCause,
  type UploadNotePart,
} from '../../../shared/domain.ts';

const cause: FailureCause = {
  code: 'anaf.timeout',
  message: 'AppFailure anaf.timeout: ANAF did not answer',
  details: { kind: 'timeout' },
};
const AT = '2025-07-15T10:30:00.000Z';

const CASES: Array<[UploadNotePart, string]> = [
  [
    notePart('companyNotFollowed', { cif: '2816464' }),
    'The company 2816464 is no longer followed, so the file was not sent. Follow the company again, then send the file again.',
  ],
  [
    notePart('storedFileMissing', {}),
    'The copy of the file kept in the data folder is missing, so it was not sent. Drop the file again.',
  ],
  [
    notePart('notSent', { cause }),
    'The file was not sent: AppFailure anaf.timeout: ANAF did not answer',
  ],
  [
    notePart('notTaken', { cause }),
    'ANAF did not take the file (AppFailure anaf.timeout: ANAF did not answer); it will be sent again.',
  ],
  [
    notePart('notTakenResendLater', { cause, seconds: 30, retryAt: AT }),
    'ANAF did not take the file (AppFailure anaf.timeout: ANAF did not answer). It will be sent again in 30 s.',
  ],
  [
    notePart('tokenRejectedResending', { seconds: 10, retryAt: AT }),
    'ANAF rejected the access token, so it did not receive the file. The app sends it again in 10 s with a refreshed token.',
  ],
  [
    notePart('tokenRejectedFailed', {
      accountId: 'acc-1',
      companyName: 'Brutăria Șerban SRL',
      cif: '16420060',
      rejections: 4,
    }),
    'ANAF rejected the access token of account acc-1 (used for Brutăria Șerban SRL) 4 times in a row, even after refreshing it, so the file was not filed. Log in to that account again, then send the file again.',
  ],
  [
    notePart('responseLost', { cause, deadlineAt: AT }),
    "The response to the upload was lost (AppFailure anaf.timeout: ANAF did not answer). ANAF may have recorded the file, so it is not sent again; the app looks for it in ANAF's list of messages.",
  ],
  [
    notePart('rejectedAtUpload', {}),
    'ANAF rejected the file at upload, so nothing was filed. Correct the file and send it again.',
  ],
  [
    notePart('statusCheckFailed', { uploadIndex: '5001', cause, retryAt: AT }),
    'Checking the status at ANAF failed (AppFailure anaf.timeout: ANAF did not answer); the app checks again later.',
  ],
  [
    notePart('rejectedFetchingErrors', {
      uploadIndex: '5001',
      messageId: '9001',
    }),
    'ANAF rejected the invoice; the app is still fetching its list of errors.',
  ],
  [
    notePart('rejectedAtUploadByStatus', { uploadIndex: '5001' }),
    'ANAF reports the file as rejected at upload ("XML cu erori nepreluat de sistem"), so nothing was filed. Correct the file and send it again.',
  ],
  [
    notePart('errorDocumentUnreadable', { messageId: '9001', cause }),
    'ANAF rejected the invoice, but its error document could not be read (AppFailure anaf.timeout: ANAF did not answer). Open message 9001 in SPV to see the errors.',
  ],
  [
    notePart('alreadyFiled', {
      earlierIndex: '4001',
      earlierFileName: 'f.xml',
    }),
    'ANAF reports that this invoice was already filed as upload 4001 (f.xml); nothing new was filed.',
  ],
  [
    notePart('alreadyFiledElsewhere', { earlierIndex: '4001' }),
    'ANAF reports that this invoice was already filed as upload 4001, which this app did not send; nothing new was filed.',
  ],
  [
    notePart('probableMatch', { uploadIndex: '5001' }),
    'Probably this file: the response to the upload was lost, and the only message ANAF lists for an unknown upload since then is an error message for upload 5001. Error messages carry no copy of the invoice, so this is not certain.',
  ],
  [
    notePart('errorsNotFetchedCompanyGone', {
      cif: '2816464',
      messageId: '9001',
    }),
    'The company 2816464 is no longer followed, so its error list was not fetched; open message 9001 in SPV to see the errors.',
  ],
  [
    notePart('errorsFetchRetrying', { seconds: 5, retryAt: AT }),
    'Fetching its list of errors failed; the app tries again in 5 s.',
  ],
  [
    notePart('reconciling', { deadlineAt: AT }),
    "The response to the upload was lost. ANAF may have recorded the file, so it is not sent again; the app looks for it in ANAF's list of messages.",
  ],
  [
    notePart('verdictAfterMark', { markedAt: AT }),
    "You marked it as filed after checking SPV, and the state shown is ANAF's verdict.",
  ],
  [
    notePart('outcomeUnknown', { sentAt: AT, deadlineAt: AT }),
    'Outcome unknown: check in SPV before sending again.',
  ],
  [
    notePart('outcomeUnknownCompanyGone', { cif: '2816464' }),
    "Outcome unknown: check in SPV before sending again. The company 2816464 is no longer followed, so the app cannot look for the file in ANAF's list.",
  ],
  [
    notePart('unknownCandidates', { uploadIndexes: ['5001', '5002'] }),
    'ANAF lists error messages for uploads 5001, 5002 that the app does not know; one of them may be this file.',
  ],
  [
    notePart('foundInList', { uploadIndex: '5001', matchedBy: 'contentHash' }),
    "The response to the upload was lost, but ANAF's list shows the file as sent invoice 5001 (the same bytes). It was filed once.",
  ],
  [
    notePart('foundInList', {
      uploadIndex: '5001',
      matchedBy: 'invoiceFields',
    }),
    "The response to the upload was lost, but ANAF's list shows the file as sent invoice 5001 (the same seller, invoice number and issue date). It was filed once.",
  ],
  [
    notePart('acceptedCompanyGone', { cif: '2816464', markedAt: AT }),
    "You marked the file as filed after checking SPV. The company 2816464 is no longer followed, so the app cannot look for the file in ANAF's list. Its upload index and ANAF's verdict are unknown to the app, so it counts as filed on your word.",
  ],
  [
    notePart('acceptedNotListed', { retentionDays: 60, markedAt: AT }),
    "You marked the file as filed after checking SPV. ANAF's list did not show it within the 60 days it keeps messages. Its upload index and ANAF's verdict are unknown to the app, so it counts as filed on your word.",
  ],
  [
    notePart('crashWhileSending', { deadlineAt: AT }),
    "The app stopped while this file was being sent. ANAF may have recorded it, so it is not sent again; the app looks for it in ANAF's list of messages.",
  ],
  [
    notePart('markedSent', { markedAt: AT }),
    "You marked the file as filed after checking SPV. The app still looks for it in ANAF's list to show ANAF's verdict and the upload index.",
  ],
  [
    notePart('markedNotSent', {}),
    'The user found no trace of the file in SPV, so it is sent again.',
  ],
  [
    notePart('waitingForUpload', { uploadIds: ['u-1', 'u-2'] }),
    "Waiting until upload u-1, u-2 for the same company is sent or its lost response is found, so that ANAF's list can tell the two files apart.",
  ],
];

describe('englishSentence', () => {
  const named = CASES.map(([part, expected]) => ({
    kind: part.kind,
    part,
    expected,
  }));

  it.each(named)('writes $kind as before', ({ part, expected }) => {
    expect(englishSentence(part)).toBe(expected);
  });

  it('covers every kind', () => {
    const covered = new Set(CASES.map(([part]) => part.kind));
    expect([...covered].sort()).toEqual(Object.keys(UPLOAD_NOTE_VALUES).sort());
  });
});

describe('joinNotes', () => {
  const probable = noteOf('probableMatch', { uploadIndex: '5001' });
  const marked = noteOf('verdictAfterMark', { markedAt: AT });

  it('joins texts with a space', () => {
    expect(joinNotes(probable, null, marked).note).toBe(
      `${probable.note} ${marked.note}`,
    );
  });

  it('keeps every sentence in order', () => {
    expect(
      joinNotes(probable, marked).noteParts.map((part) => part.kind),
    ).toEqual(['probableMatch', 'verdictAfterMark']);
  });

  it('skips a note without text', () => {
    const empty = { note: null, noteParts: [] };
    expect(joinNotes(empty, probable)).toEqual(probable);
  });

  it('gives no note for nothing', () => {
    expect(joinNotes(null, undefined)).toEqual({ note: null, noteParts: [] });
  });
});
