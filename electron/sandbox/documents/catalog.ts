// Goods and services the seeded invoices sell, with the Romanian VAT rate
// each one carries: 21% standard and 11% reduced (the rates in force since
// 1 August 2025), 0% for exempt services. Names use both comma-below (ș ț)
// and cedilla (ş ţ) letters on purpose.
import type { VatRate } from './draft.ts';

export interface CatalogItem {
  name: string;
  unitCode: string;
  /** Unit price range in RON, whole lei. */
  minPrice: number;
  maxPrice: number;
  /** Whether quantities may have decimals (kilograms, litres). */
  fractional: boolean;
  vatRate: VatRate;
}

export const CATALOG: readonly CatalogItem[] = [
  {
    name: 'Servicii de consultanță fiscală',
    unitCode: 'HUR',
    minPrice: 150,
    maxPrice: 400,
    fractional: false,
    vatRate: 21,
  },
  {
    name: 'Mentenanţă aplicaţie software',
    unitCode: 'MON',
    minPrice: 800,
    maxPrice: 3000,
    fractional: false,
    vatRate: 21,
  },
  {
    name: 'Piese de schimb pentru mașini agricole',
    unitCode: 'H87',
    minPrice: 50,
    maxPrice: 900,
    fractional: false,
    vatRate: 21,
  },
  {
    name: 'Ţiglă ceramică roşie',
    unitCode: 'MTK',
    minPrice: 40,
    maxPrice: 90,
    fractional: true,
    vatRate: 21,
  },
  {
    name: 'Cherestea de brad uscată',
    unitCode: 'MTQ',
    minPrice: 900,
    maxPrice: 1600,
    fractional: true,
    vatRate: 21,
  },
  {
    name: 'Reparaţii instalaţii sanitare',
    unitCode: 'HUR',
    minPrice: 80,
    maxPrice: 200,
    fractional: false,
    vatRate: 21,
  },
  {
    name: 'Transport marfă pe distanțe scurte',
    unitCode: 'KMT',
    minPrice: 3,
    maxPrice: 6,
    fractional: false,
    vatRate: 21,
  },
  {
    name: 'Făină de grâu tip 650',
    unitCode: 'KGM',
    minPrice: 2,
    maxPrice: 5,
    fractional: true,
    vatRate: 11,
  },
  {
    name: 'Pâine albă feliată',
    unitCode: 'H87',
    minPrice: 3,
    maxPrice: 8,
    fractional: false,
    vatRate: 11,
  },
  {
    name: 'Ulei de floarea-soarelui',
    unitCode: 'LTR',
    minPrice: 7,
    maxPrice: 12,
    fractional: true,
    vatRate: 11,
  },
  {
    name: 'Cazare hotelieră în cameră dublă',
    unitCode: 'DAY',
    minPrice: 200,
    maxPrice: 450,
    fractional: false,
    vatRate: 11,
  },
  {
    name: 'Manuale şcolare',
    unitCode: 'H87',
    minPrice: 30,
    maxPrice: 80,
    fractional: false,
    vatRate: 11,
  },
  {
    name: 'Curs de formare profesională',
    unitCode: 'H87',
    minPrice: 500,
    maxPrice: 2500,
    fractional: false,
    vatRate: 0,
  },
  {
    name: 'Servicii de asistență medicală',
    unitCode: 'H87',
    minPrice: 100,
    maxPrice: 600,
    fractional: false,
    vatRate: 0,
  },
];

/** Invoice notes; ANAF shows BT-22 to the buyer. */
export const NOTES: readonly string[] = [
  'Vă mulțumim pentru colaborare!',
  'Plata se face în contul menționat, în termen de 30 de zile.',
  'Marfa a fost livrată conform comenzii şi a avizului de însoţire.',
  'Factura circulă fără semnătură şi ştampilă.',
];
