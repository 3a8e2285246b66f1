import { describe, expect, it } from 'vitest';
import type { ProxyRule } from '../../../shared/model';
import { firewallRuleName } from './commands';
import {
  failingStore,
  fingerprints,
  firewallNames,
  hasOurFirewall,
  machineRules,
  mutatingLines,
  reportOf,
  ruleFixture,
} from '../../../test/helpers/portproxy-fixture';
import {
  DEVBOX_8888,
  FORWARDING_RULES,
  NEW_8090,
  rule,
  SSH_2222,
  V4TOV6_8081,
  V6TOV4_9000,
  WEB_8080,
} from '../../../test/helpers/sample-rules';

const same = (a: readonly ProxyRule[], b: readonly ProxyRule[]) => expect(fingerprints(a)).toEqual(fingerprints(b));
const plain = (rules: readonly ProxyRule[]) =>
  rules.map(({ type, listenAddress, listenPort, connectAddress, connectPort }) => ({
    type,
    listenAddress,
    listenPort,
    connectAddress,
    connectPort,
  }));

describe('listRules', () => {
  it.each(['en', 'ko', 'de', 'zh-CN'])('lists the forwarding rules of every type in %s', async (locale) => {
    const { service, op } = ruleFixture('forwarding', { locale });
    const result = await service.listRules(op);
    if (!result.ok) throw new Error(result.error.message);
    same(plain(result.value.rules), FORWARDING_RULES);
    expect(result.value.iphlpsvc).toBe('running');
    // 'WSL SSH 2222' is the user's own firewall rule, not Portwarden's.
    expect(result.value.rules.every((r) => r.firewallRule === null)).toBe(true);
  });

  it('firewall truth: the user\'s enabled inbound allow rule "WSL SSH 2222" opens 2222 (defect d)', async () => {
    const { service, op } = ruleFixture('forwarding');
    const result = await service.listRules(op);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.rules.find((r) => r.listenPort === 2222)?.firewallRules).toEqual(['WSL SSH 2222']);
    expect(result.value.rules.find((r) => r.listenPort === 8080)?.firewallRules).toEqual([]);
  });

  it.each([
    ['disabled', { enabled: false }],
    ['a block rule', { action: 'block' as const }],
    ['for UDP', { protocol: 'UDP' }],
    ['for another port', { localport: '2223' }],
    ['outbound', { dir: 'out' as const }],
  ])('firewall truth: a rule that is %s does not open the port', async (_name, change) => {
    const { service, op, sim } = ruleFixture('forwarding');
    sim.machine.firewallRules = sim.machine.firewallRules.map((r) => ({ ...r, ...change }));
    const result = await service.listRules(op);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.rules.find((r) => r.listenPort === 2222)?.firewallRules).toEqual([]);
  });

  it('firewall truth: a range, a list and an any-protocol rule open the port', async () => {
    const { service, op, sim } = ruleFixture('forwarding');
    sim.machine.firewallRules = [
      { name: 'dev range', dir: 'in', action: 'allow', protocol: 'TCP', localport: '2000-2300' },
      { name: 'dev list', dir: 'in', action: 'allow', protocol: 'TCP', localport: '80,2222' },
      { name: 'everything', dir: 'in', action: 'allow', protocol: 'any', localport: 'Any' },
    ];
    const result = await service.listRules(op);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.rules.find((r) => r.listenPort === 2222)?.firewallRules).toEqual([
      'dev range',
      'dev list',
      'everything',
    ]);
  });

  it.each(['fail', 'hang'] as const)(
    'firewall truth: a firewall read that %ss is unknown (null), not "no"',
    async (kind) => {
      const { service, op, sim } = ruleFixture('forwarding');
      sim.injectFault({ match: { command: 'netsh', argsIncludes: ['advfirewall', 'show'] }, kind });
      const result = await service.listRules(op);
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value.rules.every((r) => r.firewallRules === null && r.firewallRule === null)).toBe(true);
    },
  );

  it('reads the firewall once, inbound only, and shows our rule on the rules of its port', async () => {
    const { service, op, sim, commandLines } = ruleFixture();
    await sim.run('netsh', [
      'advfirewall',
      'firewall',
      'add',
      'rule',
      `name=${firewallRuleName(8080)}`,
      'dir=in',
      'action=allow',
      'protocol=TCP',
      'localport=8080',
    ]);
    const result = await service.listRules(op);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.rules.find((r) => r.listenPort === 8080)?.firewallRule).toBe('Portwarden portproxy TCP 8080');
    expect(result.value.rules.find((r) => r.listenPort === 2222)?.firewallRule).toBeNull();
    expect(commandLines().filter((l) => l.includes('advfirewall') && l.includes('show'))).toEqual([
      'netsh advfirewall firewall show rule name=all dir=in',
    ]);
  });

  it('lists an empty machine (netsh prints only a blank line; no firewall rule matches)', async () => {
    const { service, op } = ruleFixture('clean');
    expect(await service.listRules(op)).toMatchObject({ ok: true, value: { rules: [], iphlpsvc: 'running' } });
  });

  it('answers command-failed when show all fails', async () => {
    const { service, op, sim } = ruleFixture();
    sim.injectFault({ match: { command: 'netsh', argsIncludes: ['portproxy', 'show'] }, kind: 'fail' });
    expect(await service.listRules(op)).toMatchObject({ ok: false, error: { code: 'command-failed' } });
  });

  it('reports a stopped IP Helper', async () => {
    const { service, op } = ruleFixture('broken-iphlpsvc');
    expect(await service.listRules(op)).toMatchObject({ ok: true, value: { iphlpsvc: 'stopped' } });
  });
});

describe('addRule', () => {
  it('adds a rule (listenaddress omitted for *) and verifies it by re-reading', async () => {
    const { service, op, sim, commandLines } = ruleFixture();
    const report = reportOf(await service.addRule(op, { rule: NEW_8090, firewall: false, replaceExisting: false }));
    expect(report.outcome).toBe('applied');
    expect(mutatingLines(commandLines())).toEqual([
      'netsh interface portproxy add v4tov4 listenport=8090 connectaddress=172.28.241.140 connectport=8090',
    ]);
    same(machineRules(sim), [...FORWARDING_RULES, NEW_8090]);
    expect(report.rules.rules).toContainEqual({ ...NEW_8090, firewallRule: null, firewallRules: [] });
  });

  it('refuses an existing listen key without replaceExisting and runs nothing', async () => {
    const { service, op, commandLines } = ruleFixture();
    const result = await service.addRule(op, {
      rule: { ...WEB_8080, connectPort: 8000 },
      firewall: true,
      replaceExisting: false,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!result.ok && JSON.parse(result.error.detail!)).toEqual(WEB_8080);
    expect(mutatingLines(commandLines())).toEqual([]);
  });

  it('replaces an existing rule when the user confirmed it', async () => {
    const { service, op, sim } = ruleFixture();
    const replacement = { ...WEB_8080, connectPort: 8000 };
    const report = reportOf(await service.addRule(op, { rule: replacement, firewall: false, replaceExisting: true }));
    expect(report.outcome).toBe('applied');
    same(machineRules(sim), [SSH_2222, replacement, DEVBOX_8888, V4TOV6_8081, V6TOV4_9000]);
  });

  it('creates the firewall rule after the rule is verified, with the name as one argv token', async () => {
    const { service, op, sim, commandLines } = ruleFixture();
    const report = reportOf(await service.addRule(op, { rule: NEW_8090, firewall: true, replaceExisting: false }));
    expect(report.outcome).toBe('applied');
    expect(report.steps.map((s) => [s.step, s.ok])).toEqual([
      ['add-rule', true],
      ['firewall-add', true],
    ]);
    expect(mutatingLines(commandLines())).toEqual([
      'netsh interface portproxy add v4tov4 listenport=8090 connectaddress=172.28.241.140 connectport=8090',
      'netsh advfirewall firewall add rule name=Portwarden portproxy TCP 8090 dir=in action=allow protocol=TCP localport=8090',
    ]);
    expect(sim.calls.find((c) => c.args.includes('add') && c.args.includes('rule'))?.args).toContain(
      'name=Portwarden portproxy TCP 8090',
    );
    expect(sim.machine.firewallRules).toContainEqual({
      name: 'Portwarden portproxy TCP 8090',
      dir: 'in',
      action: 'allow',
      protocol: 'TCP',
      localport: '8090',
    });
    expect(report.rules.rules.find((r) => r.listenPort === 8090)?.firewallRule).toBe('Portwarden portproxy TCP 8090');
  });

  it('does not create a second firewall rule when ours already exists on the port', async () => {
    const { service, op, commandLines } = ruleFixture();
    reportOf(await service.addRule(op, { rule: NEW_8090, firewall: true, replaceExisting: false }));
    const v6 = rule('v6tov4', '::', 8090, '172.28.241.140', 8090);
    const report = reportOf(await service.addRule(op, { rule: v6, firewall: true, replaceExisting: false }));
    expect(report.outcome).toBe('applied');
    expect(mutatingLines(commandLines()).filter((l) => l.includes('advfirewall'))).toHaveLength(1);
  });

  it.each(['fail', 'hang'] as const)(
    'never adds a firewall rule blindly when the firewall read %ss; no duplicate of ours can appear',
    async (kind) => {
      const { service, op, sim, commandLines } = ruleFixture();
      reportOf(await service.addRule(op, { rule: NEW_8090, firewall: true, replaceExisting: false }));
      // Every later firewall read fails: the rule may or may not be there, so nothing is added.
      sim.injectFault({ match: { command: 'netsh', argsIncludes: ['advfirewall', 'show'] }, kind, once: false });
      const v6 = rule('v6tov4', '::', 8090, '172.28.241.140', 8090);
      const report = reportOf(await service.addRule(op, { rule: v6, firewall: true, replaceExisting: false }));
      expect(report.steps.find((s) => s.step === 'firewall-add')).toMatchObject({ ok: false });
      expect(report.steps.find((s) => s.step === 'firewall-add')?.detail).toMatch(
        /could not be read, so no rule was added/,
      );
      expect(mutatingLines(commandLines()).filter((l) => l.includes('firewall add rule'))).toHaveLength(1);
      expect(sim.machine.firewallRules.filter((r) => r.name === firewallRuleName(8090))).toHaveLength(1);
    },
  );

  it('is not applied without elevation', async () => {
    const { service, op, sim } = ruleFixture('not-elevated');
    const before = machineRules(sim);
    const report = reportOf(await service.addRule(op, { rule: NEW_8090, firewall: true, replaceExisting: false }));
    expect(report.outcome).toBe('not-applied');
    expect(report.steps).toEqual([expect.objectContaining({ step: 'add-rule', ok: false })]);
    expect(report.steps[0]!.detail).toMatch(/requires elevation/);
    same(machineRules(sim), before);
  });
});

describe('editRule', () => {
  it('changes the target of the same listen key with set', async () => {
    const { service, op, sim, commandLines } = ruleFixture();
    const updated = { ...WEB_8080, connectAddress: '172.28.241.141' };
    const report = reportOf(await service.editRule(op, { original: WEB_8080, updated, firewall: false }));
    expect(report.outcome).toBe('applied');
    expect(mutatingLines(commandLines())).toEqual([
      'netsh interface portproxy set v4tov4 listenaddress=0.0.0.0 listenport=8080 connectaddress=172.28.241.141 connectport=80',
    ]);
    same(machineRules(sim), [SSH_2222, updated, DEVBOX_8888, V4TOV6_8081, V6TOV4_9000]);
  });

  it('moves a rule to a new listen key: add new, verify, delete old, verify', async () => {
    const { service, op, sim, commandLines } = ruleFixture();
    const updated = { ...WEB_8080, listenPort: 8085 };
    const report = reportOf(await service.editRule(op, { original: WEB_8080, updated, firewall: false }));
    expect(report.outcome).toBe('applied');
    expect(mutatingLines(commandLines())).toEqual([
      'netsh interface portproxy add v4tov4 listenaddress=0.0.0.0 listenport=8085 connectaddress=172.28.241.140 connectport=80',
      'netsh interface portproxy delete v4tov4 listenaddress=0.0.0.0 listenport=8080',
    ]);
    // A read of show all between the add and the delete: the old rule is deleted only once the new one is listed.
    const lines = commandLines();
    const addAt = lines.findIndex((l) => l.includes('portproxy add'));
    const deleteAt = lines.findIndex((l) => l.includes('portproxy delete'));
    expect(lines.slice(addAt, deleteAt).some((l) => l === 'netsh interface portproxy show all')).toBe(true);
    same(machineRules(sim), [SSH_2222, updated, DEVBOX_8888, V4TOV6_8081, V6TOV4_9000]);
  });

  it('changes the type with the same listen pair as a new key (v4tov4 -> v4tov6)', async () => {
    const { service, op, sim } = ruleFixture();
    const updated = { ...WEB_8080, type: 'v4tov6' as const, connectAddress: 'fd00::5' };
    const report = reportOf(await service.editRule(op, { original: WEB_8080, updated, firewall: false }));
    expect(report.outcome).toBe('applied');
    same(machineRules(sim), [SSH_2222, updated, DEVBOX_8888, V4TOV6_8081, V6TOV4_9000]);
  });

  it('refuses when the original is no longer listed as it was (changed outside the app), running nothing', async () => {
    const { service, op, sim, commandLines } = ruleFixture();
    await sim.run('netsh', [
      'interface',
      'portproxy',
      'set',
      'v4tov4',
      'listenaddress=0.0.0.0',
      'listenport=8080',
      'connectaddress=10.0.0.9',
      'connectport=80',
    ]);
    const callsBefore = commandLines().length;
    const result = await service.editRule(op, {
      original: WEB_8080,
      updated: { ...WEB_8080, connectPort: 81 },
      firewall: false,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!result.ok && JSON.parse(result.error.detail!)).toMatchObject({ connectAddress: '10.0.0.9' });
    expect(mutatingLines(commandLines().slice(callsBefore))).toEqual([]);
  });

  it('refuses to move a rule onto a listen key another rule holds', async () => {
    const { service, op, commandLines } = ruleFixture();
    const result = await service.editRule(op, {
      original: WEB_8080,
      updated: { ...WEB_8080, listenPort: 2222 },
      firewall: false,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!result.ok && JSON.parse(result.error.detail!)).toEqual(SSH_2222);
    expect(mutatingLines(commandLines())).toEqual([]);
  });

  it('moves our firewall rule with the rule', async () => {
    const { service, op, sim } = ruleFixture();
    reportOf(await service.editRule(op, { original: WEB_8080, updated: WEB_8080, firewall: true }));
    expect(hasOurFirewall(sim, 8080)).toBe(true);
    const updated = { ...WEB_8080, listenPort: 8085 };
    const report = reportOf(await service.editRule(op, { original: WEB_8080, updated, firewall: true }));
    expect(report.outcome).toBe('applied');
    expect(hasOurFirewall(sim, 8080)).toBe(false);
    expect(hasOurFirewall(sim, 8085)).toBe(true);
    expect(report.rules.rules.find((r) => r.listenPort === 8085)?.firewallRule).toBe(firewallRuleName(8085));
  });

  it('turns the firewall rule on and off without touching the portproxy rule', async () => {
    const { service, op, sim, commandLines } = ruleFixture();
    expect(
      reportOf(await service.editRule(op, { original: SSH_2222, updated: SSH_2222, firewall: true })).outcome,
    ).toBe('applied');
    expect(firewallNames(sim)).toEqual(['Portwarden portproxy TCP 2222', 'WSL SSH 2222']);
    expect(
      reportOf(await service.editRule(op, { original: SSH_2222, updated: SSH_2222, firewall: false })).outcome,
    ).toBe('applied');
    expect(firewallNames(sim)).toEqual(['WSL SSH 2222']);
    expect(mutatingLines(commandLines()).filter((l) => l.includes('interface portproxy'))).toEqual([]);
    expect(mutatingLines(commandLines())).toEqual([
      'netsh advfirewall firewall add rule name=Portwarden portproxy TCP 2222 dir=in action=allow protocol=TCP localport=2222',
      'netsh advfirewall firewall delete rule name=Portwarden portproxy TCP 2222',
    ]);
  });

  it('keeps a shared firewall rule while another rule still listens on the port', async () => {
    const { service, op, sim } = ruleFixture();
    const v6 = rule('v6tov4', '::', 8080, '172.28.241.140', 80);
    reportOf(await service.addRule(op, { rule: v6, firewall: true, replaceExisting: false }));
    const report = reportOf(
      await service.editRule(op, { original: WEB_8080, updated: { ...WEB_8080, listenPort: 8086 }, firewall: false }),
    );
    expect(report.outcome).toBe('applied');
    expect(hasOurFirewall(sim, 8080)).toBe(true);
  });
});

describe('deleteRules', () => {
  it('deletes rules and reports each', async () => {
    const { service, op, sim, commandLines } = ruleFixture();
    const report = reportOf(await service.deleteRules(op, [DEVBOX_8888, V6TOV4_9000]));
    expect(report.outcome).toBe('applied');
    expect(report.perRule).toEqual([
      { rule: DEVBOX_8888, outcome: 'applied' },
      { rule: V6TOV4_9000, outcome: 'applied' },
    ]);
    expect(mutatingLines(commandLines())).toEqual([
      'netsh interface portproxy delete v4tov4 listenaddress=127.0.0.1 listenport=8888',
      'netsh interface portproxy delete v6tov4 listenaddress=:: listenport=9000',
    ]);
    same(machineRules(sim), [SSH_2222, WEB_8080, V4TOV6_8081]);
  });

  it('refuses when any rule is not listed exactly and runs nothing', async () => {
    const { service, op, commandLines } = ruleFixture();
    const result = await service.deleteRules(op, [DEVBOX_8888, { ...WEB_8080, connectPort: 81 }]);
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(mutatingLines(commandLines())).toEqual([]);
  });

  it("never touches a foreign firewall rule on the port ('WSL SSH 2222')", async () => {
    const { service, op, sim, commandLines } = ruleFixture();
    const report = reportOf(await service.deleteRules(op, [SSH_2222]));
    expect(report.outcome).toBe('applied');
    expect(firewallNames(sim)).toEqual(['WSL SSH 2222']);
    expect(mutatingLines(commandLines()).filter((l) => l.includes('advfirewall'))).toEqual([]);
  });

  it('removes our firewall rule with the last rule on its port, and only ours', async () => {
    const { service, op, sim } = ruleFixture();
    reportOf(await service.editRule(op, { original: SSH_2222, updated: SSH_2222, firewall: true }));
    const v6 = rule('v6tov4', '::', 2222, '172.28.241.140', 22);
    reportOf(await service.addRule(op, { rule: v6, firewall: true, replaceExisting: false }));
    reportOf(await service.deleteRules(op, [SSH_2222]));
    expect(firewallNames(sim)).toEqual(['Portwarden portproxy TCP 2222', 'WSL SSH 2222']);
    const report = reportOf(await service.deleteRules(op, [v6]));
    expect(report.steps.at(-1)).toMatchObject({ step: 'firewall-remove', ok: true });
    expect(firewallNames(sim)).toEqual(['WSL SSH 2222']);
  });
});

describe('resetRules', () => {
  it('writes the backup first, resets, verifies zero rules and removes only our firewall rules', async () => {
    const { service, op, sim, store, commandLines } = ruleFixture();
    reportOf(await service.editRule(op, { original: WEB_8080, updated: WEB_8080, firewall: true }));
    const report = reportOf(await service.resetRules(op));
    expect(report.outcome).toBe('applied');
    expect(report.backup).toMatchObject({ reason: 'reset', ruleCount: 5 });
    expect(machineRules(sim)).toEqual([]);
    expect(firewallNames(sim)).toEqual(['WSL SSH 2222']);
    const saved = await store.read(report.backup!.id);
    same(saved!, FORWARDING_RULES);
    expect(saved!.filter((r) => r.firewall).map((r) => r.listenPort)).toEqual([8080]);
    expect(mutatingLines(commandLines()).slice(-2)).toEqual([
      'netsh interface portproxy reset',
      'netsh advfirewall firewall delete rule name=Portwarden portproxy TCP 8080',
    ]);
  });

  it('runs nothing when the backup cannot be written', async () => {
    const { service, op, sim, commandLines } = ruleFixture('forwarding', { store: failingStore });
    const result = await service.resetRules(op);
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'storage-failed', detail: expect.stringMatching(/EACCES/) },
    });
    expect(mutatingLines(commandLines())).toEqual([]);
    same(machineRules(sim), FORWARDING_RULES);
  });
});

describe('exportRules', () => {
  it('exports every rule with its firewall flag', async () => {
    const { service, op, sim } = ruleFixture('forwarding', { now: () => new Date('2026-03-04T05:06:07.089Z') });
    await sim.run('netsh', [
      'advfirewall',
      'firewall',
      'add',
      'rule',
      `name=${firewallRuleName(2222)}`,
      'dir=in',
      'action=allow',
      'protocol=TCP',
      'localport=2222',
    ]);
    const result = await service.exportRules(op);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.fileName).toBe('portwarden-rules-2026-03-04.json');
    const document = JSON.parse(result.value.json);
    expect(document).toMatchObject({ app: 'Portwarden', version: 1, exportedAt: '2026-03-04T05:06:07.089Z' });
    expect(document.rules).toHaveLength(5);
    expect(document.rules).toContainEqual({ ...SSH_2222, firewall: true });
    expect(document.rules).toContainEqual({ ...WEB_8080, firewall: false });
  });
});

describe('importRules', () => {
  it('merges: adds and replaces by listen key, keeps the rest, after a backup', async () => {
    const { service, op, sim, store } = ruleFixture();
    const replaced = { ...WEB_8080, connectPort: 8000 };
    const report = reportOf(await service.importRules(op, { rules: [NEW_8090, replaced], mode: 'merge' }));
    expect(report.outcome).toBe('applied');
    expect(report.backup).toMatchObject({ reason: 'import', ruleCount: 5 });
    same((await store.read(report.backup!.id))!, FORWARDING_RULES);
    same(machineRules(sim), [SSH_2222, replaced, DEVBOX_8888, V4TOV6_8081, V6TOV4_9000, NEW_8090]);
    expect(report.perRule).toEqual([
      { rule: NEW_8090, outcome: 'applied' },
      { rule: replaced, outcome: 'applied' },
    ]);
  });

  it('replaces: the file becomes the whole rule set and our firewall rules of removed rules go', async () => {
    const { service, op, sim } = ruleFixture();
    reportOf(await service.editRule(op, { original: DEVBOX_8888, updated: DEVBOX_8888, firewall: true }));
    const report = reportOf(await service.importRules(op, { rules: [SSH_2222, NEW_8090], mode: 'replace' }));
    expect(report.outcome).toBe('applied');
    same(machineRules(sim), [SSH_2222, NEW_8090]);
    expect(report.perRule?.filter((r) => r.outcome === 'applied')).toHaveLength(5);
    expect(firewallNames(sim)).toEqual(['WSL SSH 2222']);
  });

  it('does nothing (and writes no backup) when the file matches the rules', async () => {
    const { service, op, store, commandLines } = ruleFixture();
    const report = reportOf(await service.importRules(op, { rules: [WEB_8080], mode: 'merge' }));
    expect(report.outcome).toBe('applied');
    expect(mutatingLines(commandLines())).toEqual([]);
    expect(await store.list()).toEqual([]);
  });

  it('runs nothing when the backup cannot be written', async () => {
    const { service, op, commandLines } = ruleFixture('forwarding', { store: failingStore });
    expect(await service.importRules(op, { rules: [NEW_8090], mode: 'replace' })).toMatchObject({
      ok: false,
      error: { code: 'storage-failed' },
    });
    expect(mutatingLines(commandLines())).toEqual([]);
  });
});

describe('listBackups and restoreBackup', () => {
  it('restores the rules and our firewall rules as recorded, after backing up the current set', async () => {
    const { service, op, sim } = ruleFixture();
    reportOf(await service.editRule(op, { original: WEB_8080, updated: WEB_8080, firewall: true }));
    const reset = reportOf(await service.resetRules(op));
    reportOf(await service.addRule(op, { rule: NEW_8090, firewall: true, replaceExisting: false }));
    const report = reportOf(await service.restoreBackup(op, reset.backup!.id));
    expect(report.outcome).toBe('applied');
    same(machineRules(sim), FORWARDING_RULES);
    expect(firewallNames(sim)).toEqual(['Portwarden portproxy TCP 8080', 'WSL SSH 2222']);
    expect(report.backup).toMatchObject({ reason: 'restore', ruleCount: 1 });
    const listed = await service.listBackups();
    if (!listed.ok) throw new Error(listed.error.message);
    expect(listed.value.map((b) => b.reason)).toEqual(['restore', 'reset']);
    expect(listed.value.map((b) => b.ruleCount)).toEqual([1, 5]);
  });

  it('answers not-found for an unknown or malformed id, running nothing', async () => {
    const { service, op, commandLines } = ruleFixture();
    expect(await service.restoreBackup(op, '20260101T000000000Z-reset')).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await service.restoreBackup(op, '../../etc/passwd')).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(mutatingLines(commandLines())).toEqual([]);
  });

  it('runs nothing when the pre-restore backup cannot be written', async () => {
    const { service, op, sim, store, commandLines } = ruleFixture('forwarding', { store: failingStore });
    const saved = await store.write('reset', [{ ...NEW_8090, firewall: false }]);
    expect(await service.restoreBackup(op, saved.id)).toMatchObject({ ok: false, error: { code: 'storage-failed' } });
    expect(mutatingLines(commandLines())).toEqual([]);
    same(machineRules(sim), FORWARDING_RULES);
  });
});

describe('checkRules', () => {
  it('answers every condition per rule, reading each command once', async () => {
    const { service, op, probe, commandLines } = ruleFixture();
    const result = await service.checkRules(op, FORWARDING_RULES);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toHaveLength(5);
    for (const check of result.value) {
      expect(check.iphlpsvc).toEqual({ state: 'ok', status: 'running' });
      expect(check.listening).toMatchObject({ state: 'ok', owner: 'svchost.exe (PID 2116)' });
      expect(check.excluded).toEqual({ state: 'ok' });
      expect(check.target.state).toBe('problem');
    }
    expect(probe.calls).toEqual([
      '172.28.241.140/22',
      '172.28.241.140/80',
      'devbox.lan/8888',
      '::1/80',
      '172.28.241.140/9000',
    ]);
    const lines = commandLines();
    expect(lines.filter((l) => l.startsWith('netstat'))).toEqual(['netstat -ano']);
    expect(lines.filter((l) => l.startsWith('tasklist'))).toEqual(['tasklist /fo csv /nh /svc']);
    expect(lines.filter((l) => l.startsWith('sc '))).toEqual(['sc query iphlpsvc']);
    expect(lines.filter((l) => l.includes('excludedportrange')).sort()).toEqual([
      'netsh interface ipv4 show excludedportrange protocol=tcp',
      'netsh interface ipv6 show excludedportrange protocol=tcp',
    ]);
    expect(mutatingLines(lines)).toEqual([]);
  });

  it('says the target answers from the probe, with its time', async () => {
    const { service, op } = ruleFixture('forwarding', { answers: { '172.28.241.140/80': true } });
    const result = await service.checkRules(op, [WEB_8080]);
    expect(result).toMatchObject({ ok: true, value: [{ target: { state: 'ok', detail: 'connected', ms: 3 } }] });
  });

  it('finds the stopped IP Helper and the missing listener', async () => {
    const { service, op } = ruleFixture('broken-iphlpsvc');
    const result = await service.checkRules(op, [WEB_8080]);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value[0]!.iphlpsvc).toEqual({ state: 'problem', status: 'stopped' });
    expect(result.value[0]!.listening.state).toBe('problem');
    expect(result.value[0]!.listening.detail).toMatch(/not running/);
  });

  it('names another owner of the listen port', async () => {
    const { service, op } = ruleFixture();
    const result = await service.checkRules(op, [rule('v4tov4', '*', 5432, '172.28.241.140', 5432)]);
    expect(result).toMatchObject({
      ok: true,
      value: [{ listening: { state: 'problem', owner: 'postgres.exe (PID 10524)' } }],
    });
  });

  it('finds an excluded range over the listen port (IPv6 table for a v6 listener)', async () => {
    const { service, op, sim } = ruleFixture();
    sim.machine.excluded.ipv6.tcp.push({ start: 8950, end: 9049, administered: false });
    const result = await service.checkRules(op, [V6TOV4_9000, WEB_8080]);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value[0]!.excluded).toEqual({
      state: 'problem',
      range: { protocol: 'tcp', ipVersion: 'ipv6', start: 8950, end: 9049, administered: false },
    });
    // The sim's listener cannot bind inside the range: the Docker symptom.
    expect(result.value[0]!.listening.state).toBe('problem');
    expect(result.value[1]!.excluded).toEqual({ state: 'ok' });
  });

  it('says unknown, not ok, when netstat cannot be read', async () => {
    const { service, op, sim } = ruleFixture();
    sim.injectFault({ match: { command: 'netstat' }, kind: 'hang' });
    const result = await service.checkRules(op, [WEB_8080]);
    expect(result).toMatchObject({ ok: true, value: [{ listening: { state: 'unknown' } }] });
  });
});

describe('preflightRule', () => {
  it('names the process that holds the port', async () => {
    const { service, op } = ruleFixture();
    const result = await service.preflightRule(op, rule('v4tov4', '*', 5432, '10.0.0.1', 5432));
    expect(result).toEqual({
      ok: true,
      value: { excluded: null, owner: { pid: 10524, image: 'postgres.exe', services: [] }, existingRule: null },
    });
  });

  it("finds the existing rule on the listen key and does not count iphlpsvc's own listener", async () => {
    const { service, op } = ruleFixture();
    const result = await service.preflightRule(op, { ...WEB_8080, connectPort: 8000 });
    expect(result).toEqual({ ok: true, value: { excluded: null, owner: null, existingRule: WEB_8080 } });
  });

  it('finds the excluded range over the port', async () => {
    const { service, op } = ruleFixture();
    const result = await service.preflightRule(op, rule('v4tov4', '*', 5357, '10.0.0.1', 80));
    expect(result).toMatchObject({
      ok: true,
      value: { excluded: { protocol: 'tcp', ipVersion: 'ipv4', start: 5357, end: 5357 } },
    });
  });

  it('fails rather than saying "nothing in the way" when a read fails', async () => {
    const { service, op, sim } = ruleFixture();
    sim.injectFault({ match: { command: 'tasklist' }, kind: 'fail' });
    expect(await service.preflightRule(op, NEW_8090)).toMatchObject({ ok: false, error: { code: 'command-failed' } });
  });
});

describe('startIpHelper', () => {
  it('starts iphlpsvc and the rules listen again', async () => {
    const { service, op, commandLines } = ruleFixture('broken-iphlpsvc');
    const report = reportOf(await service.startIpHelper(op));
    expect(report.outcome).toBe('applied');
    expect(report.rules.iphlpsvc).toBe('running');
    expect(mutatingLines(commandLines())).toEqual(['net start iphlpsvc']);
    const check = await service.checkRules(op, [WEB_8080]);
    expect(check).toMatchObject({ ok: true, value: [{ listening: { state: 'ok' } }] });
  });

  it('runs nothing when it already runs', async () => {
    const { service, op, commandLines } = ruleFixture();
    expect(reportOf(await service.startIpHelper(op)).outcome).toBe('applied');
    expect(mutatingLines(commandLines())).toEqual([]);
  });

  it.each([
    ['fail', { kind: 'fail' }, 'not-applied'],
    ['deny', { kind: 'deny' }, 'not-applied'],
    ['hang, applied', { kind: 'hang', applied: true }, 'applied'],
    ['hang, not applied', { kind: 'hang', applied: false }, 'not-applied'],
  ] as const)('judges the start from sc query (%s)', async (_name, fault, outcome) => {
    const { service, op, sim } = ruleFixture('broken-iphlpsvc');
    sim.injectFault({ match: { command: 'net', argsIncludes: ['start', 'iphlpsvc'] }, ...fault });
    expect(reportOf(await service.startIpHelper(op)).outcome).toBe(outcome);
  });
});

describe('simulated advfirewall show rule', () => {
  it('filters by dir', async () => {
    const { sim } = ruleFixture();
    expect((await sim.run('netsh', ['advfirewall', 'firewall', 'show', 'rule', 'name=all', 'dir=in'])).stdout).toMatch(
      /WSL SSH 2222/,
    );
    expect((await sim.run('netsh', ['advfirewall', 'firewall', 'show', 'rule', 'name=all', 'dir=out'])).stdout).toMatch(
      /No rules match/,
    );
  });
});
