/**
 * Import keeps the file's firewall choice, but only as far as the user confirmed it (issue #11): the
 * confirmed ports arrive as `firewallPorts`, are added inside the same journaled rule-set change after
 * the rules are verified, and are judged by reading the firewall back.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/ipc';
import type { RuleChangeReport } from '../../../shared/model';
import type { Result } from '../../../shared/result';
import { fieldIssues, importRulesSchema } from '../../../shared/validate';
import {
  fingerprints,
  firewallNames,
  machineRules,
  mutatingLines,
  reportOf,
  ruleFixture,
} from '../../../test/helpers/portproxy-fixture';
import { FORWARDING_RULES, NEW_8090, SSH_2222, WEB_8080 } from '../../../test/helpers/sample-rules';
import { createTestCore, OWN_SENDER } from '../../../test/helpers/test-core';
import { createSimulatedWindows } from '../run/choose-windows';
import { firewallRuleName } from './commands';

const USER_RULE = 'WSL SSH 2222';

describe('import with the firewall rules the file asks for', () => {
  it('adds the confirmed firewall rules after the rules, in one journaled change, verified by a re-read', async () => {
    const { service, op, sim, journal, commandLines } = ruleFixture();
    const report = reportOf(
      await service.importRules(op, { rules: [NEW_8090, WEB_8080], mode: 'merge', firewallPorts: [8080, 8090] }),
    );
    expect(report.outcome).toBe('applied');
    expect(report.message).toBeUndefined();
    expect(fingerprints(machineRules(sim))).toEqual(fingerprints([...FORWARDING_RULES, NEW_8090]));
    expect(firewallNames(sim)).toEqual([firewallRuleName(8080), firewallRuleName(8090), USER_RULE].sort());
    expect(report.steps.filter((s) => s.step === 'firewall-add')).toEqual([
      { step: 'firewall-add', ok: true, detail: firewallRuleName(8080) },
      { step: 'firewall-add', ok: true, detail: firewallRuleName(8090) },
    ]);
    // The view in the report is the re-read: both rules now show Portwarden's firewall rule.
    const shown = report.rules.rules.filter((r) => r.firewallRule !== null).map((r) => r.listenPort);
    expect(shown.sort()).toEqual([8080, 8090]);
    // The rule is added before its firewall rule, and the journal entry is gone once verified.
    const changes = mutatingLines(commandLines());
    expect(changes.findIndex((l) => l.includes('listenport=8090'))).toBeLessThan(
      changes.findIndex((l) => l.includes('advfirewall firewall add')),
    );
    expect(await journal.list()).toEqual([]);
  });

  it('adds no firewall rule without the confirmation, whatever the file said', async () => {
    const { service, op, sim } = ruleFixture();
    const report = reportOf(await service.importRules(op, { rules: [NEW_8090], mode: 'merge' }));
    expect(report.outcome).toBe('applied');
    expect(firewallNames(sim)).toEqual([USER_RULE]);
    expect(report.steps.some((s) => s.step.startsWith('firewall-'))).toBe(false);
  });

  it('adds the firewall rule even when every rule is already there, after a backup', async () => {
    const { service, op, sim, store } = ruleFixture();
    const report = reportOf(await service.importRules(op, { rules: [SSH_2222], mode: 'merge', firewallPorts: [2222] }));
    expect(report.outcome).toBe('applied');
    expect(report.backup?.reason).toBe('import');
    expect(await store.list()).toHaveLength(1);
    expect(fingerprints(machineRules(sim))).toEqual(fingerprints(FORWARDING_RULES));
    // Ours next to the user's own rule on the same port, which is never touched.
    expect(firewallNames(sim)).toEqual([firewallRuleName(2222), USER_RULE].sort());
  });

  it('says nothing is needed when the rules and our firewall rule are already there', async () => {
    const { service, op, commandLines } = ruleFixture();
    reportOf(await service.importRules(op, { rules: [SSH_2222], mode: 'merge', firewallPorts: [2222] }));
    const before = mutatingLines(commandLines()).length;
    const again = reportOf(await service.importRules(op, { rules: [SSH_2222], mode: 'merge', firewallPorts: [2222] }));
    expect(again.message).toBe('The rules are already as in the file.');
    expect(mutatingLines(commandLines())).toHaveLength(before);
  });

  it('reports a firewall rule that did not appear in the re-read, keeping the imported rules', async () => {
    const { service, op, sim } = ruleFixture();
    sim.injectFault({ match: { command: 'netsh', argsIncludes: ['advfirewall', 'add'] }, kind: 'no-effect' });
    const report = reportOf(await service.importRules(op, { rules: [NEW_8090], mode: 'merge', firewallPorts: [8090] }));
    expect(report.outcome).toBe('applied');
    expect(report.steps.find((s) => s.step === 'firewall-add')).toMatchObject({ ok: false });
    expect(report.message).toMatch(/firewall rule could not be changed/);
    expect(fingerprints(machineRules(sim))).toEqual(fingerprints([...FORWARDING_RULES, NEW_8090]));
    expect(firewallNames(sim)).toEqual([USER_RULE]);
  });
});

describe('importRulesSchema: firewallPorts', () => {
  const issues = (input: unknown) => {
    const parsed = importRulesSchema.safeParse(input);
    return parsed.success ? [] : fieldIssues(parsed.error);
  };

  it('accepts the listen ports of imported rules, each once', () => {
    expect(issues({ rules: [NEW_8090], mode: 'merge', firewallPorts: [8090] })).toEqual([]);
    expect(issues({ rules: [NEW_8090], mode: 'merge', firewallPorts: [] })).toEqual([]);
  });

  it('names the field for anything else', () => {
    for (const firewallPorts of [[2222], [8090, 8090], ['yes'], [0], true, 'all']) {
      const found = issues({ rules: [NEW_8090], mode: 'merge', firewallPorts });
      expect(found.length, JSON.stringify(firewallPorts)).toBeGreaterThan(0);
      for (const issue of found) expect(issue.field).toMatch(/^firewallPorts/);
    }
  });
});

describe('rules:import through the router', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a bad firewallPorts with invalid-input naming the field, and runs nothing', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'portwarden-import-'));
    dirs.push(dataDir);
    const windows = createSimulatedWindows({ scenario: 'forwarding', locale: 'en', seed: 1 });
    const core = createTestCore({ runner: windows.runner, probe: windows.probe, dataDir, scenario: windows.scenario });
    const calls = windows.runner.calls.length;
    const result = (await core.router.dispatch(CHANNELS.importRules, OWN_SENDER, [
      { rules: [NEW_8090], mode: 'merge', firewallPorts: [2222] },
    ])) as Result<RuleChangeReport>;
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'firewallPorts' } });
    expect(mutatingLines(windows.runner.calls.slice(calls).map((c) => `${c.command} ${c.args.join(' ')}`))).toEqual([]);
  });
});
