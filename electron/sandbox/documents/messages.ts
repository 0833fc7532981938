// Error texts in ANAF's own form. Schematron failures read
// "E: validari globale SCHEMATRON eroare: [rule id]-text"; ANAF's registry
// check R6.1 and the duplicate check have their own wording.

export const CIUS_RO_CUSTOMIZATION_ID =
  'urn:cen.eu:en16931:2017#compliant#urn:efactura.mfinante.ro:CIUS-RO:1.0.1';

function schematron(ruleId: string, text: string): string {
  return `E: validari globale SCHEMATRON eroare: [${ruleId}]-${text}`;
}

export const MESSAGES = {
  customizationId: schematron(
    'BR-RO-001',
    `Identificatorul specificatiei (BT-24) trebuie sa fie ${CIUS_RO_CUSTOMIZATION_ID}`,
  ),
  totalWithVat: schematron(
    'BR-CO-15',
    'Invoice total amount with VAT (BT-112) = Invoice total amount without VAT (BT-109) + Invoice total VAT amount (BT-110).',
  ),
  lineTotal: schematron(
    'BR-CO-10',
    'Sum of Invoice line net amount (BT-106) = Σ Invoice line net amount (BT-131).',
  ),
  sellerCounty: schematron(
    'BR-RO-110',
    'Subdiviziunea tarii vanzatorului (BT-39) trebuie codificata ISO 3166-2:RO',
  ),
  buyerCounty: schematron(
    'BR-RO-111',
    'Subdiviziunea tarii cumparatorului (BT-54) trebuie codificata ISO 3166-2:RO',
  ),
  sellerSector: schematron(
    'BR-RO-100',
    'Localitatea vanzatorului (BT-37) din Municipiul Bucuresti (RO-B) trebuie codificata SECTOR1 - SECTOR6',
  ),
  buyerSector: schematron(
    'BR-RO-101',
    'Localitatea cumparatorului (BT-52) din Municipiul Bucuresti (RO-B) trebuie codificata SECTOR1 - SECTOR6',
  ),
} as const;

/** R6.1, with the line break ANAF puts after "validari globale". */
export function unknownSellerMessage(cif: string): string {
  return `E: validari globale\n eroare regula: R6.1: CIF-ul vanzatorului nu figureaza in baza de date:${cif}`;
}

/** Builds the duplicate message; the date is the earlier upload's day in Romania. */
export function duplicateMessage(index: string, uploadedAt: Date): string {
  return `Factura a mai fost transmisa anterior cu index=${index} si data incarcare=${bucharestDate(uploadedAt)}`;
}

/** Formats the calendar day in Europe/Bucharest as YYYY-MM-DD. */
export function bucharestDate(moment: Date): string {
  // The en-CA locale writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Bucharest',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(moment);
}
