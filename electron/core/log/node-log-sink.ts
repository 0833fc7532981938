/**
 * The log backend outside Electron (browser shell, CLI): electron-log's Node
 * entry writing rotated files to the data folder's `logs/` folder.
 */
import log from 'electron-log/node';
import path from 'node:path';
import type { LogSink } from './logger.ts';

const MAX_LOG_BYTES = 5 * 1024 * 1024;

export function createNodeLogSink(logsDir: string, fileName: string, consoleLevel: false | 'info' | 'debug' = false): LogSink {
  const logger = log.create({ logId: fileName });
  logger.transports.file.resolvePathFn = () => path.join(logsDir, fileName);
  logger.transports.file.maxSize = MAX_LOG_BYTES;
  logger.transports.console.level = consoleLevel;
  return (level, line) => logger[level](line);
}
