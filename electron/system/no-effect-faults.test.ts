/**
 * The fault matrix for "exit 0, no effect" (simulated-runner.ts): every change the app makes is run
 * against a command that answers success and changes nothing. Each must be reported as NOT applied,
 * judged from the re-read; a change judged by "exit 0 (or the re-read says so)" would pass here.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Result } from '../../shared/result';
import { createActivityLog } from './activity-log';
import { setAutostart } from './autostart/autostart';
import { killProcess } from './owners/kill';
import { resetDynamicRanges } from './ranges/dynamic-range';
import { addExclusion, deleteExclusion } from './ranges/exclusions';
import { restartWinnat } from './ranges/winnat';
import { createScenarioMachine, createSimRunner } from './simulated-windows';
import type { FaultMatcher } from './simulated-windows/simulated-runner';
import { simulatedOperation } from '../../test/helpers/simulated-services';
import { reportOf, ruleFixture } from '../../test/helpers/portproxy-fixture';
import { NEW_8090, WEB_8080 } from '../../test/helpers/sample-rules';

const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`expected a value, got ${result.error.code}: ${result.error.message}`);
  return result.value;
};

/** Injects "exit 0, no effect" on every matching call and checks it really fired (exit 0 seen). */
const noEffect = (sim: ReturnType<typeof simulatedOperation>['sim'], match: FaultMatcher) => {
  sim.injectFault({ match, kind: 'no-effect', once: false });
  return () => {
    const hit = sim.calls.filter((c) => c.fault === 'no-effect');
    expect(hit.length).toBeGreaterThan(0);
    expect(hit.every((c) => c.result?.exitCode === 0)).toBe(true);
  };
};

describe('"exit 0, no effect": every change is judged not applied from the re-read', () => {
  it('WinNAT stop (restart)', async () => {
    const { sim, op, journal } = simulatedOperation('hyperv-reserved');
    const fired = noEffect(sim, { command: 'net', argsIncludes: ['stop', 'winnat'] });
    const report = value(await restartWinnat(op, journal));
    fired();
    expect(report.outcome).toBe('not-applied');
    expect(report.steps[0]).toMatchObject({ step: 'stop-winnat', ok: false });
  });

  it('WinNAT start (restart)', async () => {
    const { sim, op, journal } = simulatedOperation('hyperv-reserved');
    const fired = noEffect(sim, { command: 'net', argsIncludes: ['start', 'winnat'] });
    const report = value(await restartWinnat(op, journal));
    fired();
    expect(report.outcome).toBe('not-applied');
    expect(report.winnatAfter).toBe('stopped');
    expect(report.steps.at(-1)).toMatchObject({ step: 'start-winnat', ok: false });
  });

  it('netsh add excludedportrange (protect)', async () => {
    const { sim, op, journal } = simulatedOperation('hyperv-reserved');
    const fired = noEffect(sim, { command: 'netsh', argsIncludes: ['add', 'excludedportrange'] });
    const report = value(
      await addExclusion(op, { protocol: 'tcp', ipVersion: 'both', startPort: 8065, numberOfPorts: 1 }, journal),
    );
    fired();
    expect(report.outcome).toBe('not-applied');
    expect(report.winnatAfter).toBe('running');
  });

  it('netsh delete excludedportrange', async () => {
    const { sim, op } = simulatedOperation('hyperv-reserved');
    const fired = noEffect(sim, { command: 'netsh', argsIncludes: ['delete', 'excludedportrange'] });
    const report = value(await deleteExclusion(op, { protocol: 'tcp', ipVersion: 'ipv4', start: 50000, end: 50059 }));
    fired();
    expect(report.outcome).toBe('not-applied');
  });

  it('netsh set dynamicport', async () => {
    const { sim, op, journal } = simulatedOperation('dynamic-1024');
    const fired = noEffect(sim, { command: 'netsh', argsIncludes: ['set', 'dynamicport'] });
    const report = value(await resetDynamicRanges(op, [{ protocol: 'tcp', ipVersion: 'ipv4' }], journal));
    fired();
    expect(report.outcome).toBe('not-applied');
  });

  it.each([
    ['portproxy add', ['portproxy', 'add']],
    ['portproxy set', ['portproxy', 'set']],
    ['portproxy delete', ['portproxy', 'delete']],
    ['portproxy reset', ['portproxy', 'reset']],
  ] as const)('netsh %s', async (name, argsIncludes) => {
    const { service, op, sim } = ruleFixture('forwarding');
    sim.injectFault({ match: { command: 'netsh', argsIncludes }, kind: 'no-effect', once: false });
    const run = async () => {
      switch (name) {
        case 'portproxy add':
          return reportOf(await service.addRule(op, { rule: NEW_8090, firewall: false, replaceExisting: false }));
        case 'portproxy set':
          return reportOf(
            await service.editRule(op, {
              original: WEB_8080,
              updated: { ...WEB_8080, connectPort: 8181 },
              firewall: false,
            }),
          );
        case 'portproxy delete':
          return reportOf(await service.deleteRules(op, [WEB_8080]));
        case 'portproxy reset':
          return reportOf(await service.resetRules(op));
      }
    };
    const report = await run();
    expect(sim.calls.some((c) => c.fault === 'no-effect' && c.result?.exitCode === 0)).toBe(true);
    expect(report.outcome).toBe('not-applied');
  });

  it('netsh advfirewall add rule', async () => {
    const { service, op, sim } = ruleFixture('forwarding');
    sim.injectFault({ match: { command: 'netsh', argsIncludes: ['advfirewall', 'add'] }, kind: 'no-effect' });
    const report = reportOf(await service.addRule(op, { rule: NEW_8090, firewall: true, replaceExisting: false }));
    expect(report.steps.find((s) => s.step === 'firewall-add')).toMatchObject({ ok: false });
    expect(sim.machine.firewallRules.some((r) => r.name.endsWith(' 8090'))).toBe(false);
  });

  it('taskkill', async () => {
    const { sim, op } = simulatedOperation('clean');
    const fired = noEffect(sim, { command: 'taskkill' });
    const report = value(await killProcess(op, () => new Date(0), 9184, 'node.exe'));
    fired();
    expect(report.outcome).toBe('not-applied');
    expect(sim.machine.processes.some((p) => p.pid === 9184)).toBe(true);
  });

  describe('schtasks', () => {
    const scratch = mkdtempSync(path.join(tmpdir(), 'portwarden-no-effect-'));
    afterAll(() => rmSync(scratch, { recursive: true, force: true }));
    const setup = () => {
      const runner = createSimRunner(createScenarioMachine('clean'), {
        readFile: (file) => (existsSync(file) ? readFileSync(file) : null),
      });
      const activity = createActivityLog(runner);
      const host = {
        execPath: 'C:\\Program Files\\Portwarden\\Portwarden.exe',
        isPackaged: true,
        taskDefinitionDir: scratch,
      };
      return { runner, op: () => activity.begin('test'), host };
    };

    it('/Create that has no effect is not reported enabled', async () => {
      const { runner, op, host } = setup();
      runner.injectFault({ match: { command: 'schtasks', argsIncludes: ['/Create'] }, kind: 'no-effect' });
      const result = await setAutostart(op(), host, true);
      expect(runner.calls.some((c) => c.fault === 'no-effect' && c.result?.exitCode === 0)).toBe(true);
      expect(result).toMatchObject({ ok: true, value: { outcome: 'not-applied', autostart: { enabled: false } } });
    });

    it('/Delete that has no effect is not reported disabled', async () => {
      const { runner, op, host } = setup();
      value(await setAutostart(op(), host, true));
      runner.injectFault({ match: { command: 'schtasks', argsIncludes: ['/Delete'] }, kind: 'no-effect' });
      const result = await setAutostart(op(), host, false);
      expect(runner.calls.some((c) => c.fault === 'no-effect' && c.result?.exitCode === 0)).toBe(true);
      expect(result).toMatchObject({ ok: true, value: { outcome: 'not-applied', autostart: { enabled: true } } });
    });
  });
});
