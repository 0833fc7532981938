// The sandbox's registry of companies (ANAF's taxpayer database in small)
// and the SPV rights of each certificate. R6.1 accepts an invoice only from a
// seller in the registry, so every CIF a certificate has rights on is
// registered too.
import {
  isValidCif,
  makeCompany,
  SEEDED_COMPANIES,
  type Company,
} from './documents/index.ts';
import type { CertificateRights } from './options.ts';

export class CompanyRegistry {
  private readonly companies = new Map<string, Company>();

  constructor(extraCifs: string[]) {
    for (const company of SEEDED_COMPANIES) {
      this.companies.set(company.cif, company);
    }
    for (const cif of extraCifs) {
      if (!this.companies.has(cif)) this.companies.set(cif, makeCompany(cif));
    }
  }

  has(cif: string): boolean {
    return this.companies.has(cif);
  }

  get(cif: string): Company | null {
    return this.companies.get(cif) ?? null;
  }

  list(): Company[] {
    return [...this.companies.values()];
  }
}

/** SPV rights per certificate serial. */
export class Rights {
  private readonly bySerial = new Map<string, Set<string>>();

  set(serial: string, cifs: string[]): void {
    this.bySerial.set(serial, new Set(cifs));
  }

  cifs(serial: string): string[] {
    return [...(this.bySerial.get(serial) ?? [])];
  }

  has(serial: string, cif: string): boolean {
    return this.bySerial.get(serial)?.has(cif) ?? false;
  }

  hasAny(serial: string): boolean {
    return (this.bySerial.get(serial)?.size ?? 0) > 0;
  }
}

/** Rejects rights that ANAF could never grant: malformed CIFs, duplicate names. */
export function checkCertificateRights(
  certificates: CertificateRights[],
): void {
  const names = new Set<string>();
  for (const certificate of certificates) {
    if (names.has(certificate.name)) {
      throw new Error(`Certificate "${certificate.name}" is configured twice`);
    }
    names.add(certificate.name);
    for (const cif of certificate.cifs) {
      if (!/^\d{2,10}$/.test(cif) || !isValidCif(cif)) {
        throw new Error(
          `Invalid CIF ${cif} for certificate "${certificate.name}": the check digit does not match`,
        );
      }
    }
  }
}
