/**
 * Protecting a port in both IP versions is one journaled change with two adds (IPv4, then IPv6).
 * Here the process dies after the IPv4 add landed and before the IPv6 one ran (with WinNAT stopped,
 * where it has to be stopped). The next start must see the change as partly done, and both ways out
 * must end in a state a fresh read verifies: finish = protected in both versions, roll back = as the
 * user had it, WinNAT running again whenever it was running before, the journal empty.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExcludedRangeTable, Snapshot, UnfinishedChange } from '../../../shared/model';
import type { Result } from '../../../shared/result';
import { TEST_TIMEOUT_CAP_MS } from '../../../test/helpers/simulated-services';
import { createActivityLog } from '../activity-log';
import { addExclusion } from '../ranges/exclusions';
import type { CommandRunner, RunResult } from '../run/command-runner';
import { createSimulatedWindows } from '../run/choose-windows';
import { readSnapshot } from '../state-reader';
import { createFileJournal, listUnfinishedChanges, resolveUnfinishedChange } from '.';

const PORT = 8065;

const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};

/** The administered rows of each table: what a protect or its roll-back may change. */
const administered = (snapshot: Snapshot) =>
  snapshot.excluded.map((table: ExcludedRangeTable) => ({
    table: `${table.protocol}/${table.ipVersion}`,
    error: table.error ?? null,
    rows: table.ranges.filter((r) => r.administered).map((r) => `${r.start}-${r.end}`),
  }));

const withPort = (rows: ReturnType<typeof administered>, tables: readonly string[]) =>
  rows.map((row) =>
    tables.includes(row.table)
      ? { ...row, rows: [...row.rows, `${PORT}-${PORT}`].sort((a, b) => Number.parseInt(a) - Number.parseInt(b)) }
      : row,
  );

const isIpv6Add = (args: readonly string[]) =>
  args.includes('ipv6') && args.includes('excludedportrange') && args.includes('add');

/**
 * The first process: every command goes to the machine until the IPv6 add, where the process dies.
 * A dead process runs nothing more (no `finally` restarts WinNAT), so its calls never settle.
 * `died` settles when that point is reached.
 */
const dyingAtIpv6Add = (machine: CommandRunner) => {
  let dead = false;
  let die: () => void = () => undefined;
  const died = new Promise<void>((resolve) => (die = resolve));
  const runner: CommandRunner = {
    run(command, args, options) {
      if (dead || isIpv6Add(args)) {
        dead = true;
        die();
        return new Promise<RunResult>(() => undefined);
      }
      return machine.run(command, args, {
        timeoutMs: Math.min(options?.timeoutMs ?? TEST_TIMEOUT_CAP_MS, TEST_TIMEOUT_CAP_MS),
      });
    },
  };
  return { runner, died };
};

/** Runs the protect until the process dies, then returns what the next start works with. */
const crashAfterIpv4 = async (scenario: string) => {
  const windows = createSimulatedWindows({ scenario, locale: 'en', seed: 1 });
  const sim = windows.runner;
  const dir = await mkdtemp(path.join(tmpdir(), 'portwarden-protect-both-'));
  const before = await readSnapshot(createActivityLog(sim).begin('before'));
  const dying = dyingAtIpv6Add(sim);
  const change = addExclusion(
    createActivityLog(dying.runner).begin('protect-ports'),
    { protocol: 'tcp', ipVersion: 'both', startPort: PORT, numberOfPorts: 1 },
    createFileJournal(path.join(dir, 'journal')),
  );
  // Either the process dies at the IPv6 add, or the change ended before it (a refusal): that would be a bug here.
  const ended = await Promise.race([dying.died.then(() => null), change]);
  expect(ended).toBeNull();
  // The next start: a new activity log and a new journal object over the same folder.
  const op = createActivityLog(sim).begin('journal-check');
  const journal = createFileJournal(path.join(dir, 'journal'));
  return { sim, op, journal, before, deps: { journal, now: () => new Date() } };
};

describe('a two-version protect interrupted after one side landed', () => {
  it.each([
    ['hyperv-reserved', 'stopped'],
    ['winnat-absent', 'absent'],
  ] as const)('%s: the next start shows it partly done, IPv4 present and IPv6 missing', async (scenario, winnat) => {
    const { op, deps, sim, before } = await crashAfterIpv4(scenario);
    const now = await readSnapshot(op);
    expect(administered(now)).toEqual(withPort(administered(before), ['tcp/ipv4']));
    expect(sim.machine.services.winnat?.status ?? 'absent').toBe(winnat);
    const [change] = value(await listUnfinishedChanges(op, deps)) as UnfinishedChange[];
    expect(change).toMatchObject({
      operation: 'protect-ports',
      progress: 'partly-done',
      recommended: 'finish',
      actions: ['finish', 'roll-back'],
      current: { kind: 'exclusion', present: false, winnat },
      intent: {
        kind: 'exclusion',
        families: [
          { protocol: 'tcp', ipVersion: 'ipv4' },
          { protocol: 'tcp', ipVersion: 'ipv6' },
        ],
      },
    });
  });

  it.each(['hyperv-reserved', 'winnat-absent'])(
    '%s: finish adds only the missing IPv6 side and ends verified in both versions',
    async (scenario) => {
      const { op, deps, sim, before, journal } = await crashAfterIpv4(scenario);
      const [change] = value(await listUnfinishedChanges(op, deps));
      const callsBefore = sim.calls.length;
      const report = value(await resolveUnfinishedChange(op, deps, change!.id, 'finish'));
      expect(report).toMatchObject({ outcome: 'applied', resolved: true });
      const adds = sim.calls.slice(callsBefore).filter((c) => c.args.includes('add'));
      expect(adds.map((c) => c.args[1])).toEqual(['ipv6']);
      const after = await readSnapshot(op);
      expect(administered(after)).toEqual(withPort(administered(before), ['tcp/ipv4', 'tcp/ipv6']));
      expect(after.winnat).toBe(before.winnat);
      expect(await journal.list()).toEqual([]);
      expect(value(await listUnfinishedChanges(op, deps))).toEqual([]);
    },
  );

  it.each(['hyperv-reserved', 'winnat-absent'])(
    '%s: roll back deletes only the IPv4 side and ends exactly where the user started',
    async (scenario) => {
      const { op, deps, sim, before, journal } = await crashAfterIpv4(scenario);
      const [change] = value(await listUnfinishedChanges(op, deps));
      const callsBefore = sim.calls.length;
      const report = value(await resolveUnfinishedChange(op, deps, change!.id, 'roll-back'));
      expect(report).toMatchObject({ outcome: 'applied', resolved: true });
      const deletes = sim.calls.slice(callsBefore).filter((c) => c.args.includes('delete'));
      expect(deletes.map((c) => c.args[1])).toEqual(['ipv4']);
      const after = await readSnapshot(op);
      expect(administered(after)).toEqual(administered(before));
      expect(after.winnat).toBe(before.winnat);
      expect(await journal.list()).toEqual([]);
    },
  );

  it('a resolution that cannot be verified keeps the entry and claims nothing', async () => {
    const { op, deps, sim, journal } = await crashAfterIpv4('hyperv-reserved');
    const [change] = value(await listUnfinishedChanges(op, deps));
    // Every excluded-range read fails from here on: the outcome cannot be verified.
    sim.injectFault({
      match: { command: 'netsh', argsIncludes: ['show', 'excludedportrange'] },
      kind: 'fail',
      once: false,
    });
    const report = value(await resolveUnfinishedChange(op, deps, change!.id, 'finish'));
    expect(report).toMatchObject({ outcome: 'unknown', resolved: false });
    expect((await journal.list()).map((e) => e.id)).toEqual([change!.id]);
  });
});
