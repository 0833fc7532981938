/**
 * A process that syncs one company into a data folder and prints its
 * progress as one JSON line per report, so that the kill test can stop it
 * with SIGKILL in the middle of its downloads.
 *
 *   node tests/integration/sync/sync-child.ts '<JSON ChildConfig>'
 *
 * The access token comes in the SYNC_CHILD_TOKEN environment variable,
 * not on the command line.
 */
import path from 'node:path';

import {
  createAnafClient,
  createTransport,
  sandboxEnvironment,
} from '../../../electron/core/anaf/index.ts';
import {
  ARCHIVE_MIGRATIONS,
  openArchive,
} from '../../../electron/core/archive/index.ts';
import { openDatabase } from '../../../electron/core/db/database.ts';
import { createLogger } from '../../../electron/core/log/logger.ts';
import { RequestQueue } from '../../../electron/core/queue/index.ts';
import { syncCompany } from '../../../electron/core/sync/index.ts';

import { fixedTokens } from './sandbox-sync.ts';

export interface ChildConfig {
  apiUrl: string;
  idpUrl: string;
  caCertPath: string;
  cif: string;
  dataDir: string;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
  const token = process.env.SYNC_CHILD_TOKEN;
  if (!token) throw new Error('SYNC_CHILD_TOKEN is missing.');

  const logger = createLogger((level, line) => {
    if (level === 'error') process.stderr.write(`${line}\n`);
  });
  const transport = createTransport(await sandboxEnvironment(config));
  const client = createAnafClient({
    transport,
    tokens: fixedTokens(token),
    logger,
  });
  const queue = new RequestQueue({ logger, rateLimit: 1000 });
  const db = openDatabase(
    path.join(config.dataDir, 'index.sqlite'),
    ARCHIVE_MIGRATIONS,
  );
  const archive = await openArchive({
    db,
    defaultRoot: path.join(config.dataDir, 'archive'),
    logger,
  });

  const outcome = await syncCompany(
    { cif: config.cif, apiPath: 'test', client },
    { archive, queue, logger },
    {
      onProgress: (progress) =>
        process.stdout.write(`${JSON.stringify(progress)}\n`),
    },
  );
  await queue.close();
  await transport.close();
  db.close();
  process.exitCode = outcome.progress.error === null ? 0 : 1;
}

await main();
