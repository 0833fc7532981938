/**
 * What `efactura status` prints: ANAF's response to stareMesaj, with the
 * file name, state and errors of this data folder's record when it made
 * the upload.
 */
import type { UploadRecord, UploadState } from '../../../shared/domain.ts';
import type { UploadStatus } from '../../core/anaf/index.ts';
import {
  outcomeOfRecord,
  type FileError,
  type UploadStatusWord,
} from '../upload/report.ts';

export interface StatusReport {
  uploadIndex: string;
  cif: string;
  /** ANAF's response: `ok`, `nok`, `processing` or `rejected` (refused at upload). */
  status: UploadStatusWord;
  /** The id of ANAF's message for the upload: the signed invoice, or the error list. */
  messageId: string | null;
  /** The uploaded file's name, when this data folder sent it. */
  file: string | null;
  /** The state of this data folder's record, when it sent the file. */
  state: UploadState | null;
  /** The errors the record holds, for an upload ANAF rejected. */
  errors: FileError[];
}

const STATUS_WORDS: Record<UploadStatus['state'], UploadStatusWord> = {
  ok: 'ok',
  nok: 'nok',
  processing: 'processing',
  rejectedAtUpload: 'rejected',
};

/** The record states that agree with each of ANAF's responses. */
const MATCHING_STATES: Record<UploadStatusWord, readonly UploadState[]> = {
  ok: ['accepted'],
  nok: ['rejected'],
  rejected: ['rejected', 'failed'],
  processing: ['processing'],
  duplicate: ['rejected'],
  unknown: [],
};

export function buildStatusReport(
  uploadIndex: string,
  cif: string,
  answer: UploadStatus,
  record: UploadRecord | null,
): StatusReport {
  const status = STATUS_WORDS[answer.state];
  const messageId = 'downloadId' in answer ? answer.downloadId : null;
  if (!record) {
    return {
      uploadIndex,
      cif,
      status,
      messageId,
      file: null,
      state: null,
      errors: [],
    };
  }
  const outcome = outcomeOfRecord(record.fileName, record);
  const agrees = MATCHING_STATES[status].includes(record.state);
  return {
    uploadIndex,
    cif,
    status,
    messageId: messageId ?? record.messageId,
    file: record.fileName,
    state: record.state,
    errors: agrees ? outcome.errors : [],
  };
}

/** Returns true when the record's state differs from ANAF's response. */
export function recordLagsBehind(report: StatusReport): boolean {
  return (
    report.state !== null &&
    !MATCHING_STATES[report.status].includes(report.state)
  );
}

export function formatStatusReport(report: StatusReport): string {
  const lines = [
    `Upload ${report.uploadIndex} (CIF ${report.cif}): ${report.status}`,
  ];
  if (report.file) lines.push(`File: ${report.file}`);
  if (report.messageId) lines.push(`Message id: ${report.messageId}`);
  if (report.state) lines.push(`Local record: ${report.state}`);
  for (const error of report.errors) {
    lines.push(`${error.code ? `[${error.code}] ` : ''}${error.message}`);
  }
  if (report.status === 'nok' && report.errors.length === 0) {
    lines.push(
      `ANAF's list of errors is message ${report.messageId}: download it with ` +
        `\`efactura sync --cif ${report.cif}\`, then read it with \`efactura show ${report.messageId}\`.`,
    );
  }
  return lines.join('\n');
}
