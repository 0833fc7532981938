// The records the sandbox keeps: uploads, the list messages they produce,
// e-Transport declarations and issued tokens. All ids are decimal strings
// because ANAF's lists send them as strings.
import type { InvoiceFacts } from './documents/index.ts';

export type EfacturaStandard = 'UBL' | 'CN' | 'CII' | 'RASP';

/** `stare` values of e-Factura's stareMesaj, spelt as ANAF sends them. */
export type UploadState =
  'in prelucrare' | 'ok' | 'nok' | 'XML cu erori nepreluat de sistem';

export interface UploadRecord {
  index: string;
  /** The endpoint that received it; `seed` for seeded invoices. */
  source: 'upload' | 'uploadb2c' | 'seed';
  standard: EfacturaStandard;
  /** The `cif` query parameter. */
  cif: string;
  extern: boolean;
  autofactura: boolean;
  executare: boolean;
  /** SHA-256 (hex) of the request body bytes. */
  sha256: string;
  size: number;
  uploadedAt: number;
  /** When processing ends and the final state is decided. */
  readyAt: number;
  /** Serial of the uploader's certificate; null for seeded invoices. */
  serial: string | null;
  state: UploadState;
  facts: InvoiceFacts | null;
  rasp: { referencedIndex: string; message: string } | null;
  /** Failed rules of a `nok` upload, or the structural error at upload. */
  errors: string[];
  /** The uploader's message id, returned by stareMesaj as id_descarcare. */
  downloadId: string | null;
}

/** A list entry: one message a CIF can see and download. */
export interface MessageRecord {
  id: string;
  cif: string;
  uploadIndex: string;
  tip: string;
  detalii: string;
  createdAt: number;
  /** When the entry shows up in the lists (ANAF indexes with a lag). */
  visibleAt: number;
}

export type EtransportState = 'in prelucrare' | 'ok' | 'nok';

/** The list fields of an e-Transport declaration. */
export interface EtransportSummary {
  tip: string;
  codTipOperatiune: string | null;
  dataTransport: string | null;
  partnerCountry: string | null;
  partnerCode: string | null;
  partnerName: string | null;
  carrierCountry: string | null;
  carrierCode: string | null;
  carrierName: string | null;
  vehicle: string | null;
  lineCount: number;
  grossWeight: string;
  netWeight: string;
  value: string;
  codDeclarant: string | null;
  refDeclarant: string;
  uit: string | null;
}

export interface EtransportRecord {
  index: number;
  cif: string;
  version: number;
  uit: string;
  sha256: string;
  uploadedAt: number;
  readyAt: number;
  serial: string;
  state: EtransportState;
  errors: string[];
  summary: EtransportSummary;
}

export interface TokenRecord {
  /** SHA-256 (hex) of the token; the token itself is never stored. */
  hash: string;
  kind: 'access' | 'refresh';
  format: 'jwt' | 'opaque';
  serial: string;
  clientId: string;
  issuedAt: number;
  expiresAt: number;
  revoked: boolean;
  /** For a refresh token: whether a refresh has already rotated it. */
  rotated: boolean;
}
