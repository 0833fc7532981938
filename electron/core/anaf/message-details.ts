/**
 * Reads the free-text fields of an e-Factura list entry. ANAF sends the
 * seller and buyer CIFs only inside `detalii`, in these known wordings:
 * - "Factura cu id_incarcare=<idx> emisa de cif_emitent=<seller> pentru
 *   cif_beneficiar=<buyer>";
 * - "Factura cu id_incarcare=<idx> transmisa de cif=<buyer> ca autofactura
 *   in numele cif=<seller>" (self-billing; "autofactutra" also occurs);
 * - "Erori de validare identificate la factura primita cu
 *   id_incarcare=<idx>", with "tip declarat=AUTOFACTURA" when self-billed.
 */

export type MessageDirection =
  'sent' | 'received' | 'errors' | 'buyerMessage' | 'other';

export interface MessageDetails {
  uploadIndex: string | null;
  sellerCif: string | null;
  /** Null when absent; may be a foreign identifier, not digits only. */
  buyerCif: string | null;
  selfBilled: boolean;
}

/** Parses `detalii`; fields the text does not carry stay null. */
export function parseMessageDetails(text: string): MessageDetails {
  const details: MessageDetails = {
    uploadIndex: /id_incarcare\s*=\s*(\d+)/i.exec(text)?.[1] ?? null,
    sellerCif: null,
    buyerCif: null,
    selfBilled: false,
  };

  const issued =
    /cif_emitent\s*=\s*(\d+)\s+pentru\s+cif_beneficiar\s*=\s*([^\s,;]*)/i.exec(
      text,
    );
  if (issued) {
    details.sellerCif = issued[1] ?? null;
    details.buyerCif = issued[2] || null;
  }

  const selfBilled =
    /transmisa de cif\s*=\s*(\d+)\s+ca autofact(?:ura|utra)\s+in numele cif\s*=\s*(\d+)/i.exec(
      text,
    );
  if (selfBilled) {
    details.buyerCif = selfBilled[1] ?? null;
    details.sellerCif = selfBilled[2] ?? null;
    details.selfBilled = true;
  }

  if (/tip declarat\s*=\s*autofactura/i.test(text)) details.selfBilled = true;
  return details;
}

/**
 * Maps ANAF's `tip` to a direction. Buyer messages are matched by the
 * prefix "MESAJ CUMPARATOR" because the exact values ANAF sends
 * ("... PRIMIT", "... TRANSMIS" or both in one string) are not confirmed.
 */
export function messageDirection(tip: string): MessageDirection {
  const normalized = tip.trim().toUpperCase().replace(/\s+/g, ' ');
  if (normalized === 'FACTURA TRIMISA') return 'sent';
  if (normalized === 'FACTURA PRIMITA') return 'received';
  if (normalized === 'ERORI FACTURA') return 'errors';
  if (normalized.startsWith('MESAJ CUMPARATOR')) return 'buyerMessage';
  return 'other';
}
