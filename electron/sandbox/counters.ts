// Admin counters: responses per endpoint and status, 429s from the rate limit
// kept apart from injected ones, and a log of the faults that fired.
import type { EndpointName } from './endpoints.ts';
import type { FaultKind } from './faults.ts';

export interface EndpointCounters {
  /** Responses sent, by HTTP status, without any 429. */
  statuses: Record<string, number>;
  /** 429s sent because the per-minute limit was reached. */
  rateLimited: number;
  /** 429s sent by a `burst-429` fault. */
  injected429: number;
  /** Connections reset by a fault instead of a response. */
  resets: number;
}

export interface FaultEvent {
  at: string;
  endpoint: EndpointName;
  kind: FaultKind;
  /** Whether the sandbox recorded the call before the fault spoilt it. */
  recorded: boolean;
  uploadIndex: string | null;
}

const MAX_FAULT_EVENTS = 1000;

export class Counters {
  private endpoints = new Map<EndpointName, EndpointCounters>();
  private events: FaultEvent[] = [];

  status(endpoint: EndpointName, status: number): void {
    const counters = this.of(endpoint);
    const key = String(status);
    counters.statuses[key] = (counters.statuses[key] ?? 0) + 1;
  }

  rateLimited(endpoint: EndpointName): void {
    this.of(endpoint).rateLimited += 1;
  }

  injected429(endpoint: EndpointName): void {
    this.of(endpoint).injected429 += 1;
  }

  reset(endpoint: EndpointName): void {
    this.of(endpoint).resets += 1;
  }

  fault(event: FaultEvent): void {
    this.events.push(event);
    if (this.events.length > MAX_FAULT_EVENTS) this.events.shift();
  }

  clear(): void {
    this.endpoints = new Map();
    this.events = [];
  }

  toJSON(): {
    endpoints: Record<string, EndpointCounters>;
    faults: FaultEvent[];
  } {
    return {
      endpoints: Object.fromEntries(this.endpoints),
      faults: [...this.events],
    };
  }

  private of(endpoint: EndpointName): EndpointCounters {
    let counters = this.endpoints.get(endpoint);
    if (!counters) {
      counters = { statuses: {}, rateLimited: 0, injected429: 0, resets: 0 };
      this.endpoints.set(endpoint, counters);
    }
    return counters;
  }
}
