/**
 * Names a followed company in lists. Main stores `CIF <cif>` as the name of
 * a company added without one, so such a name is shown alone instead of
 * repeating the CIF beside it.
 */
export interface NamedCompany {
  cif: string;
  name: string;
}

/** Returns the name, or `CIF <cif>` for a company without one. */
export function companyName(company: NamedCompany): string {
  return company.name.trim() || `CIF ${company.cif}`;
}

/** Returns "name (cif)", with the CIF once when the name is only the CIF. */
export function companyLabel(company: NamedCompany): string {
  const name = companyName(company);
  return name.includes(company.cif) ? name : `${name} (${company.cif})`;
}
