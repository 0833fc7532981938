/**
 * The notes an upload carries. Each sentence is a kind with values, which
 * the renderer words in the interface language, and this module builds the
 * English text from the same kind and values, so the two never disagree.
 * The English text is what logs, the command line and older rows show.
 */
import type { UploadNoteKind, UploadNotePart } from '../../../shared/domain.ts';
import { OUTCOME_UNKNOWN_MESSAGE } from '../queue/reconcile.ts';

/** The values of one kind of sentence. */
export type NoteValuesOf<K extends UploadNoteKind> = Extract<
  UploadNotePart,
  { kind: K }
>['values'];

/** A note as the `uploads` row stores it: the English text and its sentences. */
export interface UploadNote {
  note: string | null;
  noteParts: UploadNotePart[];
}

const LIST_SEARCH =
  "ANAF may have recorded the file, so it is not sent again; the app looks for it in ANAF's list of messages.";

const MARKED_BY_USER = 'You marked the file as filed after checking SPV.';

const ON_USERS_WORD =
  "Its upload index and ANAF's verdict are unknown to the app, so it counts as filed on your word.";

const COMPANY_GONE_SEARCH = (cif: string) =>
  `The company ${cif} is no longer followed, so the app cannot look for the file in ANAF's list.`;

/** The English sentence of each kind. */
const ENGLISH: {
  [K in UploadNoteKind]: (values: NoteValuesOf<K>) => string;
} = {
  companyNotFollowed: ({ cif }) =>
    `The company ${cif} is no longer followed, so the file was not sent. Follow the company again, then send the file again.`,
  storedFileMissing: () =>
    'The copy of the file kept in the data folder is missing, so it was not sent. Drop the file again.',
  notSent: ({ cause }) => `The file was not sent: ${cause.message}`,
  notTaken: ({ cause }) =>
    `ANAF did not take the file (${cause.message}); it will be sent again.`,
  notTakenResendLater: ({ cause, seconds }) =>
    `ANAF did not take the file (${cause.message}). It will be sent again in ${seconds} s.`,
  tokenRejectedResending: ({ seconds }) =>
    `ANAF rejected the access token, so it did not receive the file. The app sends it again in ${seconds} s with a refreshed token.`,
  tokenRejectedFailed: ({ accountId, companyName, rejections }) =>
    `ANAF rejected the access token of account ${accountId} (used for ${companyName}) ${rejections} times in a row, even after refreshing it, so the file was not filed. Log in to that account again, then send the file again.`,
  responseLost: ({ cause }) =>
    `The response to the upload was lost (${cause.message}). ${LIST_SEARCH}`,
  rejectedAtUpload: () =>
    'ANAF rejected the file at upload, so nothing was filed. Correct the file and send it again.',
  statusCheckFailed: ({ cause }) =>
    `Checking the status at ANAF failed (${cause.message}); the app checks again later.`,
  rejectedFetchingErrors: () =>
    'ANAF rejected the invoice; the app is still fetching its list of errors.',
  rejectedAtUploadByStatus: () =>
    'ANAF reports the file as rejected at upload ("XML cu erori nepreluat de sistem"), so nothing was filed. Correct the file and send it again.',
  errorDocumentUnreadable: ({ messageId, cause }) =>
    `ANAF rejected the invoice, but its error document could not be read (${cause.message}). Open message ${messageId} in SPV to see the errors.`,
  alreadyFiled: ({ earlierIndex, earlierFileName }) =>
    `ANAF reports that this invoice was already filed as upload ${earlierIndex} (${earlierFileName}); nothing new was filed.`,
  alreadyFiledElsewhere: ({ earlierIndex }) =>
    `ANAF reports that this invoice was already filed as upload ${earlierIndex}, which this app did not send; nothing new was filed.`,
  probableMatch: ({ uploadIndex }) =>
    `Probably this file: the response to the upload was lost, and the only message ANAF lists for an unknown upload since then is an error message for upload ${uploadIndex}. Error messages carry no copy of the invoice, so this is not certain.`,
  errorsNotFetchedCompanyGone: ({ cif, messageId }) =>
    `The company ${cif} is no longer followed, so its error list was not fetched; open message ${messageId} in SPV to see the errors.`,
  errorsFetchRetrying: ({ seconds }) =>
    `Fetching its list of errors failed; the app tries again in ${seconds} s.`,
  reconciling: () => `The response to the upload was lost. ${LIST_SEARCH}`,
  verdictAfterMark: () =>
    "You marked it as filed after checking SPV, and the state shown is ANAF's verdict.",
  outcomeUnknown: () => OUTCOME_UNKNOWN_MESSAGE,
  outcomeUnknownCompanyGone: ({ cif }) =>
    `${OUTCOME_UNKNOWN_MESSAGE} ${COMPANY_GONE_SEARCH(cif)}`,
  unknownCandidates: ({ uploadIndexes }) =>
    `ANAF lists error messages for uploads ${uploadIndexes.join(', ')} that the app does not know; one of them may be this file.`,
  foundInList: ({ uploadIndex, matchedBy }) =>
    `The response to the upload was lost, but ANAF's list shows the file as sent invoice ${uploadIndex} (${matchedBy === 'contentHash' ? 'the same bytes' : 'the same seller, invoice number and issue date'}). It was filed once.`,
  acceptedCompanyGone: ({ cif }) =>
    `${MARKED_BY_USER} ${COMPANY_GONE_SEARCH(cif)} ${ON_USERS_WORD}`,
  acceptedNotListed: ({ retentionDays }) =>
    `${MARKED_BY_USER} ANAF's list did not show it within the ${retentionDays} days it keeps messages. ${ON_USERS_WORD}`,
  crashWhileSending: () =>
    "The app stopped while this file was being sent. ANAF may have recorded it, so it is not sent again; the app looks for it in ANAF's list of messages.",
  markedSent: () =>
    `${MARKED_BY_USER} The app still looks for it in ANAF's list to show ANAF's verdict and the upload index.`,
  markedNotSent: () =>
    'The user found no trace of the file in SPV, so it is sent again.',
  waitingForUpload: ({ uploadIds }) =>
    `Waiting until upload ${uploadIds.join(', ')} for the same company is sent or its lost response is found, so that ANAF's list can tell the two files apart.`,
};

/** Returns one sentence as a part, checking its values against its kind. */
export function notePart<K extends UploadNoteKind>(
  kind: K,
  values: NoteValuesOf<K>,
): UploadNotePart {
  return { kind, values } as UploadNotePart;
}

/** Returns the English text of one sentence. */
export function englishSentence(part: UploadNotePart): string {
  const write = ENGLISH[part.kind] as (
    values: UploadNotePart['values'],
  ) => string;
  return write(part.values);
}

/** Builds a note of one sentence. */
export function noteOf<K extends UploadNoteKind>(
  kind: K,
  values: NoteValuesOf<K>,
): UploadNote {
  return notesOf([notePart(kind, values)]);
}

/** Builds a note of several sentences, in order. */
export function notesOf(parts: readonly UploadNotePart[]): UploadNote {
  if (parts.length === 0) return { note: null, noteParts: [] };
  return { note: parts.map(englishSentence).join(' '), noteParts: [...parts] };
}

/** Joins notes into one, in order, leaving out the missing and empty ones. */
export function joinNotes(
  ...notes: ReadonlyArray<UploadNote | null | undefined>
): UploadNote {
  const present = notes.filter(
    (note): note is UploadNote => note != null && note.note !== null,
  );
  if (present.length === 0) return { note: null, noteParts: [] };
  return {
    note: present.map((note) => note.note).join(' '),
    noteParts: present.flatMap((note) => note.noteParts),
  };
}

/** Returns an epoch-ms time as the ISO 8601 text the notes carry. */
export function noteTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}
