import { describe, expect, it } from 'vitest';
import type { ChangeReport, Snapshot } from '../../shared/model';
import type { Result } from '../../shared/result';
import { resetDynamicRanges } from './ranges/dynamic-range';
import { addExclusion, deleteExclusion } from './ranges/exclusions';
import { readSnapshot } from './state-reader';
import { mutations, simulatedOperation } from '../../test/helpers/simulated-services';
import { restartWinnat } from './ranges/winnat';

const tcp4 = (snapshot: Snapshot) => snapshot.excluded.find((t) => t.protocol === 'tcp' && t.ipVersion === 'ipv4')!;
const report = (result: Result<ChangeReport>): ChangeReport => {
  if (!result.ok) throw new Error(`expected a report, got ${result.error.code}: ${result.error.message}`);
  return result.value;
};
const protect8065 = { protocol: 'tcp', ipVersion: 'ipv4', startPort: 8065, numberOfPorts: 1 } as const;
const isAdministered = (snapshot: Snapshot, start: number, end: number) =>
  tcp4(snapshot).ranges.some((r) => r.administered && r.start === start && r.end === end);

describe('readSnapshot', () => {
  it.each(['en', 'ko', 'de', 'zh-CN'])('reads the hyperv-reserved machine in %s', async (locale) => {
    const { op } = simulatedOperation('hyperv-reserved', locale);
    const snapshot = await readSnapshot(op);
    expect(snapshot.excluded.map((t) => `${t.protocol}/${t.ipVersion}`)).toEqual([
      'tcp/ipv4',
      'udp/ipv4',
      'tcp/ipv6',
      'udp/ipv6',
    ]);
    expect(tcp4(snapshot).ranges).toContainEqual({ start: 8031, end: 8130, administered: false });
    expect(tcp4(snapshot).ranges).toContainEqual({ start: 50000, end: 50059, administered: true });
    expect(snapshot.excluded.every((t) => t.error === undefined)).toBe(true);
    expect(snapshot.dynamic).toContainEqual({ protocol: 'tcp', ipVersion: 'ipv4', start: 1024, count: 64511 });
    expect(snapshot.dynamic).toHaveLength(4);
    expect(snapshot.winnat).toBe('running');
  });

  it('marks one failing table without hiding the others', async () => {
    const { sim, op } = simulatedOperation('hyperv-reserved');
    sim.injectFault({ match: { command: 'netsh', argsIncludes: ['ipv6', 'protocol=udp'] }, kind: 'fail' });
    const snapshot = await readSnapshot(op);
    expect(snapshot.excluded.find((t) => t.protocol === 'udp' && t.ipVersion === 'ipv6')?.error).toMatch(/exit code 1/);
    expect(tcp4(snapshot).error).toBeUndefined();
  });

  it('reports winnat absent', async () => {
    const { op } = simulatedOperation('winnat-absent');
    expect((await readSnapshot(op)).winnat).toBe('absent');
  });
});

describe('addExclusion (protect a port)', () => {
  it('stops WinNAT, adds the exclusion, starts WinNAT, and verifies by re-reading', async () => {
    const { op, journal, commandLines } = simulatedOperation('hyperv-reserved');
    const result = report(await addExclusion(op, protect8065, journal));
    expect(result.outcome).toBe('applied');
    expect(result.steps.map((s) => [s.step, s.ok])).toEqual([
      ['stop-winnat', true],
      ['add-exclusion', true],
      ['start-winnat', true],
    ]);
    expect(isAdministered(result.snapshot, 8065, 8065)).toBe(true);
    expect(result.winnatAfter).toBe('running');
    expect(mutations(commandLines())).toEqual([
      'net stop winnat',
      'netsh interface ipv4 add excludedportrange protocol=tcp startport=8065 numberofports=1 store=persistent',
      'net start winnat',
    ]);
    // The WinNAT block that covered 8065 was freed by the stop; the diff shows it.
    expect(result.diff.freed).toContainEqual({
      protocol: 'tcp',
      ipVersion: 'ipv4',
      start: 8031,
      end: 8130,
      administered: false,
    });
    expect(result.diff.appeared).toContainEqual({
      protocol: 'tcp',
      ipVersion: 'ipv4',
      start: 8065,
      end: 8065,
      administered: true,
    });
  });

  it('does not touch WinNAT when it was stopped before', async () => {
    const { sim, op, commandLines, journal } = simulatedOperation('hyperv-reserved');
    await sim.run('net', ['stop', 'winnat']);
    const result = report(await addExclusion(op, protect8065, journal));
    expect(result.outcome).toBe('applied');
    expect(mutations(commandLines()).filter((l) => l.startsWith('net '))).toEqual(['net stop winnat']);
    expect(result.winnatAfter).toBe('stopped');
  });

  it('adds nothing when WinNAT does not stop', async () => {
    const { sim, op, commandLines, journal } = simulatedOperation('hyperv-reserved');
    sim.injectFault({ match: { command: 'net', argsIncludes: ['stop', 'winnat'] }, kind: 'fail' });
    const result = report(await addExclusion(op, protect8065, journal));
    expect(result.outcome).toBe('not-applied');
    expect(result.steps).toEqual([expect.objectContaining({ step: 'stop-winnat', ok: false })]);
    expect(mutations(commandLines())).toEqual(['net stop winnat']);
    expect(result.winnatAfter).toBe('running');
    expect(result.diff).toEqual({ freed: [], appeared: [] });
  });

  it('refuses a port in use BEFORE stopping WinNAT, naming the owner and its PID (defect e)', async () => {
    const { sim, op, journal, commandLines } = simulatedOperation('clean');
    const inUse = sim.machine.sockets.find(
      (s) => s.protocol === 'tcp' && s.state === 'LISTENING' && s.localPort > 1024,
    )!;
    const owner = sim.machine.processes.find((p) => p.pid === inUse.pid)!;
    const before = JSON.stringify(sim.machine);
    const result = await addExclusion(op, { ...protect8065, startPort: inUse.localPort }, journal);
    expect(result).toMatchObject({ ok: false, error: { code: 'refused', field: 'startPort' } });
    expect(!result.ok && result.error.message).toContain(`${owner.image} (PID ${owner.pid})`);
    expect(!result.ok && result.error.message).toMatch(/nothing was changed/);
    expect(mutations(commandLines())).toEqual([]);
    expect(JSON.stringify(sim.machine)).toBe(before);
    expect(await journal.list()).toEqual([]);
  });

  it('always starts WinNAT again when the add fails, and says not applied', async () => {
    const { sim, op, journal } = simulatedOperation('hyperv-reserved');
    sim.injectFault({ match: { command: 'netsh', argsIncludes: ['add', 'excludedportrange'] }, kind: 'fail' });
    const result = report(await addExclusion(op, protect8065, journal));
    expect(result.outcome).toBe('not-applied');
    expect(result.steps.map((s) => [s.step, s.ok])).toEqual([
      ['stop-winnat', true],
      ['add-exclusion', false],
      ['start-winnat', true],
    ]);
    expect(result.winnatAfter).toBe('running');
  });

  it('reports applied with a warning when WinNAT does not start again', async () => {
    const { sim, op, journal } = simulatedOperation('hyperv-reserved');
    sim.injectFault({ match: { command: 'net', argsIncludes: ['start', 'winnat'] }, kind: 'fail' });
    const result = report(await addExclusion(op, protect8065, journal));
    expect(result.outcome).toBe('applied');
    expect(result.steps.at(-1)).toMatchObject({ step: 'start-winnat', ok: false });
    expect(result.winnatAfter).toBe('stopped');
    expect(result.message).toMatch(/did not start again/);
  });

  it.each([
    ['applied before the hang', true, 'applied'],
    ['not applied before the hang', false, 'not-applied'],
  ] as const)('a timed-out add is judged by the re-read (%s)', async (_name, applied, outcome) => {
    const { sim, op, journal } = simulatedOperation('hyperv-reserved');
    sim.injectFault({ match: { command: 'netsh', argsIncludes: ['add'] }, kind: 'hang', applied });
    const result = report(await addExclusion(op, protect8065, journal));
    expect(result.steps.find((s) => s.step === 'add-exclusion')).toMatchObject({
      ok: false,
      detail: 'TCP/IPv4: timed out',
    });
    expect(result.outcome).toBe(outcome);
    expect(result.winnatAfter).toBe('running');
  });

  it('says unknown when the table cannot be re-read after the change', async () => {
    const { sim, op, journal } = simulatedOperation('hyperv-reserved');
    // The 2nd read of the tcp/ipv4 table is the one after the change (the 1st is before it).
    sim.injectFault({
      match: { command: 'netsh', argsIncludes: ['show', 'excludedportrange', 'protocol=tcp', 'ipv4'] },
      nth: 2,
      kind: 'hang',
    });
    const result = report(await addExclusion(op, protect8065, journal));
    expect(result.outcome).toBe('unknown');
    // The change itself went through; the next read shows it.
    expect(isAdministered(await readSnapshot(op), 8065, 8065)).toBe(true);
  });

  it('is denied without elevation and changes nothing', async () => {
    const { sim, op, journal } = simulatedOperation('not-elevated');
    const before = JSON.stringify(sim.machine);
    const result = report(await addExclusion(op, protect8065, journal));
    expect(result.outcome).toBe('not-applied');
    expect(result.steps[0]).toMatchObject({ step: 'stop-winnat', ok: false });
    expect(result.steps[0]!.detail).toMatch(/Access is denied|System error 5/);
    expect(JSON.stringify(sim.machine)).toBe(before);
  });

  it('refuses to overlap an administered exclusion without running any change', async () => {
    const { op, journal, commandLines } = simulatedOperation('hyperv-reserved');
    const result = await addExclusion(op, { ...protect8065, startPort: 50010, numberOfPorts: 100 }, journal);
    expect(result).toMatchObject({ ok: false, error: { code: 'refused', field: 'startPort' } });
    expect(mutations(commandLines())).toEqual([]);
  });
});

describe('addExclusion: both IP versions (defect b)', () => {
  const both = { ...protect8065, ipVersion: 'both' } as const;
  const has = (snapshot: Snapshot, ipVersion: 'ipv4' | 'ipv6') =>
    snapshot.excluded
      .find((t) => t.protocol === 'tcp' && t.ipVersion === ipVersion)!
      .ranges.some((r) => r.administered && r.start === 8065 && r.end === 8065);

  it('protects TCP/IPv4 and TCP/IPv6 in one journaled change, each verified by the re-read', async () => {
    const { op, journal, commandLines } = simulatedOperation('hyperv-reserved');
    const started: unknown[] = [];
    const spy = { ...journal, begin: (o: string, intent: never) => (started.push(intent), journal.begin(o, intent)) };
    const result = report(await addExclusion(op, both, spy));
    expect(result.outcome).toBe('applied');
    expect(has(result.snapshot, 'ipv4') && has(result.snapshot, 'ipv6')).toBe(true);
    expect(mutations(commandLines())).toEqual([
      'net stop winnat',
      'netsh interface ipv4 add excludedportrange protocol=tcp startport=8065 numberofports=1 store=persistent',
      'netsh interface ipv6 add excludedportrange protocol=tcp startport=8065 numberofports=1 store=persistent',
      'net start winnat',
    ]);
    expect(started).toEqual([
      expect.objectContaining({
        kind: 'exclusion',
        families: [
          { protocol: 'tcp', ipVersion: 'ipv4' },
          { protocol: 'tcp', ipVersion: 'ipv6' },
        ],
      }),
    ]);
    expect(await journal.list()).toEqual([]);
  });

  it('one side failing is not applied, and the message names the missing side', async () => {
    const { sim, op, journal } = simulatedOperation('hyperv-reserved');
    sim.injectFault({ match: { command: 'netsh', argsIncludes: ['ipv6', 'add', 'excludedportrange'] }, kind: 'fail' });
    const result = report(await addExclusion(op, both, journal));
    expect(result.outcome).toBe('not-applied');
    expect(result.message).toMatch(/missing in TCP\/IPv6/);
    expect(result.winnatAfter).toBe('running');
  });

  it('a side already protected is kept: only the other is added', async () => {
    const { sim, op, journal, commandLines } = simulatedOperation('hyperv-reserved');
    await sim.run('net', ['stop', 'winnat']);
    sim.machine.excluded.ipv4.tcp.push({ start: 8065, end: 8065, administered: true });
    await sim.run('net', ['start', 'winnat']);
    const result = report(await addExclusion(op, both, journal));
    expect(result.outcome).toBe('applied');
    expect(mutations(commandLines()).filter((l) => l.startsWith('netsh'))).toEqual([
      'netsh interface ipv6 add excludedportrange protocol=tcp startport=8065 numberofports=1 store=persistent',
    ]);
    expect(await addExclusion(op, both, journal)).toMatchObject({ ok: false, error: { code: 'refused' } });
  });

  it('without WinNAT (not installed): no stop, no start (defect f)', async () => {
    const { op, journal, commandLines } = simulatedOperation('winnat-absent');
    const result = report(await addExclusion(op, { ...both, startPort: 8100 }, journal));
    expect(result.outcome).toBe('applied');
    expect(mutations(commandLines()).filter((l) => l.startsWith('net '))).toEqual([]);
    expect(result.steps.map((s) => s.step)).toEqual(['add-exclusion', 'add-exclusion']);
  });
});

describe('deleteExclusion', () => {
  const administered = { protocol: 'tcp', ipVersion: 'ipv4', start: 50000, end: 50059 } as const;

  it('deletes an administered exclusion and verifies it is gone', async () => {
    const { op, commandLines } = simulatedOperation('hyperv-reserved');
    const result = report(await deleteExclusion(op, administered));
    expect(result.outcome).toBe('applied');
    expect(isAdministered(result.snapshot, 50000, 50059)).toBe(false);
    expect(mutations(commandLines())).toEqual([
      'netsh interface ipv4 delete excludedportrange protocol=tcp startport=50000 numberofports=60 store=persistent',
    ]);
  });

  it('refuses system reservations and says why', async () => {
    const { op, commandLines } = simulatedOperation('hyperv-reserved');
    const result = await deleteExclusion(op, { ...administered, start: 8031, end: 8130 });
    expect(result).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(!result.ok && result.error.message).toMatch(/reserved by the system/);
    expect(mutations(commandLines())).toEqual([]);
  });

  it('answers not-found for a row that is gone (changed outside the app)', async () => {
    const { op } = simulatedOperation('hyperv-reserved');
    expect(await deleteExclusion(op, { ...administered, start: 40000, end: 40009 })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('keeps the row and says not applied when netsh fails', async () => {
    const { sim, op } = simulatedOperation('hyperv-reserved');
    sim.injectFault({ match: { command: 'netsh', argsIncludes: ['delete'] }, kind: 'fail' });
    const result = report(await deleteExclusion(op, administered));
    expect(result.outcome).toBe('not-applied');
    expect(isAdministered(result.snapshot, 50000, 50059)).toBe(true);
  });
});

describe('restartWinnat', () => {
  it('shows which ranges were freed and which appeared', async () => {
    const { op, journal } = simulatedOperation('hyperv-reserved', 'en', 7);
    const result = report(await restartWinnat(op, journal));
    expect(result.outcome).toBe('applied');
    expect(result.steps.map((s) => s.step)).toEqual(['stop-winnat', 'start-winnat']);
    expect(result.diff.freed).toContainEqual({
      protocol: 'tcp',
      ipVersion: 'ipv4',
      start: 8031,
      end: 8130,
      administered: false,
    });
    expect(result.diff.appeared.length).toBeGreaterThan(0);
    expect(result.diff.appeared.every((r) => !r.administered)).toBe(true);
    // Administered exclusions survive a restart.
    expect(isAdministered(result.snapshot, 50000, 50059)).toBe(true);
  });

  it('names the failed stop step and does not start', async () => {
    const { sim, op, commandLines, journal } = simulatedOperation('hyperv-reserved');
    sim.injectFault({ match: { command: 'net', argsIncludes: ['stop', 'winnat'] }, kind: 'fail' });
    const result = report(await restartWinnat(op, journal));
    expect(result.outcome).toBe('not-applied');
    expect(result.steps).toEqual([expect.objectContaining({ step: 'stop-winnat', ok: false })]);
    expect(mutations(commandLines())).toEqual(['net stop winnat']);
    expect(result.winnatAfter).toBe('running');
  });

  it('names the failed start step and tells that WinNAT is now stopped', async () => {
    const { sim, op, journal } = simulatedOperation('hyperv-reserved');
    sim.injectFault({ match: { command: 'net', argsIncludes: ['start', 'winnat'] }, kind: 'fail' });
    const result = report(await restartWinnat(op, journal));
    expect(result.outcome).toBe('not-applied');
    expect(result.steps.map((s) => [s.step, s.ok])).toEqual([
      ['stop-winnat', true],
      ['start-winnat', false],
    ]);
    expect(result.winnatAfter).toBe('stopped');
    expect(result.message).toMatch(/did not start again/);
  });

  it('judges a timed-out start by the final read', async () => {
    const { sim, op, journal } = simulatedOperation('hyperv-reserved');
    sim.injectFault({ match: { command: 'net', argsIncludes: ['start', 'winnat'] }, kind: 'hang', applied: true });
    // sc query #3 is the check right after the start: it hangs too, so the step cannot confirm.
    sim.injectFault({ match: { command: 'sc' }, nth: 3, kind: 'hang' });
    const result = report(await restartWinnat(op, journal));
    expect(result.steps.at(-1)).toMatchObject({ step: 'start-winnat', ok: false });
    expect(result.outcome).toBe('applied');
    expect(result.winnatAfter).toBe('running');
  });

  it('says unknown when even the final read cannot tell, and the next read tells the truth', async () => {
    const { sim, op, journal } = simulatedOperation('hyperv-reserved');
    sim.injectFault({ match: { command: 'net', argsIncludes: ['start', 'winnat'] }, kind: 'hang', applied: true });
    sim.injectFault({ match: { command: 'sc' }, nth: 3, kind: 'hang', once: false });
    const result = report(await restartWinnat(op, journal));
    expect(result.outcome).toBe('unknown');
    expect(result.winnatAfter).toBe('unknown');
    sim.clearFaults();
    expect((await readSnapshot(op)).winnat).toBe('running');
  });

  it('refuses when WinNAT is not installed', async () => {
    const { op, journal, commandLines } = simulatedOperation('winnat-absent');
    expect(await restartWinnat(op, journal)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(mutations(commandLines())).toEqual([]);
  });
});

describe('resetDynamicRanges', () => {
  const all = [
    { protocol: 'tcp', ipVersion: 'ipv4' },
    { protocol: 'udp', ipVersion: 'ipv4' },
    { protocol: 'tcp', ipVersion: 'ipv6' },
    { protocol: 'udp', ipVersion: 'ipv6' },
  ] as const;

  it('sets 49152 + 16384 for the chosen families and verifies', async () => {
    const { op, journal } = simulatedOperation('hyperv-reserved');
    const result = report(await resetDynamicRanges(op, all, journal));
    expect(result.outcome).toBe('applied');
    expect(result.snapshot.dynamic.map((d) => [d.start, d.count])).toEqual(all.map(() => [49152, 16384]));
    expect(result.message).toMatch(/Restart Windows/);
  });

  it('only touches the chosen family', async () => {
    const { op, journal } = simulatedOperation('hyperv-reserved');
    const result = report(await resetDynamicRanges(op, [all[0]], journal));
    expect(result.snapshot.dynamic.find((d) => d.protocol === 'udp' && d.ipVersion === 'ipv4')?.start).toBe(1024);
  });

  it('says not applied when a set is denied', async () => {
    const { sim, op, journal } = simulatedOperation('hyperv-reserved');
    sim.injectFault({ match: { command: 'netsh', argsIncludes: ['set', 'protocol=udp'] }, kind: 'deny' });
    sim.injectFault({ match: { command: 'netsh', argsIncludes: ['set', 'udp'] }, kind: 'deny', once: false });
    const result = report(await resetDynamicRanges(op, all, journal));
    expect(result.outcome).toBe('not-applied');
    expect(result.steps.filter((s) => !s.ok).map((s) => s.step)).toEqual([
      'set-dynamic-udp-ipv4',
      'set-dynamic-udp-ipv6',
    ]);
  });
});
