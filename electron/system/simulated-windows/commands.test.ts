import { describe, expect, it } from 'vitest';
import * as builders from '../commands';
import { IPHLPSVC_PID } from './scenarios';
import { effectiveSockets } from './sockets';
import { netsh, simFor } from '../../../test/helpers/simulated-machine';

describe('netsh argv', () => {
  it('accepts the app argv and netsh spellings: case, prefixes, positional values, tags in any order', async () => {
    const runner = simFor('hyperv-reserved');
    const { command, args } = builders.showExcludedRanges({ protocol: 'tcp', ipVersion: 'ipv4' });
    const canonical = (await runner.run(command, args)).stdout;
    for (const variant of [
      ['int', 'ipv4', 'show', 'excludedportrange', 'protocol=tcp'],
      ['INTERFACE', 'IPv4', 'SHOW', 'ExcludedPortRange', 'PROTOCOL=TCP'],
      ['interface', 'ip', 'sh', 'excl', 'tcp'],
      ['interface', 'ipv4', 'show', 'excludedportrange', 'store=persistent', 'protocol=tcp'],
    ]) {
      expect(await netsh(runner, ...variant)).toMatchObject({ exitCode: 0, stdout: canonical });
    }
  });

  it('runs every builder in commands.ts', async () => {
    const runner = simFor('hyperv-reserved');
    const family = { protocol: 'tcp', ipVersion: 'ipv6' } as const;
    for (const line of [
      builders.showExcludedRanges(family),
      builders.showDynamicRange(family),
      builders.queryService('winnat'),
      builders.elevationProbe(),
      builders.oemCodePageQuery(),
      builders.setDynamicRange(family, 49152, 16384),
      builders.stopService('winnat'),
      builders.addExcludedRange(family, 8065, 1),
      builders.deleteExcludedRange(family, 8065, 1),
      builders.startService('winnat'),
    ]) {
      expect((await runner.run(line.command, line.args)).exitCode, line.args.join(' ')).toBe(0);
    }
    expect(runner.machine.dynamic.ipv6.tcp).toEqual({ start: 49152, count: 16384 });
    expect(runner.machine.dynamic.ipv4.tcp).toEqual({ start: 1024, count: 64511 });
  });

  it('answers an invalid argument with usage and exit code 0, like netsh', async () => {
    const result = await netsh(
      simFor('clean'),
      'interface',
      'ipv4',
      'show',
      'excludedportrange',
      'protocol=tcp',
      'colour=blue',
    );
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(
      /^'colour' is not a valid argument for this command\.\r\nThe syntax supplied for this command is not valid\. Check help for the correct syntax\.\r\n\r\nUsage: show excludedportrange /,
    );
  });

  it('answers an unknown or ambiguous verb with "The following command was not found", exit 1', async () => {
    const runner = simFor('clean');
    expect(await netsh(runner, 'interface', 'ipv4', 'shoe', 'excludedportrange')).toMatchObject({
      exitCode: 1,
      stdout: 'The following command was not found: interface ipv4 shoe excludedportrange.\r\n\r\n',
    });
    // `ipv` could be ipv4 or ipv6.
    expect((await netsh(runner, 'interface', 'ipv', 'show', 'excludedportrange', 'tcp')).exitCode).toBe(1);
  });

  it('asks for missing essential parameters', async () => {
    const result = await netsh(
      simFor('clean'),
      'interface',
      'ipv4',
      'add',
      'excludedportrange',
      'protocol=tcp',
      'startport=1433',
    );
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toMatch(/^One or more essential parameters were not entered\.\r\n/);
  });

  it('rejects a bad protocol value and out-of-range ports without changing anything', async () => {
    const runner = simFor('clean');
    const before = JSON.stringify(runner.machine);
    expect((await netsh(runner, 'int', 'ipv4', 'show', 'excludedportrange', 'protocol=icmp')).exitCode).toBe(1);
    expect((await netsh(runner, 'int', 'ipv4', 'add', 'excludedportrange', 'tcp', '65535', '2')).stdout).toBe(
      'The parameter is incorrect.\r\n\r\n',
    );
    expect((await netsh(runner, 'int', 'ipv4', 'set', 'dynamic', 'tcp', 'start=60000', 'num=100')).exitCode).toBe(1);
    expect(JSON.stringify(runner.machine)).toBe(before);
  });

  it('set dynamicport changes the range and prints Ok.', async () => {
    const runner = simFor('dynamic-1024', { language: 'zh-CN' });
    const result = await netsh(runner, 'int', 'ipv4', 'set', 'dynamic', 'tcp', 'start=49152', 'num=16384');
    expect(result).toMatchObject({ exitCode: 0, stdout: '确定。\r\n\r\n' });
    const shown = await netsh(runner, 'int', 'ipv4', 'show', 'dynamicport', 'tcp');
    expect(shown.stdout).toBe(
      '\r\n协议 tcp 动态端口范围\r\n---------------------------------\r\n启动端口        : 49152\r\n端口数          : 16384\r\n\r\n',
    );
  });
});

describe('portproxy', () => {
  const add = (listen: string, port: number, connect: string, connectPort: number) => [
    'interface',
    'portproxy',
    'add',
    'v4tov4',
    `listenport=${port}`,
    `listenaddress=${listen}`,
    `connectport=${connectPort}`,
    `connectaddress=${connect}`,
  ];

  it('add prints only a line break, and add with an existing listen key silently replaces the rule', async () => {
    const runner = simFor('forwarding');
    expect(await netsh(runner, ...add('0.0.0.0', 8080, '172.28.241.141', 8080))).toMatchObject({
      exitCode: 0,
      stdout: '\r\n',
    });
    expect(runner.machine.portproxy.v4tov4['0.0.0.0/8080']).toBe('172.28.241.141/8080');
    expect(Object.keys(runner.machine.portproxy.v4tov4)).toEqual(['0.0.0.0/2222', '0.0.0.0/8080', '127.0.0.1/8888']);
    const shown = await netsh(runner, 'interface', 'portproxy', 'show', 'v4tov4');
    expect(shown.stdout).toContain('0.0.0.0         8080        172.28.241.141  8080\r\n');
    expect(shown.stdout).not.toContain('172.28.241.140  80\r\n');
  });

  it('an omitted listen address is stored and shown as *; connectport defaults to listenport', async () => {
    const runner = simFor('clean');
    await netsh(runner, 'interface', 'portproxy', 'add', 'v4tov4', 'listenport=13333', 'connectaddress=127.0.0.1');
    expect(runner.machine.portproxy.v4tov4).toEqual({ '*/13333': '127.0.0.1/13333' });
    expect((await netsh(runner, 'interface', 'portproxy', 'show', 'all')).stdout).toContain(
      '*               13333       127.0.0.1       13333\r\n',
    );
  });

  it('delete prints nothing; deleting a missing rule fails with file not found, exit 1', async () => {
    const runner = simFor('forwarding');
    const del = ['interface', 'portproxy', 'delete', 'v4tov4', 'listenport=2222', 'listenaddress=0.0.0.0'];
    expect(await netsh(runner, ...del)).toMatchObject({ exitCode: 0, stdout: '\r\n' });
    expect(await netsh(runner, ...del)).toMatchObject({
      exitCode: 1,
      stdout: 'The system cannot find the file specified.\r\n\r\n',
    });
  });

  it('set needs an existing rule; reset removes them all; show of nothing is a blank line', async () => {
    const runner = simFor('forwarding');
    expect(
      (await netsh(runner, 'interface', 'portproxy', 'set', 'v4tov4', 'listenport=1', 'connectaddress=10.0.0.1'))
        .exitCode,
    ).toBe(1);
    expect(
      (
        await netsh(
          runner,
          'interface',
          'portproxy',
          'set',
          'v4tov6',
          'listenport=8081',
          'listenaddress=127.0.0.1',
          'connectaddress=::1',
          'connectport=8081',
        )
      ).exitCode,
    ).toBe(0);
    expect(runner.machine.portproxy.v4tov6).toEqual({ '127.0.0.1/8081': '::1/8081' });
    expect((await netsh(runner, 'interface', 'portproxy', 'reset')).stdout).toBe('\r\n');
    expect((await netsh(runner, 'interface', 'portproxy', 'show', 'all')).stdout).toBe('\r\n');
  });

  it('rules listen as the svchost.exe hosting iphlpsvc, only while it runs, under a new pid after a restart', async () => {
    const runner = simFor('forwarding');
    const proxyListeners = () =>
      effectiveSockets(runner.machine).filter((s) => [2222, 8080, 8081, 8888, 9000].includes(s.localPort));
    expect(proxyListeners().map((s) => s.pid)).toEqual([
      IPHLPSVC_PID,
      IPHLPSVC_PID,
      IPHLPSVC_PID,
      IPHLPSVC_PID,
      IPHLPSVC_PID,
    ]);
    expect((await runner.run('net', ['stop', 'iphlpsvc'])).exitCode).toBe(0);
    expect(proxyListeners()).toEqual([]);
    expect((await runner.run('tasklist', ['/fo', 'csv', '/nh', '/svc'])).stdout).not.toContain('iphlpsvc');
    const started = await runner.run('net', ['start', 'iphlpsvc']);
    expect(started.stdout).toBe(
      'The IP Helper service is starting..\r\nThe IP Helper service was started successfully.\r\n\r\n',
    );
    const pids = new Set(proxyListeners().map((s) => s.pid));
    expect(pids.size).toBe(1);
    expect(pids.has(IPHLPSVC_PID)).toBe(false);
    const tasklist = await runner.run('tasklist', ['/fo', 'csv', '/nh', '/svc']);
    expect(tasklist.stdout).toContain(`"svchost.exe","${[...pids][0]}","iphlpsvc"\r\n`);
  });

  it('broken-iphlpsvc has rules but no listeners', async () => {
    const runner = simFor('broken-iphlpsvc');
    expect((await netsh(runner, 'interface', 'portproxy', 'show', 'all')).stdout).toContain('172.28.241.140  22');
    const netstat = await runner.run('netstat', ['-ano']);
    expect(netstat.stdout).not.toContain(':2222 ');
    expect((await runner.run('sc', ['query', 'iphlpsvc'])).stdout).toContain('STATE              : 1  STOPPED\r\n');
  });

  it('a rule over an excluded port cannot listen', async () => {
    const runner = simFor('hyperv-reserved');
    await netsh(runner, ...add('0.0.0.0', 8065, '172.28.241.140', 8065));
    expect(effectiveSockets(runner.machine).some((s) => s.localPort === 8065)).toBe(false);
  });
});

describe('advfirewall', () => {
  it('adds, shows and deletes rules in the sample layout', async () => {
    const runner = simFor('clean');
    const addRule = [
      'advfirewall',
      'firewall',
      'add',
      'rule',
      'name=Allow MQTT',
      'dir=in',
      'action=allow',
      'protocol=TCP',
      'localport=1883',
    ];
    expect(await netsh(runner, ...addRule)).toMatchObject({ exitCode: 0, stdout: 'Ok.\r\n\r\n' });
    const shown = await netsh(runner, 'advfirewall', 'firewall', 'show', 'rule', 'name=Allow MQTT');
    expect(shown.stdout).toBe(
      [
        '',
        'Rule Name:                            Allow MQTT',
        '-'.repeat(70),
        'Enabled:                              Yes',
        'Direction:                            In',
        'Profiles:                             Domain,Private,Public',
        'Grouping:                             ',
        'LocalIP:                              Any',
        'RemoteIP:                             Any',
        'Protocol:                             TCP',
        'LocalPort:                            1883',
        'RemotePort:                           Any',
        'Edge traversal:                       No',
        'Action:                               Allow',
        'Ok.',
        '',
      ].join('\r\n') + '\r\n',
    );
    expect(await netsh(runner, 'advfirewall', 'firewall', 'delete', 'rule', 'name=Allow MQTT')).toMatchObject({
      exitCode: 0,
      stdout: '\r\nDeleted 1 rule(s).\r\nOk.\r\n\r\n',
    });
    expect(await netsh(runner, 'advfirewall', 'firewall', 'show', 'rule', 'name=Allow MQTT')).toMatchObject({
      exitCode: 1,
      stdout: '\r\nNo rules match the specified criteria.\r\n\r\n',
    });
  });
});

describe('net, sc, reg, taskkill', () => {
  it('net stop of a stopped service: 3521, exit 2 (even unelevated); an absent one: 2185', async () => {
    const runner = simFor('not-elevated');
    runner.machine.services.winnat!.status = 'stopped';
    expect(await runner.run('net', ['stop', 'winnat'])).toMatchObject({
      exitCode: 2,
      stdout: '',
      stderr:
        'The Windows NAT Driver service is not started.\r\n\r\nMore help is available by typing NET HELPMSG 3521.\r\n\r\n',
    });
    const absent = simFor('winnat-absent', { language: 'ko' });
    expect(await absent.run('net', ['stop', 'winnat'])).toMatchObject({
      exitCode: 2,
      stderr:
        '서비스 이름이 잘못되었습니다.\r\n\r\nNET HELPMSG 2185을(를) 입력하면 도움말을 더 볼 수 있습니다.\r\n\r\n',
    });
    expect((await absent.run('net', ['start', 'winnat'])).exitCode).toBe(2);
  });

  it('net start of a running service: 2182; Korean success texts', async () => {
    const runner = simFor('clean', { language: 'ko' });
    expect((await runner.run('net', ['start', 'winnat'])).stderr).toContain('NET HELPMSG 2182');
    expect((await runner.run('net', ['stop', 'WinNat'])).stdout).toBe(
      '\r\nWindows NAT Driver 서비스를 잘 멈추었습니다.\r\n\r\n',
    );
    expect((await runner.run('net', ['start', 'winnat'])).stdout).toBe(
      '\r\nWindows NAT Driver 서비스가 잘 시작되었습니다.\r\n\r\n',
    );
  });

  it('sc query: state number and word; absent -> 1060', async () => {
    const runner = simFor('clean');
    await runner.run('net', ['stop', 'winnat']);
    expect((await runner.run('sc', ['query', 'winnat'])).stdout).toContain(
      '        STATE              : 1  STOPPED\r\n                                (NOT_STOPPABLE,',
    );
    expect(await simFor('winnat-absent').run('sc', ['query', 'winnat'])).toMatchObject({
      exitCode: 1060,
      stdout:
        '[SC] EnumQueryServicesStatus:OpenService FAILED 1060:\r\n\r\nThe specified service does not exist as an installed service.\r\n\r\n',
    });
  });

  it('reg query reports the OEM code page of the display language', async () => {
    for (const [language, codePage] of [
      ['en', 437],
      ['ko', 949],
      ['de', 850],
      ['zh-CN', 936],
    ] as const) {
      const { command, args } = builders.oemCodePageQuery();
      const result = await simFor('clean', { language }).run(command, args);
      expect(result).toMatchObject({
        exitCode: 0,
        stdout: `\r\nHKEY_LOCAL_MACHINE\\SYSTEM\\CurrentControlSet\\Control\\Nls\\CodePage\r\n    OEMCP    REG_SZ    ${codePage}\r\n\r\n`,
      });
    }
  });

  it('taskkill: success, not found, refusals', async () => {
    const runner = simFor('clean');
    expect(await runner.run('taskkill', ['/F', '/PID', '9184'])).toMatchObject({
      exitCode: 0,
      stdout: 'SUCCESS: The process with PID 9184 has been terminated.\r\n',
    });
    expect(effectiveSockets(runner.machine).some((s) => s.pid === 9184)).toBe(false);
    expect(await runner.run('taskkill', ['/F', '/PID', '9184'])).toMatchObject({
      exitCode: 128,
      stderr: 'ERROR: The process "9184" not found.\r\n',
    });
    expect(await runner.run('taskkill', ['/f', '/pid', '0'])).toMatchObject({
      exitCode: 1,
      stderr:
        'ERROR: The process with PID 0 could not be terminated.\r\nReason: This is critical system process. Taskkill cannot end this process.\r\n',
    });
    expect((await runner.run('taskkill', ['/F', '/PID', '4'])).exitCode).toBe(1);
    const unelevated = simFor('not-elevated');
    expect((await unelevated.run('taskkill', ['/F', '/PID', String(IPHLPSVC_PID)])).stderr).toContain(
      'Reason: Access is denied.',
    );
    expect((await unelevated.run('taskkill', ['/F', '/PID', '7120'])).exitCode).toBe(0);
    const ko = simFor('clean', { language: 'ko' });
    expect((await ko.run('taskkill', ['/f', '/pid', '9184'])).stdout).toBe(
      '성공: 프로세스(PID 9184)가 종료되었습니다.\r\n',
    );
  });

  it('killing the iphlpsvc host stops the service and its portproxy listeners', async () => {
    const runner = simFor('forwarding');
    await runner.run('taskkill', ['/F', '/PID', String(IPHLPSVC_PID)]);
    expect(runner.machine.services.iphlpsvc!.status).toBe('stopped');
    expect(effectiveSockets(runner.machine).some((s) => s.localPort === 2222)).toBe(false);
  });

  it('tasklist filters by pid and says INFO when nothing matches', async () => {
    const runner = simFor('clean');
    expect((await runner.run('tasklist', ['/fi', 'PID eq 7120', '/fo', 'csv', '/nh', '/svc'])).stdout).toBe(
      '"wslrelay.exe","7120","N/A"\r\n',
    );
    expect((await runner.run('tasklist', ['/fi', 'PID eq 7', '/fo', 'csv', '/nh'])).stdout).toBe(
      'INFO: No tasks are running which match the specified criteria.\r\n',
    );
    expect((await runner.run('tasklist', ['/fo', 'csv', '/fi', 'IMAGENAME eq node.exe'])).stdout).toBe(
      '"Image Name","PID","Session Name","Session#","Mem Usage"\r\n"node.exe","9184","Console","1","59,184 K"\r\n',
    );
  });

  it('netstat: -ano and -an layouts, German states, -p filter, listeners only with -a', async () => {
    const runner = simFor('clean', { language: 'de' });
    const an = (await runner.run('netstat', ['-an'])).stdout;
    expect(
      an.startsWith('\r\nAktive Verbindungen\r\n\r\n  Proto  Lokale Adresse         Remoteadresse          Status\r\n'),
    ).toBe(true);
    expect(an).toContain('  TCP    0.0.0.0:135            0.0.0.0:0              ABHÖREN\r\n');
    expect(an).toContain(`  UDP    0.0.0.0:5353           *:*${' '.repeat(20)}\r\n`);
    const ano = (await simFor('clean').run('netstat', ['-a', '-n', '-o', '-p', 'tcp'])).stdout;
    expect(ano).toContain('  TCP    [::1]:5173             [::]:0                 LISTENING       7120\r\n');
    expect(ano).not.toContain('UDP');
    const connections = (await simFor('clean').run('netstat', ['-no'])).stdout;
    expect(connections).not.toContain('LISTENING');
    expect(connections).toContain('ESTABLISHED     12764');
    expect((await runner.run('netstat', ['-x'])).exitCode).toBe(1);
  });
});
