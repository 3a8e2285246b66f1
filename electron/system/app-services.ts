/**
 * The services behind the route table, built the same way by every host (Electron main, the browser
 * harness, tests): rules with their backups, owners and the doctor, watched ports with their
 * config file, the change journal, and the audit and app logs, all under one data folder.
 */
import path from 'node:path';
import { createAppLogs } from './audit/app-logs';
import { createFileJournal } from './journal';
import { createPortsService } from './owners';
import type { ResolveNames } from './owners/reverse-lookup';
import { createFileBackupStore, createRuleService, type TcpProbe } from './portproxy';
import { createFileRuleBookStore, createRuleBook, recordingJournal } from './portproxy/rule-book';
import { createWatchConfigStore, createWatchService } from './watch';
import { createDockerService, createPipeTransport, type DockerTransport } from './docker';
import { createInteractiveWslConfig, createWslService, createWslTargetStore, type WslConfigSource } from './wsl';

/** Reads of Windows that are not commands; the simulator answers them from its machine. */
export interface HostReads {
  /** The interactive user's .wslconfig. */
  readonly wslConfig: WslConfigSource;
  /** Docker Desktop's engine pipe (GET /containers/json only). */
  readonly docker: DockerTransport;
  /** Reverse DNS for the owners table; absent: Node's resolver. */
  readonly resolveNames?: ResolveNames;
}

export const createAppServices = (options: { dataDir: string; probe: TcpProbe; host?: HostReads }) => {
  const ports = createPortsService(options.host?.resolveNames ? { resolveNames: options.host.resolveNames } : {});
  // The write-ahead journal of multi-step changes (journal\<id>.json), shared by every service that changes Windows.
  const plainJournal = createFileJournal(path.join(options.dataDir, 'journal'));
  // rule-book.json: names, groups, disabled rules and the rules Portwarden knows (drift). Every service
  // but the rule service (which records its own) gets the journal that records verified changes in it.
  const ruleBook = createRuleBook(createFileRuleBookStore(path.join(options.dataDir, 'rule-book.json')));
  const journal = recordingJournal(plainJournal, ruleBook);
  // logs\audit.log and logs\main.log; spread into createAppCore as `audit` and `appLog`.
  const logs = createAppLogs(options.dataDir);
  return {
    audit: logs.audit,
    appLog: logs.app,
    journal,
    rules: createRuleService({
      backups: createFileBackupStore(path.join(options.dataDir, 'backups')),
      probe: options.probe,
      journal: plainJournal,
      book: ruleBook,
    }),
    ports,
    // wsl-targets.json: which rule follows which distro, next to the other admin-only files.
    wsl: createWslService({
      store: createWslTargetStore(path.join(options.dataDir, 'wsl-targets.json')),
      config: options.host?.wslConfig ?? createInteractiveWslConfig(),
      journal,
    }),
    docker: createDockerService(options.host?.docker ?? createPipeTransport()),
    watch: createWatchService({
      ports,
      store: createWatchConfigStore(path.join(options.dataDir, 'watched-ports.json')),
    }),
  };
};
