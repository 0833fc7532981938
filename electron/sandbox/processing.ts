// Processing of an upload while it is `in prelucrare`. When its processing
// time is over, the business rules decide `ok` or `nok` and the list
// messages appear (`FACTURA TRIMISA`/`PRIMITA` or `ERORI FACTURA`). Uploads
// are settled lazily, in upload order, at the start of every call, so the
// outcome depends only on the sandbox's clock and never on a timer.
import type { Sandbox } from './context.ts';
import {
  applyRules,
  buildErrorDocument,
  type RuleContext,
} from './documents/index.ts';
import type { MessageRecord, UploadRecord } from './records.ts';

export const MESSAGE_TYPES = {
  sent: 'FACTURA TRIMISA',
  received: 'FACTURA PRIMITA',
  errors: 'ERORI FACTURA',
  buyerMessageSent: 'MESAJ CUMPARATOR TRANSMIS',
  buyerMessageReceived: 'MESAJ CUMPARATOR PRIMIT',
} as const;

/** Finishes every upload whose processing time is over. */
export function settleUploads(sandbox: Sandbox, now: Date): void {
  for (const upload of sandbox.store.uploads()) {
    if (upload.state === 'in prelucrare' && upload.readyAt <= now.getTime()) {
      finishUpload(sandbox, upload);
    }
  }
}

/** Compares two decimal ids numerically without converting them to numbers. */
function compareIndex(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * Builds the rules' view of the sandbox. A duplicate is an earlier upload (in upload
 * order, whatever its state, unless it ended `nok` or was rejected at upload)
 * with the same seller, invoice number and issue date.
 */
function ruleContext(sandbox: Sandbox, upload: UploadRecord): RuleContext {
  return {
    isRegistered: (cif) => sandbox.registry.has(cif),
    findEarlierUpload: (sellerCif, number, issueDate) => {
      for (const earlier of sandbox.store.uploads()) {
        if (compareIndex(earlier.index, upload.index) >= 0) break;
        if (earlier.state === 'nok') continue;
        if (earlier.state === 'XML cu erori nepreluat de sistem') continue;
        const facts = earlier.facts;
        if (
          facts !== null &&
          facts.sellerCif === sellerCif &&
          facts.number === number &&
          facts.issueDate === issueDate
        ) {
          return {
            index: earlier.index,
            uploadedAt: new Date(earlier.uploadedAt),
          };
        }
      }
      return null;
    },
  };
}

function finishUpload(sandbox: Sandbox, upload: UploadRecord): void {
  if (upload.rasp !== null) {
    finishBuyerMessage(sandbox, upload);
  } else {
    finishInvoice(sandbox, upload);
  }
  sandbox.store.changed();
  sandbox.logger.info('upload processed', {
    cif: upload.cif,
    index: upload.index,
    state: upload.state,
  });
}

function finishInvoice(sandbox: Sandbox, upload: UploadRecord): void {
  const facts = upload.facts;
  const body = sandbox.store.uploadBody(upload.index);
  if (facts === null || body === null) {
    throw new Error(`Upload ${upload.index} has no document to process`);
  }
  const errors = applyRules(body, facts, ruleContext(sandbox, upload));
  if (errors.length > 0) {
    failUpload(sandbox, upload, facts.sellerCif ?? upload.cif, errors);
    return;
  }
  upload.state = 'ok';
  upload.downloadId = addInvoiceMessages(sandbox, upload);
}

/** Marks an upload `nok` with its error document and an `ERORI FACTURA` message. */
function failUpload(
  sandbox: Sandbox,
  upload: UploadRecord,
  cifEmitent: string,
  errors: string[],
): void {
  upload.state = 'nok';
  upload.errors = errors;
  sandbox.store.putDocument(
    upload.index,
    buildErrorDocument(upload.index, cifEmitent, errors),
  );
  const selfBilled = upload.autofactura ? ' tip declarat=AUTOFACTURA' : '';
  upload.downloadId = addMessage(sandbox, upload, {
    cif: upload.cif,
    tip: MESSAGE_TYPES.errors,
    detalii: `Erori de validare identificate la factura primita cu id_incarcare=${upload.index}${selfBilled}`,
  });
}

interface NewMessage {
  cif: string;
  tip: string;
  detalii: string;
}

function addMessage(
  sandbox: Sandbox,
  upload: UploadRecord,
  message: NewMessage,
): string {
  const record: MessageRecord = {
    id: sandbox.store.newDownloadId(),
    uploadIndex: upload.index,
    createdAt: upload.readyAt,
    visibleAt: upload.readyAt + sandbox.settings.listLagMs,
    ...message,
  };
  sandbox.store.addMessage(record);
  return record.id;
}

/**
 * Adds the messages of an accepted invoice and returns the uploader's
 * message id. The seller gets it as sent, and a Romanian buyer in the
 * registry gets it as received. A self-billed invoice is sent by the buyer in the
 * seller's name, so the roles swap.
 */
export function addInvoiceMessages(
  sandbox: Sandbox,
  upload: UploadRecord,
): string {
  const facts = upload.facts;
  if (facts === null)
    throw new Error(`Upload ${upload.index} has no invoice facts`);
  const seller = facts.sellerCif ?? upload.cif;
  const buyer = facts.buyerCif;

  if (upload.autofactura) {
    const detalii = `Factura cu id_incarcare=${upload.index} transmisa de cif=${upload.cif} ca autofactura in numele cif=${seller}`;
    const sentId = addMessage(sandbox, upload, {
      cif: upload.cif,
      tip: MESSAGE_TYPES.sent,
      detalii,
    });
    if (sandbox.registry.has(seller)) {
      addMessage(sandbox, upload, {
        cif: seller,
        tip: MESSAGE_TYPES.received,
        detalii,
      });
    }
    return sentId;
  }

  const detalii = `Factura cu id_incarcare=${upload.index} emisa de cif_emitent=${seller} pentru cif_beneficiar=${buyer ?? ''}`;
  const sentId = addMessage(sandbox, upload, {
    cif: seller,
    tip: MESSAGE_TYPES.sent,
    detalii,
  });
  const buyerIsRomanian =
    facts.buyerCountry === null || facts.buyerCountry === 'RO';
  if (
    !upload.extern &&
    buyer !== null &&
    buyerIsRomanian &&
    sandbox.registry.has(buyer)
  ) {
    addMessage(sandbox, upload, {
      cif: buyer,
      tip: MESSAGE_TYPES.received,
      detalii,
    });
  }
  return sentId;
}

/**
 * Delivers a buyer's message to the other party of an accepted invoice that
 * the sender is a party to. Any other message ends `nok`.
 */
function finishBuyerMessage(sandbox: Sandbox, upload: UploadRecord): void {
  const rasp = upload.rasp;
  if (rasp === null) return;
  const invoice = sandbox.store.upload(rasp.referencedIndex);
  const facts = invoice?.state === 'ok' ? invoice.facts : null;
  const parties = facts ? [facts.sellerCif, facts.buyerCif] : [];
  if (facts === null || !parties.includes(upload.cif)) {
    // NOTE: ANAF's wording for a RASP about an unknown invoice is not
    // documented; this follows its stareMesaj message for an unknown index.
    failUpload(sandbox, upload, upload.cif, [
      `Nu exista factura cu id_incarcare= ${rasp.referencedIndex}`,
    ]);
    return;
  }

  const other =
    facts.sellerCif === upload.cif ? facts.buyerCif : facts.sellerCif;
  const detalii = `Mesaj cumparator cu id_incarcare=${upload.index} pentru factura cu id_incarcare=${rasp.referencedIndex}`;
  upload.state = 'ok';
  upload.downloadId = addMessage(sandbox, upload, {
    cif: upload.cif,
    tip: MESSAGE_TYPES.buyerMessageSent,
    detalii,
  });
  if (other !== null && sandbox.registry.has(other)) {
    addMessage(sandbox, upload, {
      cif: other,
      tip: MESSAGE_TYPES.buyerMessageReceived,
      detalii,
    });
  }
}
