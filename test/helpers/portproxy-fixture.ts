/**
 * Test fixture for the rule service: the simulated Windows (simulated-services.ts), a backup store in a
 * temp folder and a fake TcpProbe. Tests never open a socket to anything but 127.0.0.1 (and only in
 * socket-probe.test.ts); the rule service tests use the fake probe.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ProxyRule, RuleChangeReport } from '../../shared/model';
import { listenKey } from '../../shared/proxy-rules';
import type { Result } from '../../shared/result';
import type { SimRunner } from '../../electron/system/simulated-windows';
import { PORTPROXY_TYPES, splitProxyKey } from '../../electron/system/simulated-windows/state';
import { simulatedOperation } from './simulated-services';
import { createFileBackupStore } from '../../electron/system/portproxy/backup-store';
import { firewallRuleName } from '../../electron/system/portproxy/commands';
import { createRuleService } from '../../electron/system/portproxy/rule-service';
import type { BackupRule, BackupStore, TcpProbe } from '../../electron/system/portproxy/types';

/** Answers from a table: `host/port` -> answered; anything else does not answer. */
export const fakeProbe = (answers: Readonly<Record<string, boolean>> = {}): TcpProbe & { calls: string[] } => {
  const calls: string[] = [];
  return {
    calls,
    probe: async (host, port) => {
      calls.push(`${host}/${port}`);
      const answered = answers[`${host}/${port}`] ?? false;
      return { answered, ms: answered ? 3 : 2000, detail: answered ? 'connected' : 'no answer' };
    },
  };
};

/** A store whose writes fail, as a full disk or a broken ACL would. */
export const failingStore = (inner: BackupStore): BackupStore => ({
  ...inner,
  write: async () => {
    throw new Error('EACCES: permission denied');
  },
});

export const tempDir = (): string => mkdtempSync(join(tmpdir(), 'portwarden-backups-'));

export interface FixtureOptions {
  readonly locale?: string;
  /** Wraps the temp-folder store (e.g. failingStore). */
  readonly store?: (inner: BackupStore) => BackupStore;
  readonly answers?: Readonly<Record<string, boolean>>;
  readonly now?: () => Date;
}

export const ruleFixture = (scenario = 'forwarding', options: FixtureOptions = {}) => {
  const base = simulatedOperation(scenario, options.locale ?? 'en');
  const dir = tempDir();
  const store = createFileBackupStore(dir);
  const backups = options.store ? options.store(store) : store;
  const probe = fakeProbe(options.answers);
  const service = createRuleService({
    backups,
    probe,
    journal: base.journal,
    ...(options.now ? { now: options.now } : {}),
  });
  return { ...base, dir, store, backups, probe, service };
};

/** The rule set straight from the simulated registry (not through the service's own parser). */
export const machineRules = (sim: SimRunner): ProxyRule[] =>
  PORTPROXY_TYPES.flatMap((type) =>
    Object.entries(sim.machine.portproxy[type]).map(([key, value]) => {
      const [listenAddress, listenPort] = splitProxyKey(key);
      const [connectAddress, connectPort] = splitProxyKey(value);
      return { type, listenAddress, listenPort: Number(listenPort), connectAddress, connectPort: Number(connectPort) };
    }),
  );

/** Order-free comparable form of a rule set. */
export const fingerprints = (rules: readonly ProxyRule[]): string[] =>
  rules.map((r) => `${listenKey(r)}>${r.connectAddress.toLowerCase()}/${r.connectPort}`).sort();

export const firewallNames = (sim: SimRunner): string[] => sim.machine.firewallRules.map((r) => r.name).sort();
export const hasOurFirewall = (sim: SimRunner, port: number): boolean =>
  firewallNames(sim).includes(firewallRuleName(port));

/** Every command that changes something: netsh add/set/delete/reset, net start/stop. */
export const mutatingLines = (lines: readonly string[]): string[] =>
  lines.filter((l) => /^netsh .* (add|set|delete|reset)( |$)/.test(l) || /^net (start|stop) /.test(l));

export const reportOf = (result: Result<RuleChangeReport>): RuleChangeReport => {
  if (!result.ok) throw new Error(`expected a report, got ${result.error.code}: ${result.error.message}`);
  return result.value;
};

export const backupRulesFor = (rules: readonly ProxyRule[], firewallPorts: readonly number[] = []): BackupRule[] =>
  rules.map((r) => ({ ...r, firewall: firewallPorts.includes(r.listenPort) }));
