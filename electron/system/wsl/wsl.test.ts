/**
 * WSL targets over the simulated Windows (scenario wsl-nat: Ubuntu running at a 172.x address,
 * Debian stopped): add a rule to "distro X", move it when the VM restarts, wait while it is stopped,
 * and refuse bad input with a clear message and no change.
 */
import { describe, expect, it } from 'vitest';
import { listenKey } from '../../../shared/proxy-rules';
import { addWslRuleSchema } from '../../../shared/validate';
import { createSimWslConfig, shutdownWsl, startDistro, terminateDistro } from '../simulated-windows';
import { decodeWslOutput, looksLikeUtf16le } from '../run/console-encoding';
import { mutations, simulatedOperation } from '../../../test/helpers/simulated-services';
import { parseEth0Address, parseWslConfig, parseWslList } from './parse';
import { createMemoryWslTargetStore } from './target-store';
import { createWslService } from './wsl-service';
import { parseConsoleUser, parseProfileList, profileOf } from './interactive-profile';

const setup = (scenario = 'wsl-nat') => {
  const sim = simulatedOperation(scenario);
  const store = createMemoryWslTargetStore();
  const service = createWslService({ store, config: createSimWslConfig(sim.sim.machine), journal: sim.journal });
  const ubuntuAddress = () => sim.sim.machine.wsl!.vmAddress!;
  return { ...sim, store, service, ubuntuAddress };
};

const INPUT = addWslRuleSchema.parse({
  distro: 'Ubuntu',
  listenAddress: '0.0.0.0',
  listenPort: '8080',
  connectPort: '80',
  firewall: true,
  replaceExisting: false,
});

describe('wsl.exe output', () => {
  it('decodes the UTF-16LE list and the UTF-8 output of a program inside the distro', async () => {
    const { sim } = setup();
    const list = await sim.runBytes('wsl', ['--list', '--verbose']);
    expect(looksLikeUtf16le(list.stdoutBytes)).toBe(true);
    expect(decodeWslOutput(list.stdoutBytes)).toBe(list.stdout);
    expect(parseWslList(list.stdout)).toEqual([
      { name: 'Ubuntu', state: 'running', stateText: 'Running', version: 2, isDefault: true },
      { name: 'Debian', state: 'stopped', stateText: 'Stopped', version: 2, isDefault: false },
    ]);
    const ip = await sim.runBytes('wsl', ['-d', 'Ubuntu', '-e', 'ip', '-4', '-o', 'addr', 'show', 'eth0']);
    expect(looksLikeUtf16le(ip.stdoutBytes)).toBe(false);
    expect(parseEth0Address(ip.stdout)).toBe(sim.machine.wsl!.vmAddress);
  });

  it('reads .wslconfig modes and names the line it cannot read', () => {
    expect(parseWslConfig('[wsl2]\nnetworkingMode = mirrored # new\n')).toEqual({
      ok: true,
      mode: 'mirrored',
      explicit: true,
    });
    expect(parseWslConfig('[wsl2]\nmemory=4GB\n')).toEqual({ ok: true, mode: 'nat', explicit: false });
    expect(parseWslConfig('[wsl2]\nnetworkingMode=mirored\n')).toMatchObject({ ok: false, line: 2 });
    expect(parseWslConfig('[wsl2\nnetworkingMode=mirrored')).toMatchObject({ ok: false, line: 1 });
  });

  it('finds the console user’s profile, not another account’s', () => {
    const csv = [
      '"explorer.exe","9000","RDP-Tcp#2","2","80,000 K","Running","CORP\\admin","0:00:05","N/A"',
      '"explorer.exe","5432","Console","1","120,000 K","Running","DESKTOP\\alice","0:01:02","N/A"',
    ].join('\r\n');
    expect(parseConsoleUser(csv)).toBe('DESKTOP\\alice');
    const reg = [
      '',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\S-1-5-18',
      '    ProfileImagePath    REG_EXPAND_SZ    %systemroot%\\system32\\config\\systemprofile',
      '',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\S-1-5-21-1-2-3-1001',
      '    ProfileImagePath    REG_EXPAND_SZ    C:\\Users\\admin',
      '',
      'HKEY_LOCAL_MACHINE\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList\\S-1-5-21-1-2-3-1002',
      '    ProfileImagePath    REG_EXPAND_SZ    C:\\Users\\alice.DESKTOP',
    ].join('\r\n');
    expect(profileOf('DESKTOP\\alice', parseProfileList(reg))).toBe('C:\\Users\\alice.DESKTOP');
    expect(profileOf('DESKTOP\\bob', parseProfileList(reg))).toBeNull();
  });
});

describe('WSL targets', () => {
  it('adds a rule to the distro’s current address, journaled, with the firewall rule', async () => {
    const { service, op, store, commandLines, journal, ubuntuAddress, sim } = setup();
    const result = await service.addRule(op, INPUT);
    expect(result.ok && result.value.outcome).toBe('applied');
    expect(mutations(commandLines())).toEqual([
      `netsh interface portproxy add v4tov4 listenaddress=0.0.0.0 listenport=8080 connectaddress=${ubuntuAddress()} connectport=80`,
      'netsh advfirewall firewall add rule name=Portwarden portproxy TCP 8080 dir=in action=allow protocol=TCP localport=8080',
    ]);
    expect(journal.entries).toEqual([]);
    expect(await store.read()).toMatchObject([{ distro: 'Ubuntu', lastAddress: ubuntuAddress(), movedAt: null }]);
    expect(sim.machine.wsl!.distros.find((d) => d.name === 'Debian')!.state).toBe('Stopped');
  });

  it('follows the distro to its new address after a VM restart, keeping the firewall rule', async () => {
    const { service, op, store, sim, commandLines, ubuntuAddress } = setup();
    await service.addRule(op, INPUT);
    const before = ubuntuAddress();
    shutdownWsl(sim.machine);
    startDistro(sim.machine, sim.machine.wsl!.distros[0]!);
    const after = ubuntuAddress();
    expect(after).not.toBe(before);
    const synced = await service.sync(op);
    expect(synced.ok).toBe(true);
    if (!synced.ok) return;
    expect(synced.value.outcome).toBe('applied');
    expect(synced.value.moved).toEqual([
      { listenKey: 'v4tov4|0.0.0.0|8080', distro: 'Ubuntu', from: before, to: after },
    ]);
    expect(mutations(commandLines()).at(-1)).toBe(
      `netsh interface portproxy set v4tov4 listenaddress=0.0.0.0 listenport=8080 connectaddress=${after} connectport=80`,
    );
    expect(sim.machine.portproxy.v4tov4['0.0.0.0/8080']).toBe(`${after}/80`);
    expect(sim.machine.firewallRules.map((r) => r.name)).toContain('Portwarden portproxy TCP 8080');
    expect((await store.read())[0]).toMatchObject({ lastAddress: after });
    expect((await store.read())[0]!.movedAt).not.toBeNull();
    // A second sync has nothing to do.
    const count = mutations(commandLines()).length;
    await service.sync(op);
    expect(mutations(commandLines()).length).toBe(count);
  });

  it('keeps the rule waiting while the distro is stopped, without starting it', async () => {
    const { service, op, sim, commandLines } = setup();
    await service.addRule(op, INPUT);
    const rule = sim.machine.portproxy.v4tov4['0.0.0.0/8080'];
    terminateDistro(sim.machine, sim.machine.wsl!.distros[0]!);
    const synced = await service.sync(op);
    expect(synced.ok && synced.value.status.targets.map((t) => t.state)).toEqual(['waiting']);
    expect(sim.machine.portproxy.v4tov4['0.0.0.0/8080']).toBe(rule);
    expect(sim.machine.wsl!.distros[0]!.state).toBe('Stopped');
    expect(commandLines().filter((l) => l.startsWith('wsl -d'))).toHaveLength(1);
  });

  it('stops following a rule that was deleted or re-pointed by hand', async () => {
    const { service, op, sim, store } = setup();
    await service.addRule(op, INPUT);
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
    const synced = await service.sync(op);
    expect(synced.ok && synced.value.steps.map((s) => s.step)).toEqual(['wsl-forget']);
    expect(await store.read()).toEqual([]);
    expect(sim.machine.portproxy.v4tov4['0.0.0.0/8080']).toBe('10.0.0.9/80');
  });

  it.each([
    [
      'a distro that is not installed',
      { distro: 'Fedora' },
      'invalid-input',
      /Fedora.*not an installed.*Ubuntu, Debian/,
    ],
    ['a stopped distro', { distro: 'Debian' }, 'refused', /Debian is not running/],
  ])('refuses %s, with nothing changed', async (_, change, code, message) => {
    const { service, op, commandLines, store } = setup();
    const result = await service.addRule(op, { ...INPUT, ...change });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toMatchObject({ code, field: 'distro' });
    expect(result.error.message).toMatch(message);
    expect(mutations(commandLines())).toEqual([]);
    expect(await store.read()).toEqual([]);
  });

  it('refuses when the address cannot be read', async () => {
    const { service, op, sim, commandLines } = setup();
    sim.injectFault({ match: { command: 'wsl', argsIncludes: ['-e'] }, kind: 'fail' });
    const result = await service.addRule(op, INPUT);
    expect(!result.ok && result.error.message).toMatch(/Nothing was changed: the address of Ubuntu could not be read/);
    expect(mutations(commandLines())).toEqual([]);
  });

  it('refuses in mirrored mode and when .wslconfig does not parse', async () => {
    const mirrored = setup('wsl-mirrored');
    const refused = await mirrored.service.addRule(mirrored.op, INPUT);
    expect(!refused.ok && refused.error.message).toMatch(/mirrored networking.*Hyper-V firewall/);
    const status = await mirrored.service.status(mirrored.op);
    expect(status.ok && status.value.networking).toMatchObject({ mode: 'mirrored', source: 'wslconfig' });

    const broken = setup();
    broken.sim.machine.wsl!.wslconfig = '[wsl2]\nnetworkingMode=fast\n';
    const result = await broken.service.addRule(broken.op, INPUT);
    expect(!result.ok && result.error.message).toMatch(/cannot be told.*line 2: networkingMode "fast"/);
    expect(mutations(broken.commandLines())).toEqual([]);
  });

  it('shows the address of running distros only, starting none', async () => {
    const { service, op, sim, ubuntuAddress } = setup();
    const status = await service.status(op);
    expect(status.ok && status.value.distros.map((d) => [d.name, d.address])).toEqual([
      ['Ubuntu', ubuntuAddress()],
      ['Debian', undefined],
    ]);
    expect(sim.machine.wsl!.distros.find((d) => d.name === 'Debian')!.state).toBe('Stopped');
  });

  it('keys targets by listen key', async () => {
    const { service, op, store } = setup();
    await service.addRule(op, INPUT);
    const [target] = await store.read();
    expect(target!.listenKey).toBe(listenKey({ type: 'v4tov4', listenAddress: '0.0.0.0', listenPort: 8080 }));
  });
});
