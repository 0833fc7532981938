/**
 * The ZIP that ANAF's download (`descarcare`) returns: `<upload index>.xml`
 * (the invoice as uploaded, or the error document of a `nok` upload) and
 * `semnatura_<upload index>.xml` (the Ministry of Finance's signature).
 */
import { NS } from '../invoice/namespaces.ts';
import { ZIP_DOCUMENT_MAX_BYTES } from '../invoice/parse-invoice.ts';
import { sniffRootElement } from '../invoice/xml-sniff.ts';
import { fail, ok, type Result } from '../../../shared/result.ts';

import { quoteEntryName } from './entry-names.ts';
import {
  readZip,
  zipFailure,
  type ZipEntryInfo,
  type ZipLimits,
} from './zip-reader.ts';

const DOCUMENT_NAME = /^(\d+)\.xml$/;
const SIGNATURE_NAME = /^semnatura_(\d+)\.xml$/;

export interface AnafMessageZip {
  /** ANAF upload index (`id_incarcare`), from the member names. */
  uploadIndex: string;
  documentName: string;
  /** Raw bytes of `<upload index>.xml`, as signed. */
  document: Uint8Array;
  signatureName: string;
  signature: Uint8Array;
  /**
   * `'errors'` when the document's root is ANAF's error `header`; anything
   * else is `'invoice'`, and the invoice parser decides whether it is one.
   */
  kind: 'invoice' | 'errors';
  /** Names of other entries, which are listed but never inflated. */
  otherEntries: string[];
}

/**
 * Reads an ANAF message ZIP. Fails with `input.invalid` (`details.reason`
 * is a `ZipProblem`) for every failure of `readZip`, for any entry whose
 * name is a path (zip slip), and when the document or the signature member
 * is missing, repeated, or named for another upload index.
 */
export async function readAnafMessageZip(
  bytes: Uint8Array,
  limits: Partial<ZipLimits> = {},
): Promise<Result<AnafMessageZip>> {
  const read = await readZip(bytes, {
    select: (entry) => isMember(entry.name) && entry.nameProblem === null,
    limits,
  });
  if (!read.ok) return read;

  const { entries, files } = read.value;
  const problem = entries.find((entry) => entry.nameProblem !== null);
  if (problem) return unsafeName(problem);

  const documents = entries.filter((entry) => DOCUMENT_NAME.test(entry.name));
  const signatures = entries.filter((entry) => SIGNATURE_NAME.test(entry.name));
  const found =
    checkOneMember(documents, '<upload index>.xml', entries) ??
    checkOneMember(signatures, 'semnatura_<upload index>.xml', entries);
  if (found) return found;

  const documentName = documents[0]?.name ?? '';
  const signatureName = signatures[0]?.name ?? '';
  const uploadIndex = DOCUMENT_NAME.exec(documentName)?.[1] ?? '';
  if (SIGNATURE_NAME.exec(signatureName)?.[1] !== uploadIndex) {
    return failure(
      zipFailure(
        'mismatchedMembers',
        `The ZIP's signature ${quoteEntryName(signatureName)} is for another upload than the document ${quoteEntryName(documentName)}.`,
      ),
    );
  }

  const document = files.get(documentName) ?? new Uint8Array();
  return ok({
    uploadIndex,
    documentName,
    document,
    signatureName,
    signature: files.get(signatureName) ?? new Uint8Array(),
    kind: isErrorDocument(document) ? 'errors' : 'invoice',
    otherEntries: entries
      .map((entry) => entry.name)
      .filter((name) => !isMember(name)),
  });
}

function isMember(name: string): boolean {
  return DOCUMENT_NAME.test(name) || SIGNATURE_NAME.test(name);
}

function isErrorDocument(document: Uint8Array): boolean {
  const root = sniffRootElement(document, ZIP_DOCUMENT_MAX_BYTES);
  return root?.localName === 'header' && root.namespace === NS.anafErrors;
}

function unsafeName(entry: ZipEntryInfo): Result<never> {
  return failure(
    zipFailure(
      'unsafeName',
      `The ZIP contains an entry named ${quoteEntryName(entry.name)}: ${entry.nameProblem}. ANAF's ZIPs contain only plain file names, so this archive is rejected.`,
      { entry: entry.name },
    ),
  );
}

function checkOneMember(
  members: ZipEntryInfo[],
  pattern: string,
  entries: ZipEntryInfo[],
): Result<never> | null {
  if (members.length === 1) return null;

  const listed = entries.map((entry) => quoteEntryName(entry.name)).join(', ');
  if (members.length === 0) {
    return failure(
      zipFailure(
        'missingMember',
        `The ZIP has no '${pattern}' member (it contains ${listed || 'no entries'}), so it is not a complete ANAF message.`,
        { member: pattern },
      ),
    );
  }
  return failure(
    zipFailure(
      'duplicateEntry',
      `The ZIP has ${members.length} members named like '${pattern}' (${listed}); an ANAF message has one.`,
      { member: pattern },
    ),
  );
}

function failure(error: ReturnType<typeof zipFailure>): Result<never> {
  return fail(error.code, error.message, error.details);
}
