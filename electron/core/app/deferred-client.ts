/**
 * An ANAF client whose calls wait for the real client to load. Accounts and
 * the sandbox's address load asynchronously, but services such as uploads
 * take a client synchronously when they plan a call.
 */
import type { AnafClient } from '../anaf/index.ts';

const METHODS = [
  'hello',
  'upload',
  'status',
  'listMessages',
  'listMessagePage',
  'download',
  'validate',
  'convertToPdf',
  'checkSignature',
  'transportUpload',
  'transportStatus',
  'transportList',
] as const satisfies ReadonlyArray<Exclude<keyof AnafClient, 'environment'>>;

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

export function deferredClient(load: () => Promise<AnafClient>): AnafClient {
  let loaded: AnafClient | null = null;
  const client: Record<string, unknown> = {};
  for (const method of METHODS) {
    client[method] = async (...args: unknown[]) => {
      loaded ??= await load();
      return (loaded[method] as AnyMethod)(...args);
    };
  }
  Object.defineProperty(client, 'environment', {
    get() {
      if (!loaded) throw new Error('The ANAF client has not made a call yet, so its environment is not known');
      return loaded.environment;
    },
  });
  return client as unknown as AnafClient;
}
