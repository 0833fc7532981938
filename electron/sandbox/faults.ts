// Faults that tests switch on to exercise the app's error paths. A fault
// either ends a call before the sandbox records anything, or lets the call be
// recorded (an upload indexed, a download counted) and then spoils the response.
// Specs read `endpoint:kind[=value][@count]`, for example
// `upload:reset-after-record@1` or `*:latency=250`.
import { isEndpointName, type EndpointName } from './endpoints.ts';

/** Faults applied before the handler runs: nothing is recorded. */
const BEFORE_KINDS = [
  'latency',
  'error-before',
  'firewall',
  'burst-429',
  'status-255',
] as const;

/** Faults applied after the handler has recorded the call. */
const AFTER_KINDS = [
  'reset-after-record',
  'error-after-record',
  'slow-answer',
  'reset-mid-body',
] as const;

export const FAULT_KINDS = [...BEFORE_KINDS, ...AFTER_KINDS] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];
export type BeforeFaultKind = (typeof BEFORE_KINDS)[number];
export type AfterFaultKind = (typeof AFTER_KINDS)[number];

export interface FaultSpec {
  endpoint: EndpointName | '*';
  kind: FaultKind;
  /** Milliseconds for latency and slow-answer, an HTTP status for errors. */
  value?: number;
  /** How many calls the fault still applies to; absent means every call. */
  count?: number;
}

const DEFAULT_VALUES: Partial<Record<FaultKind, number>> = {
  latency: 1000,
  'error-before': 503,
  'error-after-record': 500,
  'slow-answer': 30_000,
  'status-255': 255,
};

function isFaultKind(value: string): value is FaultKind {
  return (FAULT_KINDS as readonly string[]).includes(value);
}

function isBeforeKind(kind: FaultKind): kind is BeforeFaultKind {
  return (BEFORE_KINDS as readonly string[]).includes(kind);
}

/** Tells whether a call ended by this fault was recorded by the sandbox first. */
export function faultRecords(kind: FaultKind): boolean {
  return !isBeforeKind(kind) || kind === 'latency';
}

const SPEC_PATTERN = /^([\w*-]+):([a-z0-9-]+)(?:=(\d+))?(?:@(\d+))?$/;

/** Parses `endpoint:kind[=value][@count]`; throws with the bad part named. */
export function parseFaultSpec(text: string): FaultSpec {
  const match = SPEC_PATTERN.exec(text.trim());
  if (!match) {
    throw new Error(
      `Invalid fault "${text}": expected endpoint:kind[=value][@count]`,
    );
  }
  const [, endpoint = '', kind = '', value, count] = match;
  if (endpoint !== '*' && !isEndpointName(endpoint)) {
    throw new Error(`Invalid fault "${text}": unknown endpoint "${endpoint}"`);
  }
  if (!isFaultKind(kind)) {
    throw new Error(
      `Invalid fault "${text}": unknown kind "${kind}" (one of ${FAULT_KINDS.join(', ')})`,
    );
  }
  const spec: FaultSpec = { endpoint, kind };
  if (value !== undefined) spec.value = Number(value);
  if (count !== undefined) spec.count = Number(count);
  return checkFaultSpec(spec);
}

/** Checks a spec given as an object (from options or the admin endpoint). */
export function checkFaultSpec(spec: FaultSpec): FaultSpec {
  const isError =
    spec.kind === 'error-before' || spec.kind === 'error-after-record';
  if (isError && spec.value !== undefined) {
    if (spec.value < 500 || spec.value > 599) {
      throw new Error(
        `Invalid fault ${spec.endpoint}:${spec.kind}: status ${spec.value} is not a 5xx status`,
      );
    }
  }
  if (
    spec.count !== undefined &&
    (!Number.isInteger(spec.count) || spec.count < 1)
  ) {
    throw new Error(
      `Invalid fault ${spec.endpoint}:${spec.kind}: count must be a positive integer`,
    );
  }
  return { ...spec };
}

export function toFaultSpec(input: string | FaultSpec): FaultSpec {
  return typeof input === 'string'
    ? parseFaultSpec(input)
    : checkFaultSpec(input);
}

export function formatFaultSpec(spec: FaultSpec): string {
  const value = spec.value === undefined ? '' : `=${spec.value}`;
  const count = spec.count === undefined ? '' : `@${spec.count}`;
  return `${spec.endpoint}:${spec.kind}${value}${count}`;
}

/** Returns the fault's value, or its kind's default when the spec has none. */
export function faultValue(spec: FaultSpec): number {
  return spec.value ?? DEFAULT_VALUES[spec.kind] ?? 0;
}

export interface BeforeFaults {
  /** Latency faults that apply; the call goes on after the delay. */
  latency: FaultSpec[];
  /** The first fault that ends the call, if any. */
  terminal: FaultSpec | null;
}

/** The faults in force; counted faults are used up as they apply. */
export class FaultTable {
  private specs: FaultSpec[];

  constructor(specs: FaultSpec[] = []) {
    this.specs = specs.map((spec) => ({ ...spec }));
  }

  list(): FaultSpec[] {
    return this.specs.map((spec) => ({ ...spec }));
  }

  replace(specs: FaultSpec[]): void {
    this.specs = specs.map((spec) => ({ ...spec }));
  }

  add(spec: FaultSpec): void {
    this.specs.push({ ...spec });
  }

  clear(): void {
    this.specs = [];
  }

  /** Takes the latency faults and the first call-ending fault for a call. */
  takeBefore(endpoint: EndpointName): BeforeFaults {
    const latency: FaultSpec[] = [];
    let terminal: FaultSpec | null = null;
    for (const spec of this.matching(endpoint)) {
      if (spec.kind === 'latency') {
        latency.push({ ...spec });
        this.use(spec);
      } else if (terminal === null && isBeforeKind(spec.kind)) {
        terminal = { ...spec };
        this.use(spec);
      }
    }
    return { latency, terminal };
  }

  /** Takes the first fault that spoils the response of a recorded call. */
  takeAfter(endpoint: EndpointName): FaultSpec | null {
    for (const spec of this.matching(endpoint)) {
      if (!isBeforeKind(spec.kind)) {
        this.use(spec);
        return { ...spec };
      }
    }
    return null;
  }

  // `*` never matches the admin endpoint, which must stay usable to clear
  // the faults.
  private matching(endpoint: EndpointName): FaultSpec[] {
    return this.specs.filter(
      (spec) =>
        spec.endpoint === endpoint ||
        (spec.endpoint === '*' && endpoint !== 'admin'),
    );
  }

  private use(spec: FaultSpec): void {
    if (spec.count === undefined) return;
    spec.count -= 1;
    if (spec.count <= 0) {
      this.specs = this.specs.filter((candidate) => candidate !== spec);
    }
  }
}
