/**
 * Live tests of the native layer against a real (or Wine) Windows, run by the Windows tier: bundled with
 * esbuild and executed by the Windows node.exe with `node --test`. Named `*.win32-test.ts` so vitest's
 * `*.test.ts` glob never picks them up on Linux.
 *
 * Wine differs from Windows in two ways these tests allow for: TCP rows carry owner PID 0 (so TCP PIDs
 * are not asserted), and IPv6 loopback rows carry scope id 0x1000 (`::1%4096`; Windows gives `::1`), so
 * under Wine only the address before `%` is compared.
 */
import assert from 'node:assert/strict';
// The registry rule is written with reg.exe, independently of the code under test; this tier never ships.
import { execFileSync } from 'node:child_process';
import dgram from 'node:dgram';
import { existsSync } from 'node:fs';
import net from 'node:net';
import { after, before, describe, it } from 'node:test';
import { openNativeWindows, type NativeWindows } from './index';
import { loadKoffi } from './koffi-loader';

/** Wine's ntdll exports wine_get_version; Windows' does not. */
const underWine = ((): boolean => {
  try {
    loadKoffi().load('ntdll.dll').func('const char *wine_get_version()');
    return true;
  } catch {
    return false;
  }
})();

/** The address as Windows reports it; under Wine, without the scope id Wine adds to every IPv6 address. */
const comparable = (address: string): string => (underWine ? address.replace(/%[0-9]+$/, '') : address);

const SERVICE_STATES = ['running', 'stopped', 'starting', 'stopping', 'absent', 'unknown'];

const listenTcp = (host: string): Promise<net.Server> =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, host, () => resolve(server));
  });

const bindUdp = (type: 'udp4' | 'udp6', host: string): Promise<dgram.Socket> =>
  new Promise((resolve, reject) => {
    const socket = dgram.createSocket(type);
    socket.once('error', reject);
    socket.bind(0, host, () => resolve(socket));
  });

const portOf = (address: string | net.AddressInfo | null): number => {
  assert.ok(address !== null && typeof address === 'object');
  return address.port;
};

describe('native layer on Windows', () => {
  let native: NativeWindows;
  let reason = '';

  before(() => {
    const opened = openNativeWindows({ onUnavailable: (why) => (reason = why) });
    assert.ok(opened, `openNativeWindows returned null: ${reason}`);
    native = opened;
  });

  describe('TCP and UDP endpoints', () => {
    const servers: net.Server[] = [];
    const sockets: dgram.Socket[] = [];

    after(async () => {
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
      sockets.forEach((socket) => socket.close());
    });

    it('lists a TCP listener on 127.0.0.1 and one on ::1 with their ports, LISTENING', async () => {
      const v4 = await listenTcp('127.0.0.1');
      const v6 = await listenTcp('::1');
      servers.push(v4, v6);
      const rows = native.tcpEndpoints();
      const v4Row = rows.find((row) => row.localAddress === '127.0.0.1' && row.localPort === portOf(v4.address()));
      const v6Row = rows.find(
        (row) => comparable(row.localAddress) === '::1' && row.localPort === portOf(v6.address()),
      );
      assert.ok(v4Row, 'IPv4 listener missing');
      assert.ok(v6Row, 'IPv6 listener missing');
      assert.deepEqual(
        [v4Row.protocol, v4Row.state, v4Row.remoteAddress, v4Row.remotePort],
        ['tcp', 'LISTENING', '0.0.0.0', 0],
      );
      assert.deepEqual(
        [v6Row.protocol, v6Row.state, v6Row.remoteAddress, v6Row.remotePort],
        ['tcp', 'LISTENING', '::', 0],
      );
    });

    it('lists wildcard listeners as netstat does: 0.0.0.0 and ::', async () => {
      const v4 = await listenTcp('0.0.0.0');
      const v6 = await listenTcp('::');
      servers.push(v4, v6);
      const rows = native.tcpEndpoints();
      const has = (address: string, port: number, remote: string): boolean =>
        rows.some(
          (row) =>
            row.localAddress === address &&
            row.localPort === port &&
            row.remoteAddress === remote &&
            row.remotePort === 0 &&
            row.state === 'LISTENING',
        );
      assert.ok(has('0.0.0.0', portOf(v4.address()), '0.0.0.0'), 'IPv4 wildcard listener missing');
      assert.ok(has('::', portOf(v6.address()), '::'), 'IPv6 wildcard listener missing');
    });

    it('lists an established connection to its own listener from both ends', async () => {
      const server = await listenTcp('127.0.0.1');
      servers.push(server);
      const port = portOf(server.address());
      const accepted = new Promise<net.Socket>((resolve) => server.once('connection', resolve));
      const client = net.connect(port, '127.0.0.1');
      await new Promise((resolve) => client.once('connect', resolve));
      const serverSide = await accepted;
      try {
        const rows = native.tcpEndpoints().filter((row) => row.state === 'ESTABLISHED');
        const clientPort = client.localPort ?? -1;
        assert.ok(
          rows.some(
            (row) => row.localPort === clientPort && row.remotePort === port && row.remoteAddress === '127.0.0.1',
          ),
        );
        assert.ok(rows.some((row) => row.localPort === port && row.remotePort === clientPort));
      } finally {
        client.destroy();
        serverSide.destroy();
      }
    });

    it('lists a UDP socket on IPv4 and on IPv6 with this process as owner', async () => {
      const v4 = await bindUdp('udp4', '127.0.0.1');
      const v6 = await bindUdp('udp6', '::1');
      sockets.push(v4, v6);
      const rows = native.udpEndpoints();
      const v4Row = rows.find((row) => row.localAddress === '127.0.0.1' && row.localPort === v4.address().port);
      const v6Row = rows.find((row) => comparable(row.localAddress) === '::1' && row.localPort === v6.address().port);
      assert.ok(v4Row, 'IPv4 UDP socket missing');
      assert.ok(v6Row, 'IPv6 UDP socket missing');
      for (const row of [v4Row, v6Row]) {
        assert.deepEqual([row.protocol, row.remoteAddress, row.remotePort, row.state], ['udp', null, null, null]);
        assert.equal(row.pid, process.pid);
      }
    });
  });

  it('lists this process as node.exe', () => {
    const self = native.processes().find((entry) => entry.pid === process.pid);
    assert.ok(self, 'own process missing');
    assert.equal(self.image.toLowerCase(), 'node.exe');
    assert.ok(Array.isArray(self.services));
    if (self.path !== undefined) assert.match(self.path, /node\.exe$/i);
    if (self.user !== undefined) assert.match(self.user, /\\/);
  });

  it('reads back a portproxy rule written with reg.exe, then no longer after it is deleted', () => {
    const reg = `${native.windowsDirectory()}\\System32\\reg.exe`;
    const key = 'HKLM\\SYSTEM\\CurrentControlSet\\Services\\PortProxy\\v4tov4\\tcp';
    const rule = {
      type: 'v4tov4',
      listenAddress: '0.0.0.0',
      listenPort: 2222,
      connectAddress: '192.168.1.5',
      connectPort: 22,
    };
    execFileSync(reg, ['add', key, '/v', '0.0.0.0/2222', '/t', 'REG_SZ', '/d', '192.168.1.5/22', '/f'], {
      stdio: 'ignore',
    });
    try {
      assert.ok(native.portProxyRules().some((found) => JSON.stringify(found) === JSON.stringify(rule)));
    } finally {
      execFileSync(reg, ['delete', key, '/v', '0.0.0.0/2222', '/f'], { stdio: 'ignore' });
    }
    assert.ok(!native.portProxyRules().some((found) => JSON.stringify(found) === JSON.stringify(rule)));
  });

  it('says whether this process is elevated', () => {
    assert.equal(typeof native.isElevated(), 'boolean');
  });

  it('gives the Windows directory, which exists', () => {
    const directory = native.windowsDirectory();
    assert.match(directory, /^[A-Z]:\\/);
    assert.ok(existsSync(directory), `${directory} does not exist`);
  });

  it('reads the state of winnat and iphlpsvc, and absent for a made-up service', () => {
    assert.ok(SERVICE_STATES.includes(native.serviceState('winnat')));
    assert.ok(SERVICE_STATES.includes(native.serviceState('iphlpsvc')));
    assert.equal(native.serviceState('portwarden-no-such-service-7f3a'), 'absent');
  });

  it('refuses to close a connection that is not IPv4 without calling Windows', () => {
    assert.equal(
      native.setTcpEntryDeleteTcb({ localAddress: '::1', localPort: 1, remoteAddress: '::1', remotePort: 2 }),
      87,
    );
  });
});
