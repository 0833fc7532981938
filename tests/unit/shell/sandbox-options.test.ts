import { describe, expect, it } from 'vitest';
import type { SandboxInfo } from '../../../electron/sandbox/server.ts';
import {
  readSandboxTestOptions,
  sandboxLoginTrust,
} from '../../../electron/shell/sandbox-options.ts';

describe('readSandboxTestOptions', () => {
  it('keeps the defaults without variables', () => {
    expect(readSandboxTestOptions({})).toEqual({
      forceBrowserForSandbox: false,
    });
  });

  it('forces the login window path with 1', () => {
    const options = readSandboxTestOptions({
      EFACTURA_SANDBOX_VIA_BROWSER: '1',
    });
    expect(options.forceBrowserForSandbox).toBe(true);
  });

  it('ignores other values of the force option', () => {
    const options = readSandboxTestOptions({
      EFACTURA_SANDBOX_VIA_BROWSER: 'yes',
    });
    expect(options.forceBrowserForSandbox).toBe(false);
  });

  it('splits the fault list on commas', () => {
    const options = readSandboxTestOptions({
      EFACTURA_SANDBOX_FAULTS: ' authorize:firewall , token:latency=50@1,',
    });
    expect(options.sandbox?.faults).toEqual([
      'authorize:firewall',
      'token:latency=50@1',
    ]);
  });

  it('passes no sandbox options for an empty fault list', () => {
    const options = readSandboxTestOptions({ EFACTURA_SANDBOX_FAULTS: ' ' });
    expect(options.sandbox).toBeUndefined();
  });
});

describe('sandboxLoginTrust', () => {
  const info = {
    idpUrl: 'https://127.0.0.1:8443/anaf-oauth2/v1',
    caCertPath: '/data/sandbox/certificates/ca.pem',
  } as SandboxInfo;
  const running = {
    info: () => info,
    caCertificate: (from: SandboxInfo) => `PEM of ${from.caCertPath}`,
  };

  it('trusts the sandbox CA for its origin', () => {
    expect(sandboxLoginTrust('sandbox', running)).toEqual({
      trustedCa: {
        origin: 'https://127.0.0.1:8443',
        caCertPem: 'PEM of /data/sandbox/certificates/ca.pem',
      },
    });
  });

  it('adds no trust for ANAF', () => {
    expect(sandboxLoginTrust('anaf', running)).toEqual({});
  });

  it('adds no trust before the sandbox runs', () => {
    const stopped = { ...running, info: () => null };
    expect(sandboxLoginTrust('sandbox', stopped)).toEqual({});
  });
});
