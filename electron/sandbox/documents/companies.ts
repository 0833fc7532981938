// The sandbox's registry of invented companies: realistic Romanian names and
// addresses, valid CIF check digits and IBAN check digits. Names use both the
// comma-below letters (ș ț) and the cedilla forms (ş ţ) that older software
// still writes.
import { completeCif } from './cif.ts';
import { createRandom, pick, randomInt } from './random.ts';
import type { Company } from './types.ts';

interface Place {
  city: string;
  county: string;
  /** The first three digits of the town's postal codes. */
  postalPrefix: string;
  /** The county's number in trade register identifiers (J12/...). */
  registerCounty: string;
}

const PLACES: readonly Place[] = [
  {
    city: 'Cluj-Napoca',
    county: 'RO-CJ',
    postalPrefix: '400',
    registerCounty: '12',
  },
  { city: 'Iași', county: 'RO-IS', postalPrefix: '700', registerCounty: '22' },
  {
    city: 'Timișoara',
    county: 'RO-TM',
    postalPrefix: '300',
    registerCounty: '35',
  },
  {
    city: 'Brașov',
    county: 'RO-BV',
    postalPrefix: '500',
    registerCounty: '08',
  },
  {
    city: 'Constanța',
    county: 'RO-CT',
    postalPrefix: '900',
    registerCounty: '13',
  },
  {
    city: 'Craiova',
    county: 'RO-DJ',
    postalPrefix: '200',
    registerCounty: '16',
  },
  { city: 'Sibiu', county: 'RO-SB', postalPrefix: '550', registerCounty: '32' },
  {
    city: 'Oradea',
    county: 'RO-BH',
    postalPrefix: '410',
    registerCounty: '05',
  },
  {
    city: 'Suceava',
    county: 'RO-SV',
    postalPrefix: '720',
    registerCounty: '33',
  },
  {
    city: 'Târgu Mureş',
    county: 'RO-MS',
    postalPrefix: '540',
    registerCounty: '26',
  },
  {
    city: 'Pitești',
    county: 'RO-AG',
    postalPrefix: '110',
    registerCounty: '03',
  },
  {
    city: 'Galaţi',
    county: 'RO-GL',
    postalPrefix: '800',
    registerCounty: '17',
  },
  {
    city: 'Ploiești',
    county: 'RO-PH',
    postalPrefix: '100',
    registerCounty: '29',
  },
  {
    city: 'Alba Iulia',
    county: 'RO-AB',
    postalPrefix: '510',
    registerCounty: '01',
  },
  { city: 'Bacău', county: 'RO-BC', postalPrefix: '600', registerCounty: '04' },
];

const STREETS: readonly string[] = [
  'Str. Mihai Eminescu',
  'Bd. Ștefan cel Mare',
  'Calea Victoriei',
  'Str. Avram Iancu',
  'Str. Gheorghe Şincai',
  'Aleea Trandafirilor',
  'Str. Republicii',
  'Bd. Independenţei',
  'Str. Primăverii',
  'Str. Fabricii',
  'Str. Nicolae Bălcescu',
  'Șoseaua Industriilor',
];

const NAME_STEMS: readonly string[] = [
  'Carpatica',
  'Moara Veche',
  'Tehnoserv',
  'Agroferma',
  'Logistica',
  'Mureș',
  'Bucovina',
  'Dacia',
  'Olt',
  'Casa Verde',
  'Transilvania',
  'Delta',
  'Câmpia',
  'Izvorul',
];

const NAME_ACTIVITIES: readonly string[] = [
  'Distribuție',
  'Panificaţie',
  'Construcții',
  'Consultanță Fiscală',
  'Soluţii Software',
  'Prelucrarea Lemnului',
  'Transporturi',
  'Grădinărit',
  'Piese Auto',
  'Instalaţii',
  'Comerț',
];

const LEGAL_FORMS: readonly string[] = ['SRL', 'SRL', 'SRL', 'SA'];

/** Bank codes as they appear in Romanian IBANs (positions 5-8). */
const BANK_CODES: readonly string[] = [
  'BTRL',
  'RNCB',
  'BRDE',
  'INGB',
  'RZBR',
  'CECE',
];

const BUCHAREST_SHARE = 0.25;

/** Computes the two IBAN check digits for a Romanian account (ISO 13616, mod 97). */
export function ibanCheckDigits(bban: string): string {
  const rearranged = `${bban}RO00`;
  let remainder = 0;
  for (const character of rearranged) {
    const value = /[A-Z]/.test(character)
      ? String(character.charCodeAt(0) - 55)
      : character;
    for (const digit of value)
      remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return String(98 - remainder).padStart(2, '0');
}

function makeIban(random: () => number): string {
  const account = Array.from({ length: 16 }, () =>
    String(randomInt(random, 0, 9)),
  ).join('');
  const bban = `${pick(random, BANK_CODES)}${account}`;
  return `RO${ibanCheckDigits(bban)}${bban}`;
}

function makeAddress(random: () => number): Pick<
  Company,
  'street' | 'city' | 'countySubentity' | 'postalCode'
> & {
  registerCounty: string;
} {
  const street = `${pick(random, STREETS)} nr. ${randomInt(random, 1, 180)}`;
  if (random() < BUCHAREST_SHARE) {
    // Bucharest addresses name the sector as the city (CIUS-RO BR-RO-100),
    // and the postal code is 0 followed by the sector number and four digits.
    const sector = randomInt(random, 1, 6);
    return {
      street,
      city: `SECTOR${sector}`,
      countySubentity: 'RO-B',
      postalCode: `0${sector}${String(randomInt(random, 0, 9999)).padStart(4, '0')}`,
      registerCounty: '40',
    };
  }
  const place = pick(random, PLACES);
  return {
    street,
    city: place.city,
    countySubentity: place.county,
    postalCode: `${place.postalPrefix}${String(randomInt(random, 0, 999)).padStart(3, '0')}`,
    registerCounty: place.registerCounty,
  };
}

/**
 * Invents realistic details for a CIF. Without `rng` the details derive from
 * the CIF alone, so the same CIF always gets the same company.
 */
export function makeCompany(cif: string, rng?: () => number): Company {
  const random = rng ?? createRandom(`company:${cif}`);
  const name = `${pick(random, NAME_STEMS)} ${pick(random, NAME_ACTIVITIES)} ${pick(random, LEGAL_FORMS)}`;
  const { registerCounty, ...address } = makeAddress(random);
  const registrationNumber = `J${registerCounty}/${randomInt(random, 100, 9999)}/${randomInt(random, 1995, 2023)}`;
  return { cif, name, registrationNumber, ...address, iban: makeIban(random) };
}

/** Fixed names for the seeded companies, so that lists and tests read the same every run. */
const SEEDED: ReadonlyArray<{ cifBody: string; name: string }> = [
  { cifBody: '1865432', name: 'Carpatica Distribuție SRL' },
  { cifBody: '2401937', name: 'Moara Veche Panificaţie SRL' },
  { cifBody: '3190284', name: 'Mureș Construct SA' },
  { cifBody: '1579026', name: 'Transilvania Consultanță Fiscală SRL' },
  { cifBody: '4312758', name: 'Delta Pescăruş SRL' },
  { cifBody: '2785401', name: 'Bucovina Lemn Prelucrat SRL' },
  { cifBody: '3648125', name: 'Dacia Soluţii Software SRL' },
  { cifBody: '1904567', name: 'Câmpia Bărăganului Agro SA' },
];

/** Invented companies with valid CIF check digits, present in every sandbox registry. */
export const SEEDED_COMPANIES: Company[] = SEEDED.map(({ cifBody, name }) => {
  const cif = completeCif(cifBody);
  return { ...makeCompany(cif), name };
});
