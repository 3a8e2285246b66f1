import { describe, expect, it } from 'vitest';
import { effectiveSockets } from './sockets';
import { netsh, rows, simFor, tcp4 } from '../../../test/helpers/simulated-machine';

const ADD_1433 = [
  'interface',
  'ipv4',
  'add',
  'excludedportrange',
  'protocol=tcp',
  'startport=1433',
  'numberofports=1',
  'store=persistent',
];

describe('WinNAT reservations', () => {
  it('net stop winnat drops WinNAT rows and keeps administered and system rows', async () => {
    const runner = simFor('hyperv-reserved');
    const result = await runner.run('net', ['stop', 'winnat']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('\r\nThe Windows NAT Driver service was stopped successfully.\r\n\r\n');
    expect(rows(tcp4(runner.machine))).toEqual(['2869-2869', '5357-5357', '50000-50059*']);
    expect(runner.machine.excluded.ipv4.udp).toEqual([]);
    expect(rows(runner.machine.excluded.ipv6.tcp)).toEqual(['2869-2869', '5357-5357', '50000-50059*']);
  });

  it('net start winnat reserves seeded 100-port blocks inside the dynamic range, avoiding used ports and existing rows', async () => {
    for (const seed of [1, 2, 3, 42, 1234]) {
      const runner = simFor('clean', { seed });
      await runner.run('net', ['stop', 'winnat']);
      await runner.run('net', ['start', 'winnat']);
      const machine = runner.machine;
      const blocks = tcp4(machine).filter((r) => !r.administered && r.holder !== 'system');
      expect(blocks.length).toBe(machine.winnat.tcpBlocks);
      const dynamic = machine.dynamic.ipv4.tcp;
      const used = effectiveSockets(machine)
        .filter((s) => s.protocol === 'tcp')
        .map((s) => s.localPort);
      for (const block of blocks) {
        expect(block.end - block.start + 1).toBe(100);
        expect(block.start).toBeGreaterThanOrEqual(dynamic.start);
        expect(block.end).toBeLessThanOrEqual(dynamic.start + dynamic.count - 1);
        expect(used.filter((port) => port >= block.start && port <= block.end)).toEqual([]);
      }
      const sorted = [...tcp4(machine)].sort((a, b) => a.start - b.start);
      sorted.slice(1).forEach((range, i) => expect(range.start).toBeGreaterThan(sorted[i]!.end));
      expect(rows(machine.excluded.ipv6.tcp)).toEqual(rows(tcp4(machine)));
    }
  });

  it('the same seed gives the same blocks, another seed other blocks', async () => {
    const restart = async (seed: number) => {
      const runner = simFor('hyperv-reserved', { seed });
      await runner.run('net', ['stop', 'winnat']);
      await runner.run('net', ['start', 'winnat']);
      return rows(tcp4(runner.machine));
    };
    expect(await restart(7)).toEqual(await restart(7));
    expect(await restart(7)).not.toEqual(await restart(8));
  });

  it('never reserves over an administered exclusion or a listener, even in a crowded range', async () => {
    const runner = simFor('hyperv-reserved', { seed: 5 });
    runner.machine.winnat.tcpBlocks = 40;
    await runner.run('net', ['stop', 'winnat']);
    await runner.run('net', ['start', 'winnat']);
    const blocks = tcp4(runner.machine).filter((r) => !r.administered && r.holder !== 'system');
    expect(blocks.length).toBe(40);
    for (const block of blocks) {
      expect(block.end < 50000 || block.start > 50059).toBe(true);
      for (const port of [135, 445, 5173, 6379, 49664]) expect(port >= block.start && port <= block.end).toBe(false);
    }
  });
});

describe('add/delete excludedportrange', () => {
  it('adding over a WinNAT reservation fails with the sharing violation, exit 1, and changes nothing', async () => {
    const runner = simFor('hyperv-reserved');
    const before = rows(tcp4(runner.machine));
    const result = await netsh(runner, ...ADD_1433);
    expect(result).toMatchObject({ exitCode: 1, timedOut: false });
    expect(result.stdout).toBe(
      'The process cannot access the file because it is being used by another process.\r\n\r\n',
    );
    expect(rows(tcp4(runner.machine))).toEqual(before);
  });

  it('adding over a port in use fails (a listener, a portproxy listener)', async () => {
    const clean = simFor('clean');
    expect((await netsh(clean, 'int', 'ipv4', 'add', 'excludedportrange', 'tcp', '5400', '100')).exitCode).toBe(1); // postgres 5432
    const forwarding = simFor('forwarding');
    expect((await netsh(forwarding, 'int', 'ipv4', 'add', 'excludedportrange', 'tcp', '2222', '1')).exitCode).toBe(1);
    expect((await netsh(forwarding, 'int', 'ipv6', 'add', 'excludedportrange', 'tcp', '9000', '1')).exitCode).toBe(1);
    // UDP 5353 is in use by Dnscache, TCP 5353 is not.
    expect((await netsh(clean, 'int', 'ipv4', 'add', 'excludedportrange', 'udp', '5353', '1')).exitCode).toBe(1);
    expect((await netsh(clean, 'int', 'ipv4', 'add', 'excludedportrange', 'tcp', '5353', '1')).stdout).toBe(
      'Ok.\r\n\r\n',
    );
  });

  it('the forum fix stop winnat -> add -> start winnat protects the port', async () => {
    const runner = simFor('hyperv-reserved', { seed: 9 });
    expect((await runner.run('net', ['stop', 'winnat'])).exitCode).toBe(0);
    const add = await netsh(runner, ...ADD_1433);
    expect(add).toMatchObject({ exitCode: 0, stdout: 'Ok.\r\n\r\n' });
    expect((await runner.run('net', ['start', 'winnat'])).exitCode).toBe(0);
    const covering = tcp4(runner.machine).filter((r) => r.start <= 1433 && r.end >= 1433);
    expect(covering).toEqual([{ start: 1433, end: 1433, administered: true }]);
    const table = await netsh(runner, 'interface', 'ipv4', 'show', 'excludedportrange', 'protocol=tcp');
    expect(table.stdout).toContain('\r\n      1433        1433     *\r\n');
  });

  it('delete removes only an administered row matching start and count', async () => {
    const runner = simFor('hyperv-reserved');
    const del = (start: number, count: number) =>
      netsh(
        runner,
        'interface',
        'ipv4',
        'delete',
        'excludedportrange',
        'protocol=tcp',
        `startport=${start}`,
        `numberofports=${count}`,
      );
    expect((await del(8031, 100)).stdout).toBe('The system cannot find the file specified.\r\n\r\n'); // WinNAT's
    expect((await del(50000, 59)).exitCode).toBe(1); // wrong count
    expect((await del(50001, 59)).exitCode).toBe(1); // wrong start
    expect(tcp4(runner.machine).some((r) => r.administered)).toBe(true);
    expect(await del(50000, 60)).toMatchObject({ exitCode: 0, stdout: 'Ok.\r\n\r\n' });
    expect(tcp4(runner.machine).some((r) => r.administered)).toBe(false);
    expect(runner.machine.excluded.ipv6.tcp.some((r) => r.administered)).toBe(true);
  });

  it('prints the localized Ok.', async () => {
    const expected = { en: 'Ok.', ko: '확인됨', de: 'OK.', 'zh-CN': '确定。' } as const;
    for (const [language, ok] of Object.entries(expected)) {
      const runner = simFor('clean', { language: language as keyof typeof expected });
      const result = await netsh(
        runner,
        'int',
        'ipv4',
        'add',
        'excludedportrange',
        'protocol=tcp',
        'startport=1433',
        'numberofports=1',
      );
      expect(result.stdout).toBe(`${ok}\r\n\r\n`);
    }
  });
});

describe('unelevated', () => {
  const MUTATIONS: readonly [string, string[], number][] = [
    ['netsh', ADD_1433, 1],
    [
      'netsh',
      ['interface', 'ipv4', 'delete', 'excludedportrange', 'protocol=tcp', 'startport=50000', 'numberofports=60'],
      1,
    ],
    ['netsh', ['int', 'ipv4', 'set', 'dynamicport', 'tcp', 'start=49152', 'num=16384'], 1],
    [
      'netsh',
      ['interface', 'portproxy', 'add', 'v4tov4', 'listenport=8022', 'connectaddress=10.0.0.2', 'connectport=22'],
      1,
    ],
    ['netsh', ['interface', 'portproxy', 'delete', 'v4tov4', 'listenport=2222', 'listenaddress=0.0.0.0'], 1],
    ['netsh', ['interface', 'portproxy', 'reset'], 1],
    [
      'netsh',
      ['advfirewall', 'firewall', 'add', 'rule', 'name=x', 'dir=in', 'action=allow', 'protocol=TCP', 'localport=8022'],
      1,
    ],
    ['netsh', ['advfirewall', 'firewall', 'delete', 'rule', 'name=WSL SSH 2222'], 1],
    ['net', ['stop', 'winnat'], 2],
    ['net', ['stop', 'iphlpsvc'], 2],
  ];

  it.each(MUTATIONS)('%s %j fails with the elevation error and changes nothing', async (command, args, exitCode) => {
    const runner = simFor('forwarding');
    runner.machine.elevated = false;
    const before = JSON.stringify(runner.machine);
    const result = await runner.run(command as 'netsh' | 'net', args);
    expect(result.exitCode).toBe(exitCode);
    if (command === 'netsh')
      expect(result.stdout).toBe('The requested operation requires elevation (Run as administrator).\r\n\r\n');
    else expect(result.stderr).toBe('System error 5 has occurred.\r\n\r\nAccess is denied.\r\n\r\n');
    expect(JSON.stringify(runner.machine)).toBe(before);
  });

  it('the not-elevated scenario answers net session with System error 5 (exit 2), elevated ones with exit 0', async () => {
    expect(await simFor('not-elevated').run('net', ['session'])).toMatchObject({
      exitCode: 2,
      stderr: 'System error 5 has occurred.\r\n\r\nAccess is denied.\r\n\r\n',
    });
    expect(await simFor('clean').run('net', ['session'])).toMatchObject({
      exitCode: 0,
      stdout: 'There are no entries in the list.\r\n\r\n',
    });
  });

  it('reads still work unelevated', async () => {
    const runner = simFor('not-elevated');
    expect((await netsh(runner, 'interface', 'ipv4', 'show', 'excludedportrange', 'protocol=tcp')).exitCode).toBe(0);
    expect((await runner.run('sc', ['query', 'winnat'])).exitCode).toBe(0);
  });

  it('localizes the netsh elevation error', async () => {
    const runner = simFor('not-elevated', { language: 'ko' });
    expect((await netsh(runner, ...ADD_1433)).stdout).toBe('요청한 작업을 수행하려면 권한 상승이 필요합니다.\r\n\r\n');
  });
});
