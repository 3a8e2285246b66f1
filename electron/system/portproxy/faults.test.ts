/**
 * The fault matrix: every mutating step of every rule change, with the simulated command failing,
 * denied, or hanging (timed out) with and without the change having taken effect. Afterwards the rule
 * set, read straight from the simulated registry, must be EITHER what it was OR what was intended,
 * the report must say which, and the backups promised before reset / import / restore must exist.
 */
import { describe, expect, it } from 'vitest';
import type { ProxyRule, RuleChangeReport } from '../../../shared/model';
import type { Result } from '../../../shared/result';
import type { FaultMatcher, FaultSpec } from '../simulated-windows';
import {
  fingerprints,
  firewallNames,
  machineRules,
  reportOf,
  ruleFixture,
} from '../../../test/helpers/portproxy-fixture';
import { DEVBOX_8888, NEW_8090, rule, SSH_2222, V6TOV4_9000, WEB_8080 } from '../../../test/helpers/sample-rules';

type Fixture = ReturnType<typeof ruleFixture>;

interface Step {
  readonly name: string;
  readonly match: FaultMatcher;
  readonly nth?: number;
  /** A firewall step runs after the rules changed: the rules must end as intended either way. */
  readonly firewall?: boolean;
}

interface Case {
  readonly name: string;
  /** Run before the faults are armed (e.g. create our firewall rule), unfaulted. */
  readonly prepare?: (fx: Fixture) => Promise<unknown>;
  readonly act: (fx: Fixture) => Promise<Result<RuleChangeReport>>;
  readonly intended: (before: readonly ProxyRule[]) => readonly ProxyRule[];
  readonly steps: readonly Step[];
  readonly backup?: 'reset' | 'import' | 'restore';
}

const netsh = (...words: string[]): FaultMatcher => ({ command: 'netsh', argsIncludes: words });
const isSame = (a: ProxyRule, b: ProxyRule) => fingerprints([a])[0] === fingerprints([b])[0];
const replacing = (before: readonly ProxyRule[], old: ProxyRule, next: ProxyRule) =>
  before.map((r) => (isSame(r, old) ? next : r));
const without = (before: readonly ProxyRule[], ...gone: ProxyRule[]) =>
  before.filter((r) => !gone.some((g) => isSame(g, r)));
const firewallOn = (fx: Fixture, original: ProxyRule) =>
  fx.service.editRule(fx.op, { original, updated: original, firewall: true });

const MOVED_8080 = { ...WEB_8080, listenPort: 8085 };
const RETARGETED_8080 = { ...WEB_8080, connectAddress: '172.28.241.141' };
const REPLACED_8080 = { ...WEB_8080, connectPort: 8000 };

const CASES: readonly Case[] = [
  {
    name: 'add',
    act: (fx) => fx.service.addRule(fx.op, { rule: NEW_8090, firewall: true, replaceExisting: false }),
    intended: (before) => [...before, NEW_8090],
    steps: [
      { name: 'portproxy add', match: netsh('portproxy', 'add') },
      { name: 'firewall add', match: netsh('advfirewall', 'add'), firewall: true },
    ],
  },
  {
    name: 'edit, same listen key',
    act: (fx) => fx.service.editRule(fx.op, { original: WEB_8080, updated: RETARGETED_8080, firewall: false }),
    intended: (before) => replacing(before, WEB_8080, RETARGETED_8080),
    steps: [{ name: 'portproxy set', match: netsh('portproxy', 'set') }],
  },
  {
    name: 'edit, new listen key, firewall moves',
    prepare: (fx) => firewallOn(fx, WEB_8080),
    act: (fx) => fx.service.editRule(fx.op, { original: WEB_8080, updated: MOVED_8080, firewall: true }),
    intended: (before) => replacing(before, WEB_8080, MOVED_8080),
    steps: [
      { name: 'add the new rule', match: netsh('portproxy', 'add') },
      { name: 'delete the old rule', match: netsh('portproxy', 'delete') },
      { name: 'firewall add (new port)', match: netsh('advfirewall', 'add'), firewall: true },
      { name: 'firewall delete (old port)', match: netsh('advfirewall', 'delete'), firewall: true },
    ],
  },
  {
    name: 'delete two rules',
    prepare: (fx) => firewallOn(fx, DEVBOX_8888),
    act: (fx) => fx.service.deleteRules(fx.op, [DEVBOX_8888, V6TOV4_9000]),
    intended: (before) => without(before, DEVBOX_8888, V6TOV4_9000),
    steps: [
      { name: 'first delete', match: netsh('portproxy', 'delete'), nth: 1 },
      { name: 'second delete', match: netsh('portproxy', 'delete'), nth: 2 },
      { name: 'firewall delete', match: netsh('advfirewall', 'delete'), firewall: true },
    ],
  },
  {
    name: 'reset',
    prepare: (fx) => firewallOn(fx, WEB_8080),
    act: (fx) => fx.service.resetRules(fx.op),
    intended: () => [],
    steps: [
      { name: 'portproxy reset', match: netsh('portproxy', 'reset') },
      { name: 'firewall delete', match: netsh('advfirewall', 'delete'), firewall: true },
    ],
    backup: 'reset',
  },
  {
    name: 'import, merge (add + replace)',
    act: (fx) => fx.service.importRules(fx.op, { rules: [REPLACED_8080, NEW_8090], mode: 'merge' }),
    intended: (before) => [...replacing(before, WEB_8080, REPLACED_8080), NEW_8090],
    steps: [
      { name: 'first add', match: netsh('portproxy', 'add'), nth: 1 },
      { name: 'second add', match: netsh('portproxy', 'add'), nth: 2 },
    ],
    backup: 'import',
  },
  {
    name: 'import, replace (add + delete)',
    act: (fx) => fx.service.importRules(fx.op, { rules: [SSH_2222, WEB_8080, NEW_8090], mode: 'replace' }),
    intended: () => [SSH_2222, WEB_8080, NEW_8090],
    steps: [
      { name: 'add', match: netsh('portproxy', 'add') },
      { name: 'first delete', match: netsh('portproxy', 'delete'), nth: 1 },
      { name: 'last delete', match: netsh('portproxy', 'delete'), nth: 3 },
    ],
    backup: 'import',
  },
  {
    name: 'restore',
    prepare: async (fx) => {
      // A backup of two rules (one with our firewall rule), then a different rule set on the machine.
      const saved = await fx.store.write('reset', [
        { ...SSH_2222, firewall: true },
        { ...REPLACED_8080, firewall: false },
      ]);
      reportOf(await fx.service.addRule(fx.op, { rule: NEW_8090, firewall: false, replaceExisting: false }));
      return saved.id;
    },
    act: async (fx) => fx.service.restoreBackup(fx.op, (await fx.store.list()).find((b) => b.reason === 'reset')!.id),
    intended: () => [SSH_2222, REPLACED_8080],
    steps: [
      { name: 'first add (replace 8080)', match: netsh('portproxy', 'add'), nth: 1 },
      { name: 'first delete', match: netsh('portproxy', 'delete'), nth: 1 },
      { name: 'last delete', match: netsh('portproxy', 'delete'), nth: 4 },
      { name: 'firewall add', match: netsh('advfirewall', 'add'), firewall: true },
    ],
    backup: 'restore',
  },
];

const FAULTS: readonly { name: string; spec: Pick<FaultSpec, 'kind' | 'applied'>; changes: boolean }[] = [
  { name: 'fails', spec: { kind: 'fail' }, changes: false },
  { name: 'is denied', spec: { kind: 'deny' }, changes: false },
  { name: 'hangs after taking effect', spec: { kind: 'hang', applied: true }, changes: true },
  { name: 'hangs without taking effect', spec: { kind: 'hang', applied: false }, changes: false },
];

const MATRIX = CASES.flatMap((c) => c.steps.flatMap((s) => FAULTS.map((f) => ({ c, s, f }))));

describe('fault matrix', () => {
  it('covers every step of every change with every fault', () => {
    expect(CASES.reduce((n, c) => n + c.steps.length, 0)).toBe(21);
    expect(MATRIX).toHaveLength(84);
  });

  it.each(MATRIX.map(({ c, s, f }) => [`${c.name}: ${s.name} ${f.name}`, c, s, f] as const))(
    '%s',
    async (_name, c, s, f) => {
      const fx = ruleFixture('forwarding');
      await c.prepare?.(fx);
      const before = machineRules(fx.sim);
      const firewallBefore = firewallNames(fx.sim);
      const intended = c.intended(before);
      fx.sim.injectFault({ match: s.match, nth: s.nth ?? 1, ...f.spec });

      const report = reportOf(await c.act(fx));
      const after = fingerprints(machineRules(fx.sim));

      // The step really ran and the fault really fired.
      expect(fx.sim.calls.filter((call) => call.fault)).toHaveLength(1);
      const isBefore = JSON.stringify(after) === JSON.stringify(fingerprints(before));
      const isIntended = JSON.stringify(after) === JSON.stringify(fingerprints(intended));
      expect(isBefore || isIntended).toBe(true);
      expect(report.outcome).toBe(isIntended ? 'applied' : 'not-applied');
      // The report's list is the machine's list.
      expect(fingerprints(report.rules.rules)).toEqual(after);

      if (s.firewall) {
        // Firewall steps come after the rules changed: the rules are as intended, the step says what happened.
        expect(isIntended).toBe(true);
        const firewallStep = report.steps.find((st) => st.step.startsWith('firewall-') && !st.ok);
        expect(firewallStep === undefined).toBe(f.changes);
        if (!f.changes) expect(report.message).toMatch(/firewall/);
      } else if (!f.changes) {
        // A portproxy step that did not take effect leaves everything as it was, the firewall included.
        expect(isBefore).toBe(true);
        expect(firewallNames(fx.sim)).toEqual(firewallBefore);
      }
      // The user's own firewall rule is never touched.
      expect(firewallNames(fx.sim)).toContain('WSL SSH 2222');

      if (c.backup) {
        const backup = (await fx.store.list()).find((b) => b.reason === c.backup);
        expect(backup).toBeDefined();
        expect(report.backup).toEqual(backup);
        expect(fingerprints((await fx.store.read(backup!.id))!)).toEqual(fingerprints(before));
      }
    },
  );
});

describe('reads that fail after a change', () => {
  const showAll = netsh('portproxy', 'show', 'all');

  it('re-reads once more when the verification read times out, and then knows', async () => {
    const fx = ruleFixture();
    // Read 1 is before the change, read 2 the verification: it hangs, the retry answers.
    fx.sim.injectFault({ match: showAll, nth: 2, kind: 'hang' });
    const report = reportOf(
      await fx.service.addRule(fx.op, { rule: NEW_8090, firewall: false, replaceExisting: false }),
    );
    expect(report.outcome).toBe('applied');
  });

  it('says unknown only when the list cannot be read at all, and the next read tells the truth', async () => {
    const fx = ruleFixture();
    fx.sim.injectFault({ match: showAll, nth: 2, kind: 'hang', once: false });
    const report = reportOf(
      await fx.service.addRule(fx.op, { rule: NEW_8090, firewall: false, replaceExisting: false }),
    );
    expect(report.outcome).toBe('unknown');
    fx.sim.clearFaults();
    expect(fingerprints(machineRules(fx.sim))).toContain(fingerprints([NEW_8090])[0]);
  });

  it('rolls an edit back when the list cannot be read after the add (the old rule is never deleted blind)', async () => {
    const fx = ruleFixture();
    const before = machineRules(fx.sim);
    fx.sim.injectFault({ match: showAll, nth: 2, kind: 'hang' });
    fx.sim.injectFault({ match: showAll, nth: 3, kind: 'hang' });
    const report = reportOf(
      await fx.service.editRule(fx.op, { original: WEB_8080, updated: MOVED_8080, firewall: false }),
    );
    expect(report.outcome).toBe('not-applied');
    expect(fingerprints(machineRules(fx.sim))).toEqual(fingerprints(before));
    expect(fx.commandLines().filter((l) => l.includes('portproxy delete'))).toEqual([
      'netsh interface portproxy delete v4tov4 listenaddress=0.0.0.0 listenport=8085',
    ]);
  });

  it('says unknown when an import fails and its rollback fails too, and keeps the backup', async () => {
    const fx = ruleFixture();
    fx.sim.injectFault({ match: netsh('portproxy', 'add'), nth: 2, kind: 'fail' });
    // The rollback deletes the rule added first: that fails too.
    fx.sim.injectFault({ match: netsh('portproxy', 'delete'), kind: 'fail' });
    const report = reportOf(
      await fx.service.importRules(fx.op, {
        rules: [NEW_8090, rule('v4tov4', '*', 8091, '10.0.0.1', 1)],
        mode: 'merge',
      }),
    );
    expect(report.outcome).toBe('unknown');
    expect(report.message).toMatch(/rollback could not be verified/);
    expect(report.perRule?.map((r) => r.outcome)).toEqual(['applied', 'not-applied']);
    expect(report.backup?.reason).toBe('import');
  });

  it('never leaves zero rules when an edit cannot delete the old rule nor roll back', async () => {
    const fx = ruleFixture();
    fx.sim.injectFault({ match: netsh('portproxy', 'delete'), kind: 'fail', once: false });
    const report = reportOf(
      await fx.service.editRule(fx.op, { original: WEB_8080, updated: MOVED_8080, firewall: false }),
    );
    expect(report.outcome).toBe('unknown');
    const after = fingerprints(machineRules(fx.sim));
    expect(after).toContain(fingerprints([WEB_8080])[0]);
    expect(after).toContain(fingerprints([MOVED_8080])[0]);
  });

  it('reports per rule which command failed, which were rolled back and which never ran', async () => {
    const fx = ruleFixture();
    const first = rule('v4tov4', '*', 8101, '10.0.0.1', 1);
    const second = rule('v4tov4', '*', 8102, '10.0.0.1', 2);
    fx.sim.injectFault({ match: netsh('portproxy', 'add'), nth: 2, kind: 'deny' });
    const report = reportOf(await fx.service.importRules(fx.op, { rules: [SSH_2222, first, second], mode: 'replace' }));
    expect(report.outcome).toBe('not-applied');
    expect(report.steps.map((s) => [s.step, s.ok])).toEqual([
      ['backup', true],
      ['add-rule', true],
      ['add-rule', false],
      ['rollback', true],
      ['rollback-delete-rule', true],
    ]);
    const details = Object.fromEntries(report.perRule!.map((r) => [r.rule.listenPort, `${r.outcome}: ${r.detail}`]));
    expect(details[8101]).toBe('not-applied: rolled back');
    expect(details[8102]).toMatch(/^not-applied: .*requires elevation/);
    expect(details[8080]).toBe('not-applied: not attempted: an earlier step failed');
    expect(report.message).toMatch(/put back as they were/);
  });
});
