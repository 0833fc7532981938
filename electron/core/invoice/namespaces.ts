/**
 * Namespace URIs of the documents this module reads. Elements are matched by
 * URI and local name, never by prefix, because senders choose their own
 * prefixes (or none, with a default namespace).
 */
export const NS = {
  ublInvoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  ublCreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
  rsm: 'urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100',
  ram: 'urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100',
  udt: 'urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100',
  qdt: 'urn:un:unece:uncefact:data:standard:QualifiedDataType:100',
  ds: 'http://www.w3.org/2000/09/xmldsig#',
  /** ANAF's error document; "Factuta" is ANAF's own spelling. */
  anafErrors: 'mfp:anaf:dgti:efactura:mesajEroriFactuta:v1',
  /** A buyer's message about an invoice (a RASP upload). */
  buyerMessage: 'mfp:anaf:dgti:spv:reqMesaj:v1',
} as const;

/** Prefixes used in this module's element paths (`'cac:Party/cbc:Name'`). */
export const PATH_PREFIXES: Readonly<Record<string, string>> = {
  cac: NS.cac,
  cbc: NS.cbc,
  rsm: NS.rsm,
  ram: NS.ram,
  udt: NS.udt,
  qdt: NS.qdt,
  ds: NS.ds,
};
