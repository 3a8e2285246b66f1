/**
 * The app's two log files, both under `<dataDir>\logs` (%ProgramData%\Portwarden\logs on Windows,
 * admin-only by the installer's ACL, docs/architecture.md §5):
 *   audit.log  one JSON line per command of a change, plus one outcome line per change (audit-log.ts);
 *   main.log   main-process messages: start, renderer errors and crashes, one escaped line each.
 *
 * Written through electron-log's Node entry point: it works the same in Electron's main process, the
 * browser harness and tests (electron-log/main would require the electron module). Each file has its
 * own logger instance with only the file transport, synchronous appends (a line is on disk before the
 * next command runs) and electron-log's rotation to `<name>.old.log` at MAX_SIZE.
 */
import path from 'node:path';
import log from 'electron-log/node';
import type { AuditLog } from './audit-log';
import { createAuditLog } from './audit-log';
import { readAuditRecords } from './audit-reader';
import { escapeLogText } from './escape';

const MAX_SIZE = 5 * 1024 * 1024;

export interface AppLog {
  info(text: string): void;
  warn(text: string): void;
  error(text: string): void;
}

export interface AppLogs {
  readonly audit: AuditLog;
  readonly app: AppLog;
  readonly paths: { readonly dir: string; readonly audit: string; readonly app: string };
}

let instances = 0;

const fileLogger = (file: string, render: (text: string, level: string, date: Date) => string) => {
  // A fresh logId per instance: electron-log keeps a registry by id, and tests open several.
  const logger = log.create({ logId: `portwarden-${path.basename(file, '.log')}-${++instances}` });
  // Only the file: no console echo, no IPC or remote transport (absent in Node, off anyway).
  for (const [name, other] of Object.entries(logger.transports)) if (name !== 'file' && other) other.level = false;
  const transport = logger.transports.file;
  transport.level = 'info';
  transport.maxSize = MAX_SIZE;
  transport.sync = true;
  // Owner-only where the OS honours modes; on Windows the folder's ACL is what protects the files.
  transport.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
  transport.resolvePathFn = () => file;
  // '%s' keeps our text away from util.format's placeholders (a message containing %d or %%).
  transport.format = ({ data, level, message }) => ['%s', render(String(data[0]), level, message.date)];
  return logger;
};

export const createAppLogs = (dataDir: string): AppLogs => {
  const dir = path.join(dataDir, 'logs');
  const paths = { dir, audit: path.join(dir, 'audit.log'), app: path.join(dir, 'main.log') };
  // Read before this run writes anything: these are the earlier runs.
  const earlier = readAuditRecords([path.join(dir, 'audit.old.log'), paths.audit]);
  // The audit line is already one escaped JSON line (audit-log.ts); the guard only proves it.
  const auditLogger = fileLogger(paths.audit, (text) => text.replace(/[\r\n]/g, ''));
  const appLogger = fileLogger(
    paths.app,
    (text, level, date) => `${date.toISOString()} [${level}] ${escapeLogText(text)}`,
  );
  return {
    audit: createAuditLog({ write: (line) => auditLogger.info(line), earlier }),
    app: {
      info: (text) => appLogger.info(text),
      warn: (text) => appLogger.warn(text),
      error: (text) => appLogger.error(text),
    },
    paths,
  };
};
