import { randomUUID } from 'node:crypto';
import type { PickerEntry } from '../../core/auth/certificate-policy.ts';

/** Shows the app's certificate picker; resolves with an entry id or null. */
export type CertificatePicker = (
  entries: PickerEntry[],
) => Promise<string | null>;

export interface CertificatePickRequest {
  requestId: string;
  entries: PickerEntry[];
}

/**
 * Connects the login window's certificate prompt to the renderer's picker:
 * `pick` sends a request through `send` (an IPC event the foundation wires)
 * and waits until the renderer's answer arrives through `answer`.
 */
export class CertificatePickerBridge {
  readonly #send: (request: CertificatePickRequest) => void;
  readonly #pending = new Map<
    string,
    { entries: PickerEntry[]; resolve: (id: string | null) => void }
  >();

  constructor(send: (request: CertificatePickRequest) => void) {
    this.#send = send;
  }

  readonly pick: CertificatePicker = (entries) =>
    new Promise((resolve) => {
      const requestId = randomUUID();
      this.#pending.set(requestId, { entries, resolve });
      this.#send({ requestId, entries });
    });

  /**
   * Takes the renderer's choice. Returns false for an unknown request or an
   * id that was not offered, which leaves the request waiting.
   */
  answer(requestId: string, certificateId: string | null): boolean {
    const pending = this.#pending.get(requestId);
    if (!pending) return false;
    const offered = pending.entries.some((entry) => entry.id === certificateId);
    if (certificateId !== null && !offered) return false;

    this.#pending.delete(requestId);
    pending.resolve(certificateId);
    return true;
  }

  /** Resolves every open request with null, e.g. when a window closes. */
  cancelAll(): void {
    for (const [requestId, pending] of this.#pending) {
      this.#pending.delete(requestId);
      pending.resolve(null);
    }
  }
}
