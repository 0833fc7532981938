/**
 * Random fault mixes for the fault suite, drawn from a seed. Every fault
 * but latency is counted (`@n`), so a run ends once the faults are used up.
 *
 * Uploads get at most one fault that ends the call before the sandbox
 * records it (a 5xx or the firewall page). The app cannot tell such an
 * upload from one that ANAF recorded, so it waits out the reconciliation
 * deadline (one minute at the shortest setting) before the user decides.
 * One such wait keeps the run near a minute, and several in a row for one
 * company would not.
 */
import type { Random } from './seeded-random.ts';

/** Endpoints the app calls to follow uploads and to sync. */
const READ_ENDPOINTS = [
  'stareMesaj',
  'listaMesajePaginatieFactura',
  'descarcare',
] as const;

function errorStatus(random: Random): number {
  return random.pick([500, 502, 503, 504]);
}

/** Draws one counted fault for a read endpoint. */
function readFault(random: Random, endpoint: string): string {
  const count = random.int(1, 4);
  switch (random.int(0, 6)) {
    case 0:
      return `${endpoint}:error-before=${errorStatus(random)}@${count}`;
    case 1:
      return `${endpoint}:firewall@${count}`;
    case 2:
      return `${endpoint}:burst-429@${random.int(1, 3)}`;
    case 3:
      return `${endpoint}:reset-after-record@${count}`;
    case 4:
      return `${endpoint}:error-after-record=${errorStatus(random)}@${count}`;
    case 5:
      return `${endpoint}:reset-mid-body@${count}`;
    default:
      return `${endpoint}:slow-answer=${random.int(300, 1500)}@${count}`;
  }
}

/**
 * Draws one counted upload fault that the app settles without the user: the
 * sandbox records the upload and then spoils the response, or refuses it
 * with a 429, which means it was not recorded.
 */
function settledUploadFault(random: Random): string {
  const count = random.int(1, 2);
  switch (random.int(0, 4)) {
    case 0:
      return `upload:reset-after-record@${count}`;
    case 1:
      return `upload:error-after-record=${errorStatus(random)}@${count}`;
    case 2:
      return `upload:reset-mid-body@${count}`;
    case 3:
      return `upload:slow-answer=${random.int(500, 2500)}@${count}`;
    default:
      return `upload:burst-429@${random.int(1, 3)}`;
  }
}

/** Returns a list of fault specs for one run, in the order the sandbox applies them. */
export function mixedFaults(random: Random): string[] {
  const faults: string[] = [];
  if (random.chance(0.7)) faults.push(`*:latency=${random.int(20, 120)}`);
  if (random.chance(0.5)) faults.push(`*:burst-429@${random.int(1, 3)}`);

  const uploadFaults = random.int(1, 3);
  for (let i = 0; i < uploadFaults; i += 1) {
    faults.push(settledUploadFault(random));
  }
  if (random.chance(0.5)) {
    const kind = random.chance(0.5)
      ? `error-before=${errorStatus(random)}`
      : 'firewall';
    faults.push(`upload:${kind}@1`);
  }

  const readFaults = random.int(3, 6);
  for (let i = 0; i < readFaults; i += 1) {
    faults.push(readFault(random, random.pick(READ_ENDPOINTS)));
  }
  if (random.chance(0.3)) faults.push('token:status-255@1');
  return faults;
}
