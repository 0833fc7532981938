/**
 * Plausible values of the contract's types for renderer tests and for the
 * screenshots. CIFs are valid by their check digit; companies and people
 * are invented.
 */
import type {
  AccountSummary,
  CompanySummary,
  InvoiceDocument,
  InvoicePage,
  InvoiceQuery,
  InvoiceRow,
  QueueSnapshot,
  SyncProgress,
  UploadCheckResult,
  UploadRecord,
} from '../../../shared/domain.ts';
import type { DecimalValue, Invoice, InvoiceParty } from '../../../shared/invoice.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

export function isoInDays(days: number, from = Date.UTC(2025, 0, 20, 9, 30)): string {
  return new Date(from + days * DAY_MS).toISOString();
}

export const sandboxAccount: AccountSummary = {
  id: 'acc-sandbox',
  provider: 'sandbox',
  clientId: 'sandbox-client',
  redirectUri: 'https://localhost:9002/callback',
  certificateSubject: 'CN=Ana Popescu, O=Contabil Test SRL',
  certificateSerial: '01A3F2',
  certificateIssuer: 'CN=Sandbox CA',
  accessExpiresAt: isoInDays(80, Date.now()),
  refreshExpiresAt: isoInDays(350, Date.now()),
  status: 'ok',
  warning: null,
  storageProblem: null,
  persistent: true,
};

export const anafAccount: AccountSummary = {
  id: 'acc-anaf',
  provider: 'anaf',
  clientId: '3f9e0c1a7b',
  redirectUri: 'https://localhost:9002/callback',
  certificateSubject: 'CN=Ion Ionescu',
  certificateSerial: '5C11D0',
  certificateIssuer: 'CN=certSIGN Qualified CA',
  accessExpiresAt: isoInDays(5, Date.now()),
  refreshExpiresAt: isoInDays(9.5, Date.now()),
  status: 'expiring',
  warning: 'The refresh token ends in 9 days: log in again before then.',
  storageProblem: null,
  persistent: false,
};

export const companies: CompanySummary[] = [
  {
    cif: '2816464',
    name: 'Brutăria Șerban SRL',
    accountId: 'acc-sandbox',
    api: 'test',
    lastSyncAt: isoInDays(0),
    newReceivedCount: 3,
    rejectedUploadCount: 2,
  },
  {
    cif: '16420060',
    name: 'Transporturi Țară SA',
    accountId: 'acc-anaf',
    api: 'prod',
    lastSyncAt: null,
    newReceivedCount: 0,
    rejectedUploadCount: 0,
  },
];

const PARTNERS: Array<[string, string]> = [
  ['Electrica Furnizare SA', '28909028'],
  ['Orange România SA', '9010105'],
  ['Depozitul de Făină Ștefănești SRL', '2816464'],
  ['Cărămida Nouă SRL', '16420060'],
  ['Papetăria Centrală SRL', '14399840'],
];

/** Builds a deterministic list row whose every value follows from `index`. */
export function sampleRow(index: number, cif = '2816464'): InvoiceRow {
  const [partnerName, partnerCif] = PARTNERS[index % PARTNERS.length] ?? ['', ''];
  const net = 100 + ((index * 7919) % 90000) / 10;
  const vat = Math.round(net * 19) / 100;
  const day = 1 + (index % 28);
  return {
    messageId: String(3000000000 + index),
    cif,
    direction: 'received',
    uploadIndex: String(5000000000 + index),
    createdAt: isoInDays(-(index % 55)),
    partnerCif,
    partnerName,
    number: `FCT-${String(10000 + index)}`,
    issueDate: `2025-01-${String(day).padStart(2, '0')}`,
    dueDate: `2025-02-${String(day).padStart(2, '0')}`,
    net,
    vat,
    total: Math.round((net + vat) * 100) / 100,
    currency: index % 9 === 0 ? 'EUR' : 'RON',
    state: index % 23 === 0 ? 'expired' : 'downloaded',
    failureReason: null,
    isNew: index < 3,
  };
}

/** Returns an `invoices.query` page over `count` generated rows, paged as main pages. */
export function sampleInvoicePage(query: InvoiceQuery, count: number): InvoicePage {
  const offset = query.offset ?? 0;
  const limit = query.limit ?? 100;
  const rows: InvoiceRow[] = [];
  for (let index = offset; index < Math.min(count, offset + limit); index += 1) {
    rows.push({ ...sampleRow(index, query.cif), direction: query.direction ?? 'received' });
  }
  return {
    rows,
    total: count,
    totals:
      count === 0
        ? []
        : [
            { currency: 'RON', count: count - Math.ceil(count / 9), net: 1234567.8, vat: 234567.88, total: 1469135.68 },
            { currency: 'EUR', count: Math.ceil(count / 9), net: 45210.5, vat: 8589.99, total: 53800.49 },
          ],
  };
}

function decimal(text: string): DecimalValue {
  return { text, value: Number(text) };
}

function party(name: string, vatId: string, cif: string, city: string, county: string): InvoiceParty {
  return {
    name,
    tradingName: null,
    vatId,
    taxRegistrationId: null,
    registrationNumber: 'J12/1234/2010',
    legalInfo: null,
    cif,
    identifiers: [],
    address: { street: 'Str. Memorandumului 28', additionalStreet: null, city, postalCode: '400114', countySubentity: county, countryCode: 'RO' },
    contact: { name: 'Maria Pop', phone: '0264 000 000', email: 'facturi@example.ro' },
  };
}

export const sampleInvoice: Invoice = {
  rootKind: 'Invoice',
  syntax: 'UBL',
  standard: 'UBL',
  customizationId: 'urn:cen.eu:en16931:2017#compliant#urn:efactura.mfinante.ro:CIUS-RO:1.0.1',
  profileId: null,
  number: 'FCT-10001',
  typeCode: '380',
  issueDate: '2025-01-15',
  dueDate: '2025-02-14',
  currency: 'RON',
  taxCurrency: null,
  buyerReference: null,
  orderReference: 'CMD-778',
  contractReference: null,
  precedingInvoices: [],
  seller: party('Depozitul de Făină Ștefănești SRL', 'RO2816464', '2816464', 'Cluj-Napoca', 'RO-CJ'),
  buyer: party('Brutăria Șerban SRL', 'RO16420060', '16420060', 'SECTOR3', 'RO-B'),
  paymentMeans: [{ code: '30', text: null, paymentId: 'FCT-10001', iban: 'RO49AAAA1B31007593840000', accountName: null, bic: 'BTRLRO22' }],
  paymentTerms: 'Plata în 30 de zile',
  lines: [
    {
      id: '1',
      name: 'Făină albă tip 000',
      description: 'saci de 50 kg',
      note: null,
      sellerItemId: null,
      quantity: decimal('20'),
      unitCode: 'H87',
      price: decimal('150.00'),
      priceBaseQuantity: null,
      vatCategory: 'S',
      vatRate: decimal('19'),
      netAmount: decimal('3000.00'),
      allowancesCharges: [],
    },
    {
      id: '2',
      name: 'Transport',
      description: null,
      note: null,
      sellerItemId: null,
      quantity: decimal('1'),
      unitCode: 'C62',
      price: decimal('250.00'),
      priceBaseQuantity: null,
      vatCategory: 'S',
      vatRate: decimal('19'),
      netAmount: decimal('250.00'),
      allowancesCharges: [],
    },
  ],
  allowancesCharges: [],
  vatBreakdown: [
    { category: 'S', rate: decimal('19'), taxableAmount: decimal('3250.00'), taxAmount: decimal('617.50'), exemptionReason: null, exemptionReasonCode: null },
  ],
  totals: {
    lineNet: decimal('3250.00'),
    allowances: null,
    charges: null,
    net: decimal('3250.00'),
    vat: decimal('617.50'),
    vatInTaxCurrency: null,
    withVat: decimal('3867.50'),
    prepaid: null,
    rounding: null,
    payable: decimal('3867.50'),
  },
  notes: ['Marfa se livrează la sediul clientului.'],
  attachments: [
    { index: 0, id: 'AVIZ-1', description: 'Aviz de însoțire', filename: 'aviz.pdf', mimeType: 'application/pdf', size: 48213, externalUri: null },
  ],
  uploadIndex: '5000000001',
};

export const sampleDocument: InvoiceDocument = {
  row: sampleRow(1),
  invoice: sampleInvoice,
  errors: [],
  signature: { shape: 'detached', signerSubject: 'CN=Ministerul Finantelor', digestMatches: true },
  problem: null,
};

export const rejectedErrors = [
  { ruleId: 'R6.1', message: 'E: validari globale eroare regula: R6.1: CIF-ul vanzatorului nu figureaza in baza de date:12345674' },
  { ruleId: 'BR-RO-110', message: 'E: validari globale SCHEMATRON eroare: [BR-RO-110]-Subdiviziunea tarii vanzatorului trebuie codificata ISO 3166-2:RO' },
  { ruleId: null, message: 'Factura a mai fost transmisa anterior cu index=5009871234 si data incarcare=2025-01-15' },
];

export const rejectedDocument: InvoiceDocument = {
  row: { ...sampleRow(7), direction: 'errors', partnerName: null, partnerCif: null, number: null, net: null, vat: null, total: null, currency: null },
  invoice: null,
  errors: rejectedErrors,
  signature: { shape: 'detached', signerSubject: 'CN=Ministerul Finantelor', digestMatches: true },
  problem: null,
};

function upload(id: string, fileName: string, state: UploadRecord['state'], extra: Partial<UploadRecord> = {}): UploadRecord {
  return {
    id,
    fileName,
    cif: '2816464',
    standard: 'UBL',
    sha256: 'ab'.repeat(32),
    state,
    uploadIndex: state === 'queued' || state === 'sending' ? null : `50098712${id.slice(-2)}`,
    messageId: null,
    errors: [],
    duplicateOf: null,
    replaces: null,
    createdAt: isoInDays(0),
    updatedAt: isoInDays(0),
    note: null,
    ...extra,
  };
}

export const uploads: UploadRecord[] = [
  upload('up-01', 'ubl_b2g_example1.xml', 'rejected', { errors: rejectedErrors.slice(0, 2) }),
  upload('up-02', 'factura-0042.xml', 'accepted'),
  upload('up-03', 'factura-0043.xml', 'processing'),
  upload('up-04', 'factura-0044.xml', 'needsDecision', { uploadIndex: null }),
  upload('up-05', 'factura-0042-copie.xml', 'rejected', { duplicateOf: 'up-02', errors: rejectedErrors.slice(2) }),
  upload('up-06', 'factura-0045.xml', 'queued'),
];

export const checkResults: UploadCheckResult[] = [
  { name: 'factura-0046.xml', standard: 'UBL', sellerCif: '2816464', number: 'F-46', issueDate: '2025-01-16', sha256: '01', problems: [], earlierUpload: null },
  {
    name: 'anaf_invoice_example.xml',
    standard: 'UBL',
    sellerCif: '12345674',
    number: 'A-1',
    issueDate: '2025-01-10',
    sha256: '02',
    problems: [{ severity: 'warning', code: 'sellerNotUploadCompany', message: 'The seller 12345674 is not the upload company 2816464.' }],
    earlierUpload: null,
  },
  {
    name: 'comanda.xml',
    standard: null,
    sellerCif: null,
    number: null,
    issueDate: null,
    sha256: null,
    problems: [{ severity: 'blocking', code: 'notInvoice', message: 'The root element is Order, not an invoice.' }],
    earlierUpload: null,
  },
];

export const queueSnapshot: QueueSnapshot = {
  rateLimitPerMinute: 100,
  callsInLastMinute: 64,
  counts: { pending: 12, running: 2, waitingForBudget: 1, retrying: 0, done: 348, failed: 1 },
  budgets: [
    { endpoint: 'listaMesajePaginatie', key: '2816464', used: 14, limit: 100000, resetsAt: isoInDays(1) },
    { endpoint: 'descarcare', key: '3000000007', used: 9, limit: 10, resetsAt: isoInDays(1) },
    { endpoint: 'stareMesaj', key: '5009871201', used: 37, limit: 100, resetsAt: isoInDays(1) },
  ],
};

export const syncProgress: SyncProgress[] = [
  {
    cif: '2816464',
    running: true,
    listed: 420,
    downloaded: 180,
    alreadyArchived: 60,
    remaining: 178,
    expired: 2,
    failed: 0,
    startedAt: isoInDays(0),
    finishedAt: null,
    error: null,
  },
  {
    cif: '16420060',
    running: false,
    listed: 35,
    downloaded: 0,
    alreadyArchived: 35,
    remaining: 0,
    expired: 0,
    failed: 0,
    startedAt: isoInDays(-1),
    finishedAt: isoInDays(-1),
    error: 'The token is not valid for this service, or the application is not enrolled for it.',
  },
];
