/**
 * The main-process log backend: electron-log's main entry writing rotated
 * files to `logs/main.log` in the data folder. Lines arrive already redacted.
 */
import log from 'electron-log/main';
import path from 'node:path';
import type { LogSink } from '../core/log/logger.ts';

const MAX_LOG_BYTES = 5 * 1024 * 1024;

export function createElectronLogSink(logsDir: string): LogSink {
  log.transports.file.resolvePathFn = () => path.join(logsDir, 'main.log');
  log.transports.file.maxSize = MAX_LOG_BYTES;
  log.transports.console.level = process.env.EFACTURA_LOG_CONSOLE ? 'debug' : false;
  return (level, line) => log[level](line);
}
