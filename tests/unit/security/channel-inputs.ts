/**
 * One input per channel that its schema accepts, sent by the security tests
 * from trusted and untrusted senders. The mapped type turns a new channel
 * without a sample into a type error.
 */
import type {
  ChannelInput,
  ChannelName,
} from '../../../shared/ipc/contract.ts';

const CIF = '18654326';
const MESSAGE = { cif: CIF, messageId: '3001000001' };
const FILE = {
  name: 'factura.xml',
  base64: Buffer.from('<Invoice/>').toString('base64'),
};

export const VALID_INPUTS: { [C in ChannelName]: ChannelInput<C> } = {
  'app.info': undefined,
  'settings.get': undefined,
  'settings.set': { language: 'en' },
  'settings.chooseArchiveDir': undefined,
  'environment.get': undefined,
  'environment.select': { environment: 'sandbox' },
  'log.write': { level: 'info', message: 'renderer line' },
  'shell.openExternal': { url: 'https://www.anaf.ro/' },
  'accounts.list': undefined,
  'accounts.sandboxCertificates': undefined,
  'accounts.loginSandbox': { certificateIndex: 0 },
  'accounts.loginAnaf': {
    clientId: 'client-id',
    clientSecret: 'client-secret',
    redirectUri: 'https://localhost:9002/callback',
  },
  'accounts.answerCertificate': { requestId: 'request-1', certificateId: null },
  'accounts.relogin': { accountId: 'account-1' },
  'accounts.logout': { accountId: 'account-1' },
  'accounts.testConnection': { accountId: 'account-1' },
  'companies.list': undefined,
  'companies.add': { cif: CIF, accountId: 'account-1' },
  'companies.update': { cif: CIF, name: 'Firma SRL' },
  'companies.remove': { cif: CIF },
  'companies.markSeen': { cif: CIF },
  'invoices.query': { cif: CIF },
  'invoices.document': MESSAGE,
  'invoices.buyerMessages': { cif: CIF, invoiceUploadIndex: '5001120362' },
  'invoices.save': { ...MESSAGE, format: 'pdf' },
  'invoices.openAttachment': { ...MESSAGE, attachmentIndex: 0 },
  'invoices.exportCsv': { query: { cif: CIF }, perLine: false },
  'invoices.saveMany': { cif: CIF, messageIds: [MESSAGE.messageId] },
  'invoices.exportBundle': {
    cif: CIF,
    dateFrom: '2026-01-01',
    dateTo: '2026-01-31',
  },
  'uploads.check': { cif: CIF, files: [FILE] },
  'uploads.submit': {
    cif: CIF,
    files: [FILE],
    acceptWarnings: false,
    allowDuplicate: false,
  },
  'uploads.list': {},
  'uploads.resolveUnknown': { uploadId: 'upload-1', decision: 'markNotSent' },
  'sync.run': {},
  'sync.status': undefined,
  'queue.snapshot': undefined,
};
