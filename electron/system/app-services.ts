/**
 * The services behind the route table, built the same way by every host (Electron main, the browser
 * harness, tests): rules with their backups, owners and the doctor, and watched ports with their
 * config file, all under one data folder.
 */
import path from 'node:path';
import { createPortsService } from './owners';
import { createFileBackupStore, createRuleService, type TcpProbe } from './portproxy';
import { createWatchConfigStore, createWatchService } from './watch';

export const createAppServices = (options: { dataDir: string; probe: TcpProbe }) => {
  const ports = createPortsService();
  return {
    rules: createRuleService({ backups: createFileBackupStore(path.join(options.dataDir, 'backups')), probe: options.probe }),
    ports,
    watch: createWatchService({ ports, store: createWatchConfigStore(path.join(options.dataDir, 'watched-ports.json')) }),
  };
};
