// The process the crash test kills: it opens the upload stack on a data
// folder, submits a batch, and prints every upload change as a JSON line
// so that the test can pick the moment to send SIGKILL. Run with Node's
// type stripping: `node crash-child.ts`, config in UPLOAD_CRASH_CONFIG.
import { createMemoryLogger } from '../../../electron/core/log/logger.ts';
import type { UploadFileInput } from '../../../shared/domain.ts';
import { openUploadStack, type StackConfig } from './upload-stack.ts';

export interface CrashChildConfig {
  stack: StackConfig;
  cif: string;
  files: UploadFileInput[];
}

const FINAL = new Set(['accepted', 'rejected', 'failed', 'needsDecision']);

async function main(): Promise<void> {
  const text = process.env.UPLOAD_CRASH_CONFIG;
  if (!text) throw new Error('UPLOAD_CRASH_CONFIG is not set.');
  const config = JSON.parse(text) as CrashChildConfig;

  const stack = await openUploadStack(
    config.stack,
    createMemoryLogger().logger,
  );
  stack.service.onChange((record) => {
    process.stdout.write(
      `${JSON.stringify({ id: record.id, state: record.state })}\n`,
    );
  });
  stack.service.resume();
  const records = await stack.service.submit(config.cif, config.files, {
    acceptWarnings: false,
    allowDuplicate: false,
  });

  // Not killed: wait for the batch to end, then exit cleanly.
  const ids = records.map((record) => record.id);
  for (;;) {
    const done = ids.every((id) =>
      FINAL.has(stack.service.get(id)?.state ?? ''),
    );
    if (done) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await stack.close();
  process.stdout.write(`${JSON.stringify({ finished: true })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exitCode = 1;
});
