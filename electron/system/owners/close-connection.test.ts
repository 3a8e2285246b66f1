import { describe, expect, it } from 'vitest';
import { HOSTILE_ADDRESSES, HOSTILE_PORTS } from '../../../test/helpers/hostile-inputs';
import { CHANNELS } from '../../../shared/ipc';
import { closeConnectionSchema, type CloseConnection } from '../../../shared/validate';
import { createActivityLog } from '../activity-log';
import type { NativeWindows } from '../native';
import { NativeReadError } from '../native';
import { createSimulatedWindows } from '../run/choose-windows';
import { createPortsService } from '.';

const FIXED_NOW = () => new Date('2026-12-05T00:00:00Z');

/** chrome.exe's connection to GitHub, ESTABLISHED in every scenario. */
const CHROME: CloseConnection = {
  localAddress: '192.168.1.23',
  localPort: 52044,
  remoteAddress: '140.82.112.4',
  remotePort: 443,
  pid: 12764,
  image: 'chrome.exe',
};

const setUp = (options: { native?: (base: NativeWindows) => NativeWindows | null; scenario?: string } = {}) => {
  const windows = createSimulatedWindows({ scenario: options.scenario ?? 'clean', locale: 'en', nativeReads: true });
  const native = options.native ? options.native(windows.native!) : windows.native;
  const activity = createActivityLog(windows.runner, { native });
  const ports = createPortsService({ now: FIXED_NOW });
  const chromeSockets = () =>
    windows.runner.machine.sockets.filter((s) => s.localPort === CHROME.localPort && s.remotePort === 443);
  return { windows, activity, ports, chromeSockets };
};

describe('closeConnection', () => {
  it('closes an ESTABLISHED IPv4 connection and says applied because the re-read no longer lists it', async () => {
    const { activity, ports, chromeSockets, windows } = setUp();
    const result = await activity.change(() => ports.closeConnection(activity.begin('close-connection'), CHROME));
    expect(result.ok && result.value).toMatchObject({
      outcome: 'applied',
      connection: { localAddress: '192.168.1.23', localPort: 52044, remoteAddress: '140.82.112.4', remotePort: 443 },
      pid: 12764,
      image: 'chrome.exe',
    });
    expect(chromeSockets()).toEqual([]);
    expect(windows.native?.calls.filter((c) => c === 'setTcpEntryDeleteTcb')).toHaveLength(1);
    // The Win32 call is in the activity log like a command, with its verified result.
    const record = activity.list().find((r) => r.command === 'SetTcpEntry');
    expect(record).toMatchObject({
      args: ['MIB_TCP_STATE_DELETE_TCB', '192.168.1.23:52044', '140.82.112.4:443'],
      exitCode: 0,
      verified: 'applied',
    });
  });

  it('says not-applied when Windows still lists the connection, whatever SetTcpEntry returned', async () => {
    // A layer whose SetTcpEntry answers 0 but closes nothing: the return code alone must not count.
    const { activity, ports, chromeSockets } = setUp({
      native: (base) => ({ ...base, setTcpEntryDeleteTcb: () => 0 }),
    });
    const result = await ports.closeConnection(activity.begin('close-connection'), CHROME);
    expect(result.ok && result.value.outcome).toBe('not-applied');
    expect(result.ok && result.value.message).toMatch(/192\.168\.1\.23:52044 → 140\.82\.112\.4:443 is still open/);
    expect(chromeSockets()).toHaveLength(1);
  });

  it('says not-applied with the Win32 error when Windows refuses (access denied, unelevated)', async () => {
    const { activity, ports, windows, chromeSockets } = setUp();
    windows.runner.machine.elevated = false;
    const result = await ports.closeConnection(activity.begin('close-connection'), CHROME);
    expect(result.ok && result.value.outcome).toBe('not-applied');
    expect(result.ok && result.value.message).toMatch(/Win32 error 5 \(access denied\)/);
    expect(chromeSockets()).toHaveLength(1);
  });

  it('says unknown when the TCP table cannot be read after the call', async () => {
    let reads = 0;
    const { activity, ports, windows } = setUp({
      native: (base) => ({
        ...base,
        tcpEndpoints: () => {
          reads += 1;
          if (reads > 1) throw new NativeReadError('GetExtendedTcpTable', 8);
          return base.tcpEndpoints();
        },
      }),
    });
    // The fallback (netstat) fails too: nothing can say whether the connection is gone.
    windows.runner.injectFault({ match: { command: 'netstat' }, kind: 'fail', once: false });
    const result = await ports.closeConnection(activity.begin('close-connection'), CHROME);
    expect(result.ok && result.value.outcome).toBe('unknown');
    expect(result.ok && result.value.message).toMatch(/refresh/);
  });

  it('refuses without the native layer: there is no command that closes a connection', async () => {
    const { activity, ports, windows, chromeSockets } = setUp({ native: () => null });
    const result = await ports.closeConnection(activity.begin('close-connection'), CHROME);
    expect(result).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(!result.ok && result.error.message).toMatch(/native read layer/);
    expect(chromeSockets()).toHaveLength(1);
    expect(windows.runner.calls).toEqual([]);
  });

  it('refuses a connection that is not ESTABLISHED, and one that is gone', async () => {
    const { activity, ports, windows } = setUp();
    const socket = windows.runner.machine.sockets.find((s) => s.localPort === 52044)!;
    socket.state = 'CLOSE_WAIT';
    const notEstablished = await ports.closeConnection(activity.begin('c'), CHROME);
    expect(notEstablished).toMatchObject({ ok: false, error: { code: 'refused', detail: 'CLOSE_WAIT' } });
    const gone = await ports.closeConnection(activity.begin('c'), { ...CHROME, remotePort: 444 });
    expect(gone).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(windows.native?.calls).not.toContain('setTcpEntryDeleteTcb');
  });

  it('refuses with conflict when another process owns the connection now', async () => {
    const { activity, ports, windows } = setUp();
    const otherPid = await ports.closeConnection(activity.begin('c'), { ...CHROME, pid: 9184 });
    expect(otherPid).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const otherImage = await ports.closeConnection(activity.begin('c'), { ...CHROME, image: 'node.exe' });
    expect(otherImage).toMatchObject({ ok: false, error: { code: 'conflict', detail: 'chrome.exe' } });
    expect(windows.native?.calls).not.toContain('setTcpEntryDeleteTcb');
  });
});

describe('closeConnection input (owners:close-connection)', () => {
  it('is the channel name the issue asks for', () => {
    expect(CHANNELS.closeConnection).toBe('owners:close-connection');
  });

  it('accepts the connection as listed', () => {
    expect(closeConnectionSchema.safeParse(CHROME).success).toBe(true);
  });

  it.each(['::1', 'fe80::1', '::ffff:192.168.1.23', ...HOSTILE_ADDRESSES.filter((a) => a !== '192.168.1.23')])(
    'rejects %j as an address and names the field',
    (address) => {
      for (const field of ['localAddress', 'remoteAddress'] as const) {
        const parsed = closeConnectionSchema.safeParse({ ...CHROME, [field]: address });
        expect(parsed.success, `${field}=${JSON.stringify(address)}`).toBe(false);
        expect(parsed.error?.issues[0]).toMatchObject({ path: [field], message: 'ipv4-connection' });
      }
    },
  );

  it.each([...HOSTILE_PORTS, 0, 65536, -1, 1.5, '0443'])('rejects %j as a port', (port) => {
    for (const field of ['localPort', 'remotePort'] as const) {
      const parsed = closeConnectionSchema.safeParse({ ...CHROME, [field]: port });
      expect(parsed.success, `${field}=${JSON.stringify(port)}`).toBe(false);
      expect(parsed.error?.issues[0]?.path).toEqual([field]);
    }
  });

  it('rejects unknown fields, a missing owner and a hostile image', () => {
    expect(closeConnectionSchema.safeParse({ ...CHROME, state: 'ESTABLISHED' }).success).toBe(false);
    const { pid: _pid, ...noPid } = CHROME;
    expect(closeConnectionSchema.safeParse(noPid).success).toBe(false);
    expect(closeConnectionSchema.safeParse({ ...CHROME, image: 'chrome.exe & calc' }).success).toBe(false);
    expect(closeConnectionSchema.safeParse({ ...CHROME, pid: 0 }).success).toBe(false);
  });
});
