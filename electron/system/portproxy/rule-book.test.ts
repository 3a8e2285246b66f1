/**
 * Portwarden's rule book (rule-book.ts, rule-book-changes.ts) over the simulated Windows: notes that
 * follow their rule, disable/enable judged by re-reading Windows, drift with adopt and restore, a
 * crash in the middle of a disable, and a corrupt file that is reported, never overwritten.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RuleChangeReport, RulesView } from '../../../shared/model';
import { listenKey } from '../../../shared/proxy-rules';
import type { Result } from '../../../shared/result';
import { fieldIssues, ruleNoteSchema, setRuleNoteSchema } from '../../../shared/validate';
import { createActivityLog } from '../activity-log';
import { listUnfinishedChanges, resolveUnfinishedChange } from '../journal';
import type { CommandRunner } from '../run/command-runner';
import { fakeProbe, machineRules, tempDir } from '../../../test/helpers/portproxy-fixture';
import { simulatedOperation } from '../../../test/helpers/simulated-services';
import { NEW_8090, SSH_2222, WEB_8080 } from '../../../test/helpers/sample-rules';
import { createFileBackupStore } from './backup-store';
import { addFirewallRule, addPortProxy, deletePortProxy, firewallRuleName } from './commands';
import {
  createFileRuleBookStore,
  createMemoryRuleBookStore,
  createRuleBook,
  recordingJournal,
  type RuleBookStore,
} from './rule-book';
import { createRuleService } from './rule-service';

const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected a value, got ${result.error.code}: ${result.error.message}`);
  return result.value;
};

const NOTE = { name: 'Web in the VM', group: 'Lab', comment: 'Forwarded for the demo' };

const setup = (options: { store?: RuleBookStore; scenario?: string } = {}) => {
  const base = simulatedOperation(options.scenario ?? 'forwarding');
  const store = options.store ?? createMemoryRuleBookStore();
  const book = createRuleBook(store);
  const service = createRuleService({
    backups: createFileBackupStore(tempDir()),
    probe: fakeProbe(),
    journal: base.journal,
    book,
  });
  const list = async (): Promise<RulesView> => value(await service.listRules(base.op));
  return { ...base, store, book, service, list };
};

const noteOf = (view: RulesView, rule: Parameters<typeof listenKey>[0]) =>
  view.book?.notes.find((n) => n.listenKey === listenKey(rule)) ?? null;

const firewallOn = (sim: ReturnType<typeof setup>['sim'], port: number) =>
  sim.machine.firewallRules.some((r) => r.name === firewallRuleName(port));

describe('the rules Portwarden knows', () => {
  it('records every rule at the first read, so a fresh install shows no drift', async () => {
    const { list } = setup();
    const view = await list();
    expect(view.rules).toHaveLength(5);
    expect(view.book?.drift).toEqual([]);
    expect(view.book?.baselineAt).not.toBeNull();
  });

  it('shows a rule added by hand as "in Windows only" until it is adopted; a refresh never adopts it', async () => {
    const { list, sim, service, op } = setup();
    await list();
    await sim.run(addPortProxy(NEW_8090).command, addPortProxy(NEW_8090).args);
    const drift = (await list()).book?.drift;
    expect(drift).toEqual([
      { kind: 'windows-only', listenKey: listenKey(NEW_8090), windows: NEW_8090, portwarden: null },
    ]);
    expect((await list()).book?.drift).toHaveLength(1);
    const adopted = value(await service.adoptDrift(op, { windows: NEW_8090, portwarden: null }));
    expect(adopted.outcome).toBe('applied');
    expect(adopted.rules.book?.drift).toEqual([]);
    expect((await list()).book?.drift).toEqual([]);
  });

  it('shows a rule deleted by hand as "in Portwarden only"; restore puts it back, verified by a re-read', async () => {
    const { list, sim, service, op } = setup();
    await list();
    await sim.run('netsh', deletePortProxy(WEB_8080).args);
    const drift = (await list()).book?.drift ?? [];
    expect(drift).toEqual([
      { kind: 'portwarden-only', listenKey: listenKey(WEB_8080), windows: null, portwarden: WEB_8080 },
    ]);
    const report = value(await service.restoreDrift(op, drift[0]!));
    expect(report.outcome).toBe('applied');
    expect(machineRules(sim)).toContainEqual(WEB_8080);
    expect(report.rules.book?.drift).toEqual([]);
  });

  it('"different": adopt takes Windows’ target, restore puts Portwarden’s back', async () => {
    const { list, sim, service, op } = setup();
    await list();
    const moved = { ...WEB_8080, connectPort: 8000 };
    await sim.run('netsh', addPortProxy(moved).args);
    const [drift] = (await list()).book?.drift ?? [];
    expect(drift).toMatchObject({ kind: 'different', windows: moved, portwarden: WEB_8080 });
    value(await service.restoreDrift(op, drift!));
    expect(machineRules(sim)).toContainEqual(WEB_8080);
    // The same difference again, adopted this time.
    await sim.run('netsh', addPortProxy(moved).args);
    const [again] = (await list()).book?.drift ?? [];
    const adopted = value(await service.adoptDrift(op, again!));
    expect(adopted.rules.book?.drift).toEqual([]);
    expect(machineRules(sim)).toContainEqual(moved);
  });

  it('refuses adopt and restore with conflict when the difference moved since the user saw it', async () => {
    const { list, sim, service, op } = setup();
    await list();
    await sim.run('netsh', addPortProxy(NEW_8090).args);
    await list();
    await sim.run('netsh', deletePortProxy(NEW_8090).args);
    const stale = { windows: NEW_8090, portwarden: null };
    expect(await service.adoptDrift(op, stale)).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(await service.restoreDrift(op, stale)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('Portwarden’s own changes are known at once: no drift after add, edit and delete', async () => {
    const { list, service, op } = setup();
    await list();
    value(await service.addRule(op, { rule: NEW_8090, firewall: false, replaceExisting: false }));
    const edited = value(
      await service.editRule(op, { original: NEW_8090, updated: { ...NEW_8090, listenPort: 8091 }, firewall: false }),
    );
    expect(edited.rules.book?.drift).toEqual([]);
    const deleted = value(await service.deleteRules(op, [{ ...NEW_8090, listenPort: 8091 }]));
    expect(deleted.rules.book?.drift).toEqual([]);
  });
});

describe('names, groups and comments', () => {
  it('an add with a note keeps it; an edit to a new listen key moves it; a verified delete removes it', async () => {
    const { list, service, op, store } = setup();
    await list();
    const added = value(
      await service.addRule(op, { rule: NEW_8090, firewall: false, replaceExisting: false, note: NOTE }),
    );
    expect(added.outcome).toBe('applied');
    expect(noteOf(added.rules, NEW_8090)).toMatchObject(NOTE);

    const moved = { ...NEW_8090, listenPort: 8091 };
    const edited = value(await service.editRule(op, { original: NEW_8090, updated: moved, firewall: false }));
    expect(edited.outcome).toBe('applied');
    expect(noteOf(edited.rules, moved)).toMatchObject(NOTE);
    expect(noteOf(edited.rules, NEW_8090)).toBeNull();

    value(await service.deleteRules(op, [moved]));
    expect(noteOf(await list(), moved)).toBeNull();
    const stored = (store as ReturnType<typeof createMemoryRuleBookStore>).current;
    expect(stored.status === 'ok' && stored.book.notes).toEqual([]);
  });

  it('an edit that sends a note replaces it, and the note survives a change of target', async () => {
    const { list, service, op } = setup();
    await list();
    value(await service.setRuleNote(op, { rule: WEB_8080, note: NOTE }));
    const retarget = value(
      await service.editRule(op, { original: WEB_8080, updated: { ...WEB_8080, connectPort: 81 }, firewall: false }),
    );
    expect(noteOf(retarget.rules, WEB_8080)).toMatchObject(NOTE);
    const renamed = value(
      await service.editRule(op, {
        original: { ...WEB_8080, connectPort: 81 },
        updated: { ...WEB_8080, connectPort: 81 },
        firewall: false,
        note: { ...NOTE, name: 'Renamed' },
      }),
    );
    expect(noteOf(renamed.rules, WEB_8080)).toMatchObject({ name: 'Renamed', group: 'Lab' });
  });

  it('a delete that Windows ignores ("exit 0, no effect") keeps the note', async () => {
    const { list, service, op, sim } = setup();
    await list();
    value(await service.setRuleNote(op, { rule: WEB_8080, note: NOTE }));
    sim.injectFault({
      match: { command: 'netsh', argsIncludes: ['delete', 'v4tov4'] },
      kind: 'no-effect',
      once: false,
    });
    const report = value(await service.deleteRules(op, [WEB_8080]));
    expect(report.outcome).toBe('not-applied');
    expect(noteOf(report.rules, WEB_8080)).toMatchObject(NOTE);
  });

  it('refuses a note for a listen key no rule has', async () => {
    const { list, service, op } = setup();
    await list();
    expect(await service.setRuleNote(op, { rule: NEW_8090, note: NOTE })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('validation: too long and control characters are field errors with stable keys', () => {
    const issues = (note: unknown) => {
      const parsed = setRuleNoteSchema.safeParse({
        rule: { type: 'v4tov4', listenAddress: '0.0.0.0', listenPort: 8080 },
        note,
      });
      return parsed.success ? [] : fieldIssues(parsed.error);
    };
    expect(issues({ ...NOTE, name: 'x'.repeat(65) })).toEqual([{ field: 'note.name', key: 'note-name' }]);
    expect(issues({ ...NOTE, group: 'g'.repeat(41) })).toEqual([{ field: 'note.group', key: 'note-group' }]);
    expect(issues({ ...NOTE, comment: 'c'.repeat(501) })).toEqual([{ field: 'note.comment', key: 'note-comment' }]);
    expect(issues({ ...NOTE, name: 'a\nb' })).toEqual([{ field: 'note.name', key: 'note-control' }]);
    expect(issues({ ...NOTE, comment: 'evil\u202eexe.txt' })).toEqual([{ field: 'note.comment', key: 'note-control' }]);
    // Spaces around are trimmed; 64 characters (counted as the user sees them) are fine.
    expect(ruleNoteSchema.parse({ ...NOTE, name: `  ${'한'.repeat(64)}  ` }).name).toBe('한'.repeat(64));
  });
});

describe('disable and enable', () => {
  it('disable removes the rule and our firewall rule from Windows; Portwarden keeps both; enable puts them back', async () => {
    const { list, service, op, sim } = setup();
    await list();
    await sim.run('netsh', addFirewallRule(WEB_8080.listenPort).args);
    value(await service.setRuleNote(op, { rule: WEB_8080, note: NOTE }));

    const disabled = value(await service.disableRule(op, { rule: WEB_8080 }));
    expect(disabled.outcome).toBe('applied');
    expect(machineRules(sim)).not.toContainEqual(WEB_8080);
    expect(firewallOn(sim, 8080)).toBe(false);
    expect(disabled.rules.book?.disabled).toEqual([expect.objectContaining({ ...WEB_8080, firewall: true })]);
    expect(noteOf(disabled.rules, WEB_8080)).toMatchObject(NOTE);
    // Disabled is not drift: Portwarden removed it on purpose.
    expect(disabled.rules.book?.drift).toEqual([]);
    expect((await list()).book?.disabled).toHaveLength(1);

    const enabled = value(await service.enableRule(op, { rule: WEB_8080 }));
    expect(enabled.outcome).toBe('applied');
    expect(machineRules(sim)).toContainEqual(WEB_8080);
    expect(firewallOn(sim, 8080)).toBe(true);
    expect(enabled.rules.book?.disabled).toEqual([]);
    expect(enabled.rules.book?.drift).toEqual([]);
    expect(noteOf(enabled.rules, WEB_8080)).toMatchObject(NOTE);
  });

  it('a disable that Windows ignores ("exit 0, no effect") is not applied and keeps the rule enabled', async () => {
    const { list, service, op, sim } = setup();
    await list();
    sim.injectFault({
      match: { command: 'netsh', argsIncludes: ['delete', 'v4tov4'] },
      kind: 'no-effect',
      once: false,
    });
    const report = value(await service.disableRule(op, { rule: WEB_8080 }));
    expect(sim.calls.some((c) => c.fault === 'no-effect' && c.result?.exitCode === 0)).toBe(true);
    expect(report.outcome).toBe('not-applied');
    expect(report.rules.book?.disabled).toEqual([]);
    expect(machineRules(sim)).toContainEqual(WEB_8080);
  });

  it('an enable that Windows ignores stays disabled', async () => {
    const { list, service, op, sim } = setup();
    await list();
    value(await service.disableRule(op, { rule: WEB_8080 }));
    sim.injectFault({ match: { command: 'netsh', argsIncludes: ['add', 'v4tov4'] }, kind: 'no-effect', once: false });
    const report = value(await service.enableRule(op, { rule: WEB_8080 }));
    expect(report.outcome).toBe('not-applied');
    expect(report.rules.book?.disabled).toHaveLength(1);
  });

  it('enable refuses with a clear conflict when another rule took the listen key meanwhile', async () => {
    const { list, service, op, sim } = setup();
    await list();
    value(await service.disableRule(op, { rule: WEB_8080 }));
    const other = { ...WEB_8080, connectAddress: '10.0.0.5' };
    await sim.run('netsh', addPortProxy(other).args);
    const before = machineRules(sim);
    const result = await service.enableRule(op, { rule: WEB_8080 });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!result.ok)
      expect(result.error.message).toContain('is now taken by another rule: v4tov4 0.0.0.0:8080 -> 10.0.0.5:80');
    expect(machineRules(sim)).toEqual(before);
  });

  it('enable refuses a rule that is not disabled', async () => {
    const { list, service, op } = setup();
    await list();
    expect(await service.enableRule(op, { rule: SSH_2222 })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it.each(['finish', 'roll-back'] as const)(
    'a crash right after the delete of a disable leaves a journal entry; %s ends it consistently',
    async (action) => {
      const { sim, journal, book, service, list } = setup();
      await list();
      // The process "dies" as soon as the delete landed: the change never returns, its entry stays.
      const dying: CommandRunner = {
        run: async (command, args, options) => {
          const result = await sim.run(command, args, options);
          if (args.includes('delete') && args.includes('portproxy')) throw new Error('killed');
          return result;
        },
      };
      const dyingOp = createActivityLog(dying).begin('disable-rule');
      await expect(service.disableRule(dyingOp, { rule: WEB_8080 })).rejects.toThrow('killed');
      expect(journal.entries).toHaveLength(1);
      expect(machineRules(sim)).not.toContainEqual(WEB_8080);

      // The next start: recovery through the journal the app hands every service (it records in the book).
      const { op } = { op: createActivityLog(sim).begin('recovery') };
      const recovery = { journal: recordingJournal(journal, book), now: () => new Date() };
      const [change] = value(await listUnfinishedChanges(op, recovery));
      expect(change).toMatchObject({ operation: 'disable-rule', progress: 'done' });
      const report = value(await resolveUnfinishedChange(op, recovery, change!.id, action));
      expect(report).toMatchObject({ outcome: 'applied', resolved: true });
      const view = await list();
      if (action === 'finish') {
        expect(machineRules(sim)).not.toContainEqual(WEB_8080);
        expect(view.book?.disabled).toEqual([expect.objectContaining(WEB_8080)]);
      } else {
        expect(machineRules(sim)).toContainEqual(WEB_8080);
        expect(view.book?.disabled).toEqual([]);
      }
      expect(view.book?.drift).toEqual([]);
      expect(journal.entries).toEqual([]);
    },
  );
});

describe('the rule book file', () => {
  it('is written atomically in the data folder and read back by a new instance', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'portwarden-book-')), 'rule-book.json');
    const first = setup({ store: createFileRuleBookStore(file) });
    await first.list();
    value(await first.service.setRuleNote(first.op, { rule: WEB_8080, note: NOTE }));
    value(await first.service.disableRule(first.op, { rule: SSH_2222 }));
    const again = createRuleBook(createFileRuleBookStore(file));
    const read = await again.read();
    expect(read.notes).toEqual([expect.objectContaining({ listenPort: 8080, ...NOTE })]);
    expect(read.disabled).toEqual([expect.objectContaining({ rule: SSH_2222 })]);
  });

  it('a corrupt file is reported in the view, refused for changes and never overwritten', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'portwarden-book-')), 'rule-book.json');
    writeFileSync(file, '{"version":1,"known":[{"type":"v4tov4","listenAddress":"0.0.0.0 & calc"');
    const { list, service, op, sim } = setup({ store: createFileRuleBookStore(file) });
    const view = await list();
    expect(view.rules).toHaveLength(5);
    expect(view.book?.error).toContain('is not a valid Portwarden rule book');
    expect(view.book?.drift).toBeNull();
    expect(await service.setRuleNote(op, { rule: WEB_8080, note: NOTE })).toMatchObject({
      ok: false,
      error: { code: 'storage-failed' },
    });
    const before = machineRules(sim);
    expect(await service.disableRule(op, { rule: WEB_8080 })).toMatchObject({
      ok: false,
      error: { code: 'storage-failed' },
    });
    expect(machineRules(sim)).toEqual(before);
    // Ordinary changes still work; the file stays as it was.
    const added: RuleChangeReport = value(
      await service.addRule(op, { rule: NEW_8090, firewall: false, replaceExisting: false }),
    );
    expect(added.outcome).toBe('applied');
    expect(readFileSync(file, 'utf8')).toContain('0.0.0.0 & calc');
  });
});
