import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JournalIntent, RecoveryReport, UnfinishedChange } from '../../../shared/model';
import type { Result } from '../../../shared/result';
import { JOURNAL_ID_PATTERN } from '../../../shared/validate';
import { addExclusion } from '../ranges/exclusions';
import { machineRules, ruleFixture } from '../../../test/helpers/portproxy-fixture';
import { simulatedOperation } from '../../../test/helpers/simulated-services';
import { createFileJournal, createMemoryJournal, journaled, listUnfinishedChanges, resolveUnfinishedChange } from '.';

const PROTECT_8065: JournalIntent = {
  kind: 'exclusion',
  family: { protocol: 'tcp', ipVersion: 'ipv4' },
  start: 8065,
  end: 8065,
  winnatWasRunning: true,
};
const RULE = {
  type: 'v4tov4',
  listenAddress: '0.0.0.0',
  listenPort: 8080,
  connectAddress: '172.28.241.140',
  connectPort: 80,
} as const;
const EDIT_TO_18080: JournalIntent = {
  kind: 'rules',
  before: [RULE],
  target: [{ ...RULE, listenPort: 18080 }],
  firewall: { before: [], want: [18080], release: [] },
};

const tempDir = () => mkdtemp(path.join(tmpdir(), 'portwarden-journal-'));
const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
};
const POSIX = process.platform !== 'win32';

describe('the file journal', () => {
  it('writes an entry before the change and removes it when completed', async () => {
    const dir = path.join(await tempDir(), 'journal');
    const journal = createFileJournal(dir, { now: () => new Date('2026-11-23T14:25:01.123Z') });
    const entry = await journal.begin('protect-ports', PROTECT_8065);
    expect(entry.id).toMatch(JOURNAL_ID_PATTERN);
    expect(entry.id.startsWith('20261123T142501123Z-')).toBe(true);
    expect(await readdir(dir)).toEqual([`${entry.id}.json`]);
    expect(await journal.list()).toEqual([entry]);
    expect(await journal.read(entry.id)).toEqual(entry);
    if (POSIX) {
      expect((await stat(dir)).mode & 0o777).toBe(0o700);
      expect((await stat(path.join(dir, `${entry.id}.json`))).mode & 0o777).toBe(0o600);
    }
    await journal.complete(entry.id);
    expect(await readdir(dir)).toEqual([]);
    expect(await journal.list()).toEqual([]);
  });

  it('lists entries oldest first; an empty or missing folder is no entries', async () => {
    const root = await tempDir();
    let time = Date.parse('2026-11-23T10:00:00.000Z');
    const journal = createFileJournal(path.join(root, 'journal'), { now: () => new Date((time += 1000)) });
    expect(await journal.list()).toEqual([]);
    const first = await journal.begin('protect-ports', PROTECT_8065);
    const second = await journal.begin('edit-rule', EDIT_TO_18080);
    expect((await journal.list()).map((e) => e.id)).toEqual([first.id, second.id]);
  });

  it('skips files that are not valid entries: tampered rules, extra fields, a renamed file, half-written temp files', async () => {
    const dir = path.join(await tempDir(), 'journal');
    const journal = createFileJournal(dir);
    const good = await journal.begin('edit-rule', EDIT_TO_18080);
    const text = await readFile(path.join(dir, `${good.id}.json`), 'utf8');
    const id = (n: number) => `20261123T1000000${n}0Z-0000000${n}`;
    // A token netsh would take as a second argument; a port out of range; an unknown key; another file's id.
    await writeFile(
      path.join(dir, `${id(1)}.json`),
      text.replaceAll(good.id, id(1)).replace('"172.28.241.140"', '"1.2.3.4 connectport=22"'),
    );
    await writeFile(
      path.join(dir, `${id(2)}.json`),
      text.replaceAll(good.id, id(2)).replace('"listenPort": 8080', '"listenPort": 0'),
    );
    await writeFile(
      path.join(dir, `${id(3)}.json`),
      text.replaceAll(good.id, id(3)).replace('"version": 1,', '"version": 1, "run": "calc.exe",'),
    );
    await writeFile(path.join(dir, `${id(4)}.json`), text);
    await writeFile(path.join(dir, `${id(5)}.tmp`), text.slice(0, 40));
    await writeFile(path.join(dir, `${id(6)}.json`), '{"version": 1, "id": ');
    expect((await journal.list()).map((e) => e.id)).toEqual([good.id]);
    for (const n of [1, 2, 3, 4, 6]) expect(await journal.read(id(n))).toBeNull();
  });

  it('never builds a path from something that is not one of its ids', async () => {
    const root = await tempDir();
    const journal = createFileJournal(path.join(root, 'journal'));
    await writeFile(path.join(root, 'outside.json'), '{}');
    for (const id of [
      '../outside',
      '..\\outside',
      '/etc/passwd',
      'C:\\Windows\\win.ini',
      '20261123T100000000Z-0000000g',
      '',
    ]) {
      expect(await journal.read(id)).toBeNull();
      await journal.complete(id);
    }
    expect(await readdir(root)).toContain('outside.json');
  });

  it('the in-memory journal refuses what the file journal would not read back', async () => {
    const journal = createMemoryJournal();
    await expect(
      journal.begin('edit-rule', { ...EDIT_TO_18080, target: [{ ...RULE, listenPort: 70000 }] }),
    ).rejects.toThrow(/Invalid journal entry/);
    await expect(journal.begin('Edit Rule', PROTECT_8065)).rejects.toThrow(/Invalid journal entry/);
    expect(journal.entries).toEqual([]);
  });
});

describe('journaled', () => {
  it('runs nothing when the entry cannot be written (write-ahead)', async () => {
    const root = await tempDir();
    await writeFile(path.join(root, 'journal'), 'a file where the folder should be');
    const { op, sim } = simulatedOperation('hyperv-reserved');
    let ran = false;
    const result = await journaled(createFileJournal(path.join(root, 'journal')), op, PROTECT_8065, async () => {
      ran = true;
      return { outcome: 'applied' as const };
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
    expect(ran).toBe(false);
    expect(sim.calls).toEqual([]);
  });

  it('keeps the entry when the outcome is unknown or the change threw, removes it when verified', async () => {
    const { op, journal } = simulatedOperation('hyperv-reserved');
    await journaled(journal, op, PROTECT_8065, async () => ({ outcome: 'applied' as const }));
    await journaled(journal, op, PROTECT_8065, async () => ({ outcome: 'not-applied' as const }));
    expect(journal.entries).toEqual([]);
    await journaled(journal, op, PROTECT_8065, async () => ({ outcome: 'unknown' as const }));
    await expect(
      journaled(journal, op, PROTECT_8065, async () => {
        throw new Error('bug in the middle of a change');
      }),
    ).rejects.toThrow('bug');
    expect(journal.entries).toHaveLength(2);
  });

  it('a real change records its intent before its first command', async () => {
    const { op, sim, journal } = simulatedOperation('hyperv-reserved');
    let seenAtFirstChange: number | null = null;
    sim.onChange(() => {
      seenAtFirstChange ??= journal.entries.length;
    });
    await addExclusion(op, { protocol: 'tcp', ipVersion: 'ipv4', startPort: 8065, numberOfPorts: 1 }, journal);
    expect(seenAtFirstChange).toBe(1);
    expect(journal.entries).toEqual([]);
  });
});

describe('recovery of an interrupted change', () => {
  const recovery = (journal: ReturnType<typeof createMemoryJournal>) => ({ journal, now: () => new Date() });
  const administered8065 = (sim: ReturnType<typeof simulatedOperation>['sim']) =>
    sim.machine.excluded.ipv4.tcp.some((r) => r.administered && r.start === 8065 && r.end === 8065);

  it('offers a half-done protect (WinNAT stopped, nothing added) with a fresh read; finish adds and starts WinNAT', async () => {
    const { op, sim, journal } = simulatedOperation('hyperv-reserved');
    await journal.begin('protect-ports', PROTECT_8065);
    await sim.run('net', ['stop', 'winnat']);
    const [change] = value(await listUnfinishedChanges(op, recovery(journal))) as UnfinishedChange[];
    expect(change).toMatchObject({
      operation: 'protect-ports',
      progress: 'partly-done',
      recommended: 'finish',
      actions: ['finish', 'roll-back'],
      current: { kind: 'exclusion', present: false, winnat: 'stopped' },
    });
    const report = value(await resolveUnfinishedChange(op, recovery(journal), change!.id, 'finish'));
    expect(report).toMatchObject({ outcome: 'applied', resolved: true });
    expect(report.steps.map((s) => s.step)).toEqual(['add-exclusion', 'start-winnat']);
    expect(administered8065(sim)).toBe(true);
    expect(sim.machine.services.winnat?.status).toBe('running');
    expect(journal.entries).toEqual([]);
  });

  it('rolling back a protect that got as far as the add deletes it and starts WinNAT again', async () => {
    const { op, sim, journal } = simulatedOperation('hyperv-reserved');
    const { id } = await journal.begin('protect-ports', PROTECT_8065);
    await sim.run('net', ['stop', 'winnat']);
    await sim.run('netsh', [
      'interface',
      'ipv4',
      'add',
      'excludedportrange',
      'protocol=tcp',
      'startport=8065',
      'numberofports=1',
      'store=persistent',
    ]);
    const report = value(await resolveUnfinishedChange(op, recovery(journal), id, 'roll-back'));
    expect(report).toMatchObject({ outcome: 'applied', resolved: true });
    expect(administered8065(sim)).toBe(false);
    expect(sim.machine.services.winnat?.status).toBe('running');
  });

  it('recommends rolling back when nothing happened yet, and a WinNAT restart can only be finished', async () => {
    const { op, journal } = simulatedOperation('hyperv-reserved');
    await journal.begin('protect-ports', PROTECT_8065);
    const restart = await journal.begin('restart-winnat', { kind: 'winnat-restart' });
    const changes = value(await listUnfinishedChanges(op, recovery(journal)));
    expect(changes.map((c) => [c.operation, c.progress, c.recommended, c.actions])).toEqual([
      ['protect-ports', 'not-started', 'roll-back', ['finish', 'roll-back']],
      ['restart-winnat', 'done', 'finish', ['finish']],
    ]);
    expect(await resolveUnfinishedChange(op, recovery(journal), restart.id, 'roll-back')).toMatchObject({
      ok: false,
      error: { code: 'refused', field: 'action' },
    });
  });

  it('an edit interrupted between add and delete: roll back removes the new rule and keeps the old one', async () => {
    const { op, sim, journal, service } = ruleFixture('forwarding');
    expect(service).toBeDefined();
    const { id } = await journal.begin('edit-rule', EDIT_TO_18080);
    await sim.run('netsh', [
      'interface',
      'portproxy',
      'add',
      'v4tov4',
      'listenaddress=0.0.0.0',
      'listenport=18080',
      'connectaddress=172.28.241.140',
      'connectport=80',
    ]);
    const [change] = value(await listUnfinishedChanges(op, recovery(journal)));
    expect(change).toMatchObject({ progress: 'partly-done', recommended: 'finish', current: { kind: 'rules' } });
    const report = value(await resolveUnfinishedChange(op, recovery(journal), id, 'roll-back'));
    expect(report).toMatchObject({ outcome: 'applied', resolved: true });
    const ports = machineRules(sim).map((r) => r.listenPort);
    expect(ports).toContain(8080);
    expect(ports).not.toContain(18080);
  });

  it.each(['finish', 'roll-back'] as const)(
    '%s keeps a rule added elsewhere after the crash (only the touched keys are planned)',
    async (action) => {
      const { op, sim, journal } = ruleFixture('forwarding');
      const { id } = await journal.begin('edit-rule', EDIT_TO_18080);
      const add = (port: number) => [
        'interface',
        'portproxy',
        'add',
        'v4tov4',
        'listenaddress=0.0.0.0',
        `listenport=${port}`,
        'connectaddress=172.28.241.140',
        'connectport=80',
      ];
      await sim.run('netsh', add(18080));
      // Someone else's rule, added by hand after Portwarden died: neither before nor target of the change.
      await sim.run('netsh', add(7000));
      const [change] = value(await listUnfinishedChanges(op, recovery(journal)));
      expect(change?.progress).toBe('partly-done');
      expect(value(await resolveUnfinishedChange(op, recovery(journal), id, action))).toMatchObject({
        outcome: 'applied',
        resolved: true,
      });
      const ports = machineRules(sim).map((r) => r.listenPort);
      expect(ports).toContain(7000);
      expect(ports).toContain(action === 'finish' ? 18080 : 8080);
      expect(ports).not.toContain(action === 'finish' ? 8080 : 18080);
    },
  );

  it('stays listed (never guessed) when Windows cannot be read, and says so', async () => {
    const { op, sim, journal } = ruleFixture('forwarding');
    const { id } = await journal.begin('edit-rule', EDIT_TO_18080);
    sim.injectFault({ match: { command: 'netsh', argsIncludes: ['portproxy', 'show'] }, kind: 'fail', once: false });
    const [change] = value(await listUnfinishedChanges(op, recovery(journal)));
    expect(change).toMatchObject({ progress: 'unreadable', current: { kind: 'rules', rules: null } });
    const report: RecoveryReport = value(await resolveUnfinishedChange(op, recovery(journal), id, 'finish'));
    expect(report).toMatchObject({ outcome: 'unknown', resolved: false });
    expect(report.message).toMatch(/could not be read/);
    expect(journal.entries).toHaveLength(1);
    expect(sim.calls.filter((c) => c.args.includes('add') || c.args.includes('delete'))).toEqual([]);
  });

  it('answers not-found for an id that is not in the journal', async () => {
    const { op, journal } = simulatedOperation('hyperv-reserved');
    expect(
      await resolveUnfinishedChange(op, recovery(journal), '20261123T100000000Z-00000000', 'finish'),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});
