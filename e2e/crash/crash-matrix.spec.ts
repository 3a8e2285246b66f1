/**
 * Crash-safe changes, proven by killing the process (issue: "kill the harness process at every step
 * of each multi-step change"). For each multi-step change, a child process (crash-child.ts: the app
 * core, router and data folder over a simulated Windows persisted to a file) is SIGKILLed just before
 * each changing command, and just after each command that took effect. Then, from that state:
 *
 * - nothing the user had is lost: every rule / firewall rule / administered exclusion / dynamic range /
 *   rule they disabled (kept in Portwarden's rule book)
 *   the change did not mean to remove is still there, and nothing is there that neither the state
 *   before nor the target had; the backup a reset/import/restore promised exists;
 * - the next start lists exactly one unfinished change, with a fresh read and the right choices;
 * - "finish" ends exactly at the target, "roll back" exactly where the user started, WinNAT runs
 *   again if it ran before, and the journal is empty afterwards.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { CHANNELS } from '../../shared/ipc';
import type { ProxyRule, RecoveryReport, UnfinishedChange } from '../../shared/model';
import type { Result } from '../../shared/result';
import {
  PORTPROXY_TYPES,
  SIM_FAMILIES,
  type Machine,
  type ScenarioName,
} from '../../electron/system/simulated-windows';
import { buildCrashChild, createRuns, type Call, type ChildOutput, type Run } from './crash-runs';

interface CrashCase {
  readonly name: string;
  readonly scenario: ScenarioName;
  /** The journal's operation name. */
  readonly operation: string;
  /** Run (without a crash) before the change, e.g. to make a backup to restore. */
  readonly setup?: readonly Call[];
  readonly change: (setup: readonly Result<unknown>[]) => Call;
}

const call = (method: keyof typeof CHANNELS, ...args: unknown[]): Call => ({ channel: CHANNELS[method], args });

const RULE_8080 = {
  type: 'v4tov4',
  listenAddress: '0.0.0.0',
  listenPort: 8080,
  connectAddress: '172.28.241.140',
  connectPort: 80,
};
const RULE_2222 = {
  type: 'v4tov4',
  listenAddress: '0.0.0.0',
  listenPort: 2222,
  connectAddress: '172.28.241.140',
  connectPort: 22,
};
const RULE_3000 = {
  type: 'v4tov4',
  listenAddress: '0.0.0.0',
  listenPort: 3000,
  connectAddress: '172.28.241.140',
  connectPort: 3000,
};
const addWithFirewall = (rule: object) => call('addRule', { rule, firewall: true, replaceExisting: false });

const CASES: readonly CrashCase[] = [
  {
    name: 'protect a port (stop WinNAT, add, start WinNAT)',
    scenario: 'hyperv-reserved',
    operation: 'protect-ports',
    change: () => call('addExclusion', { protocol: 'tcp', ipVersion: 'ipv4', startPort: 8065, numberOfPorts: 1 }),
  },
  {
    name: 'restart WinNAT (stop, start)',
    scenario: 'hyperv-reserved',
    operation: 'restart-winnat',
    change: () => call('restartWinnat'),
  },
  {
    name: 'reset the dynamic range of two families',
    scenario: 'dynamic-1024',
    operation: 'reset-dynamic-range',
    change: () =>
      call('resetDynamicRange', {
        families: [
          { protocol: 'tcp', ipVersion: 'ipv4' },
          { protocol: 'udp', ipVersion: 'ipv4' },
        ],
      }),
  },
  {
    name: 'edit a rule to a new listen port with a firewall rule (add, delete, firewall)',
    scenario: 'forwarding',
    operation: 'edit-rule',
    change: () =>
      call('editRule', { original: RULE_8080, updated: { ...RULE_8080, listenPort: 18080 }, firewall: true }),
  },
  {
    name: 'delete two rules, one with our firewall rule',
    scenario: 'forwarding',
    operation: 'delete-rules',
    setup: [addWithFirewall(RULE_3000)],
    change: () => call('deleteRules', { rules: [RULE_3000, RULE_2222] }),
  },
  {
    name: 'disable a rule with our firewall rule (delete, firewall)',
    scenario: 'forwarding',
    operation: 'disable-rule',
    setup: [addWithFirewall(RULE_3000), call('listRules')],
    change: () => call('disableRule', { rule: RULE_3000 }),
  },
  {
    name: 'enable a disabled rule with its firewall rule (add, firewall)',
    scenario: 'forwarding',
    operation: 'enable-rule',
    setup: [addWithFirewall(RULE_3000), call('listRules'), call('disableRule', { rule: RULE_3000 }), call('listRules')],
    change: () => call('enableRule', { rule: RULE_3000 }),
  },
  {
    name: 'import (replace) three rules over five',
    scenario: 'forwarding',
    operation: 'import-rules',
    change: () =>
      call('importRules', {
        mode: 'replace',
        rules: [
          { ...RULE_8080, connectPort: 8081 },
          { ...RULE_3000, listenPort: 3001 },
          { ...RULE_3000, listenPort: 3002, connectAddress: 'devbox.lan' },
        ],
      }),
  },
  {
    name: 'reset all rules (backup first)',
    scenario: 'forwarding',
    operation: 'reset-rules',
    setup: [addWithFirewall(RULE_3000)],
    change: () => call('resetRules'),
  },
  {
    name: 'restore a backup of six rules with a firewall rule',
    scenario: 'forwarding',
    operation: 'restore-backup',
    setup: [addWithFirewall(RULE_3000), call('resetRules')],
    change: (setup) => {
      const reset = setup[1] as Result<{ backup: { id: string } }>;
      if (!reset.ok) throw new Error('setup reset failed');
      return call('restoreBackup', { id: reset.value.backup.id });
    },
  },
];

let runs: Awaited<ReturnType<typeof createRuns>>;

/**
 * What the user has, as comparable items: portproxy rules, Portwarden's firewall rules (and others'),
 * administered exclusions and dynamic ranges. WinNAT's own reservations are not the user's (they move
 * at every WinNAT start) and the service state is checked separately.
 */
const userData = (machine: Machine): Set<string> => {
  const items = new Set<string>();
  for (const type of PORTPROXY_TYPES) {
    for (const [listen, connect] of Object.entries(machine.portproxy[type]))
      items.add(`rule ${type} ${listen} -> ${connect}`);
  }
  for (const rule of machine.firewallRules) items.add(`firewall ${rule.name}`);
  for (const { ipVersion, protocol } of SIM_FAMILIES) {
    for (const range of machine.excluded[ipVersion][protocol]) {
      if (range.administered) items.add(`exclusion ${protocol}/${ipVersion} ${range.start}-${range.end}`);
    }
    const dynamic = machine.dynamic[ipVersion][protocol];
    items.add(`dynamic ${protocol}/${ipVersion} ${dynamic.start}+${dynamic.count}`);
  }
  return items;
};

/**
 * The rules the user disabled are theirs too: Windows no longer has them, Portwarden's rule book does.
 * A change records in the book when a read after it settles it, so every run ends with a rules read.
 */
const disabledRules = async (run: Run): Promise<string[]> => {
  let text: string;
  try {
    text = await readFile(path.join(run.dataDir, 'rule-book.json'), 'utf8');
  } catch {
    return [];
  }
  const book = JSON.parse(text) as { disabled: { rule: ProxyRule; firewall: boolean }[] };
  return book.disabled.map(
    ({ rule, firewall }) =>
      `disabled ${rule.type} ${rule.listenAddress}:${rule.listenPort} -> ${rule.connectAddress}:${rule.connectPort}${firewall ? ' +firewall' : ''}`,
  );
};

const userDataOf = async (run: Run): Promise<Set<string>> =>
  new Set([...userData(await runs.machineOf(run)), ...(await disabledRules(run))]);

const sorted = (items: Set<string>) => [...items].sort();
const winnatOf = (machine: Machine) => machine.services.winnat?.status;

const expectOk = <T>(result: Result<unknown> | null | undefined): T => {
  if (!result?.ok) throw new Error(`expected ok, got ${JSON.stringify(result)}`);
  return result.value as T;
};

/** Runs `tasks` two at a time (the CI machine has two cores). */
const pool = async <T>(tasks: readonly (() => Promise<T>)[], width = 2): Promise<T[]> => {
  const results: T[] = new Array<T>(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await (tasks[index] as () => Promise<T>)();
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return results;
};

// ---------------------------------------------------------------------------------------------

interface PointResult {
  readonly point: string;
  readonly progress: string;
  readonly recommended: string;
  readonly resolved: readonly string[];
}

const matrix: { name: string; points: PointResult[] }[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await buildCrashChild();
  runs = await createRuns();
});

test.afterAll(async () => {
  await runs.dispose();
  const lines = matrix.map(
    ({ name, points }) =>
      `${name}: ${points.length} kill points, all recovered (${points.map((p) => `${p.point}=${p.progress}`).join(', ')})`,
  );
  console.log(`crash-at-every-step matrix:\n${lines.join('\n')}`);
});

test.describe('crash at every step of every multi-step change', () => {
  for (const crashCase of CASES) {
    test(crashCase.name, async () => {
      test.setTimeout(600_000);
      const { scenario } = crashCase;
      // Baseline: the scenario plus the case's setup, as the user has it before the change.
      const baseline = await runs.newRun();
      const setup = crashCase.setup
        ? await runs.spawnChild(baseline, scenario, crashCase.setup)
        : await runs.spawnChild(baseline, scenario, []);
      // Setup calls are plain calls: each one answers (none is a resolveListed).
      const setupResults = (setup.output?.results ?? []).map((result) => {
        expectOk(result);
        return result as Result<unknown>;
      });
      const change = crashCase.change(setupResults);
      const before = await runs.machineOf(baseline);
      const beforeData = await userDataOf(baseline);

      // A clean run: the target, how many commands change things, and an empty journal after it.
      const clean = await runs.newRun(baseline);
      const cleanRun = await runs.spawnChild(clean, scenario, [
        change,
        call('listUnfinishedChanges'),
        call('listRules'),
      ]);
      const cleanOutput = cleanRun.output as ChildOutput;
      expect(expectOk<{ outcome: string }>(cleanOutput.results[0]).outcome).toBe('applied');
      expect(expectOk<UnfinishedChange[]>(cleanOutput.results[1])).toEqual([]);
      const targetData = await userDataOf(clean);
      expect(cleanOutput.attempts).toBeGreaterThan(1);

      const points = [
        ...Array.from({ length: cleanOutput.attempts }, (_, i) => ({ when: 'before' as const, change: i + 1 })),
        ...Array.from({ length: cleanOutput.changes }, (_, i) => ({ when: 'after' as const, change: i + 1 })),
      ];

      const results = await pool(
        points.map((point) => async (): Promise<PointResult> => {
          const label = `${point.when}:${point.change}`;
          const crashed = await runs.newRun(baseline);
          const killed = await runs.spawnChild(crashed, scenario, [change], point);
          expect(killed.killed, `${label} should have been killed`).toBe(true);

          // Nothing lost: only items of the state before or of the target, and everything both keep.
          const atCrash = await userDataOf(crashed);
          for (const item of atCrash)
            expect(beforeData.has(item) || targetData.has(item), `${label}: unexpected ${item}`).toBe(true);
          for (const item of beforeData)
            if (targetData.has(item)) expect(atCrash.has(item), `${label}: lost ${item}`).toBe(true);

          // Each way out, from its own copy of the crashed state.
          const resolved: string[] = [];
          let offered: UnfinishedChange | undefined;
          for (const action of ['finish', 'roll-back'] as const) {
            // A fresh start from its own copy of the crashed state: it lists, then the user picks.
            const attempt = await runs.newRun(crashed);
            const started = await runs.spawnChild(attempt, scenario, [
              call('listUnfinishedChanges'),
              { resolveListed: action },
              call('listUnfinishedChanges'),
              call('listRules'),
            ]);
            const [listed, resolvedReport, listedAfter] = started.output?.results ?? [];
            const unfinished = expectOk<UnfinishedChange[]>(listed);
            expect(unfinished, `${label}: one unfinished change`).toHaveLength(1);
            const entry = unfinished[0] as UnfinishedChange;
            offered = entry;
            expect(entry.operation).toBe(crashCase.operation);
            expect(entry.progress).not.toBe('unreadable');
            expect(entry.actions).toContain(entry.recommended);
            // Killed before its first change: nothing happened yet (a restart with WinNAT still running has nothing left to do).
            if (point.when === 'before' && point.change === 1) {
              expect(entry.progress).toBe(entry.intent.kind === 'winnat-restart' ? 'done' : 'not-started');
            }
            if (entry.intent.kind === 'rules' && entry.intent.backupId) {
              // Read in the crashed state itself: the attempt has been resolved by now.
              const backups = await readdir(path.join(crashed.dataDir, 'backups'));
              expect(backups, `${label}: the promised backup exists`).toContain(`${entry.intent.backupId}.json`);
            }
            if (!entry.actions.includes(action)) {
              expect(resolvedReport, `${label}: ${action} is not offered, so not run`).toBeNull();
              continue;
            }

            const report = expectOk<RecoveryReport>(resolvedReport);
            expect(report, `${label} ${action}`).toMatchObject({ outcome: 'applied', resolved: true });
            expect(expectOk<UnfinishedChange[]>(listedAfter)).toEqual([]);
            const final = await runs.machineOf(attempt);
            expect(sorted(await userDataOf(attempt)), `${label} ${action}`).toEqual(
              sorted(action === 'finish' ? targetData : beforeData),
            );
            expect(winnatOf(final), `${label} ${action}: WinNAT as before`).toBe(winnatOf(before));
            resolved.push(action);
          }
          expect(resolved.length).toBeGreaterThan(0);
          return {
            point: label,
            progress: offered?.progress ?? '?',
            recommended: offered?.recommended ?? '?',
            resolved,
          };
        }),
      );
      matrix.push({ name: crashCase.name, points: results });
      expect(results).toHaveLength(points.length);
    });
  }
});
