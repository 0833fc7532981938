// Starts the sandbox as a process, as `efactura sandbox` does, and checks the
// one JSON line it prints and its clean stop on SIGTERM and SIGINT.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { repoRoot, type TokenPair } from './harness.ts';

const MAIN = join(repoRoot, 'electron/sandbox/main.ts');

interface Started {
  child: ChildProcess;
  info: Record<string, unknown> & {
    apiUrl: string;
    adminUrl: string;
    adminKey: string;
    caCertPath: string;
    certificates: {
      certPath: string;
      keyPath: string;
      pfxPath: string;
      passphrase: string;
      subject: string;
      cifs: string[];
    }[];
  };
  stdoutLines: () => string[];
}

const folders: string[] = [];
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0))
    if (child.exitCode === null) child.kill('SIGKILL');
  for (const folder of folders.splice(0))
    rmSync(folder, { recursive: true, force: true });
});

function startProcess(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, [MAIN, ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) =>
      reject(new Error(`sandbox exited with ${code}: ${stderr}`)),
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      resolve({
        child,
        info: JSON.parse(stdout.slice(0, newline)) as Started['info'],
        stdoutLines: () => stdout.split('\n').filter((line) => line !== ''),
      });
    });
  });
}

function exitCode(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('efactura sandbox command', () => {
  it('prints one JSON line and stops on SIGTERM', async () => {
    const stateDir = mkdtempSync(join(tmpdir(), 'sandbox-cli-'));
    folders.push(stateDir);
    const started = await startProcess([
      '--port',
      '0',
      '--state-dir',
      stateDir,
      '--rate-limit',
      '1000',
      '--seed-messages',
      '4',
      '--redirect-uri',
      'https://localhost:9777/cb',
      '--fault',
      'validare:latency=5',
    ]);
    const { info } = started;
    for (const key of [
      'idpUrl',
      'apiUrl',
      'publicUrl',
      'adminUrl',
      'adminKey',
      'caCertPath',
      'clientId',
      'clientSecret',
      'redirectUri',
    ]) {
      expect(typeof info[key]).toBe('string');
    }
    expect(info.redirectUri).toBe('https://localhost:9777/cb');
    expect(info.caCertPath.startsWith(stateDir)).toBe(true);
    expect(info.certificates.length).toBe(3);
    expect(
      info.certificates.some((certificate) => certificate.cifs.length === 0),
    ).toBe(true);
    for (const certificate of info.certificates) {
      expect(readFileSync(certificate.certPath, 'utf8')).toContain(
        'BEGIN CERTIFICATE',
      );
      expect(readFileSync(certificate.keyPath, 'utf8')).toContain(
        'PRIVATE KEY',
      );
      expect(certificate.subject).toMatch(/^CN=/);
    }

    // The admin endpoint is reachable with the CA named in the line.
    const agent = new Agent({
      connect: { ca: readFileSync(info.caCertPath, 'utf8') },
    });
    const admin = await request(`${info.adminUrl}/faults`, {
      headers: { 'x-admin-key': info.adminKey },
      dispatcher: agent,
    });
    expect(((await admin.body.json()) as { faults: string[] }).faults).toEqual([
      'validare:latency=5',
    ]);
    await agent.close();

    started.child.kill('SIGTERM');
    expect(await exitCode(started.child)).toBe(0);
    expect(started.stdoutLines().length).toBe(1);
  });

  it('stops on SIGINT', async () => {
    const started = await startProcess(['--port', '0']);
    started.child.kill('SIGINT');
    expect(await exitCode(started.child)).toBe(0);
  });

  it('rejects an invalid option', async () => {
    const child = spawn(process.execPath, [MAIN, '--rate-limit', 'many'], {
      cwd: repoRoot,
      stdio: 'pipe',
    });
    children.push(child);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    expect(await exitCode(child)).not.toBe(0);
    expect(stderr).toContain('many');
  });

  it('serves a login with the printed certificate', async () => {
    const started = await startProcess(['--port', '0']);
    const { info } = started;
    const client = info.certificates[0];
    const agent = new Agent({
      connect: {
        ca: readFileSync(info.caCertPath, 'utf8'),
        pfx: readFileSync(client?.pfxPath ?? ''),
        passphrase: client?.passphrase ?? '',
      },
    });
    const query = new URLSearchParams({
      response_type: 'code',
      client_id: String(info.clientId),
      redirect_uri: String(info.redirectUri),
      token_content_type: 'jwt',
    });
    const authorize = await request(
      `${String(info.idpUrl)}/authorize?${query}`,
      { dispatcher: agent },
    );
    await authorize.body.dump();
    const code =
      new URL(String(authorize.headers.location)).searchParams.get('code') ??
      '';
    const token = await request(`${String(info.idpUrl)}/token`, {
      method: 'POST',
      dispatcher: agent,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: String(info.redirectUri),
        client_id: String(info.clientId),
        client_secret: String(info.clientSecret),
      }).toString(),
    });
    const pair = (await token.body.json()) as TokenPair;
    expect(pair.token_type).toBe('Bearer');
    await agent.close();
    started.child.kill('SIGTERM');
    expect(await exitCode(started.child)).toBe(0);
  });
});
