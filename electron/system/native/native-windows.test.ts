/**
 * The NativeWindows methods over a fake Win32Api: buffer growth and retry caps, error mapping, handle
 * release and output order. The fake writes what the documented APIs write into the caller's buffers.
 */
import { describe, expect, it } from 'vitest';
import { NativeReadError } from './native-read-error';
import { createNativeWindows } from './native-windows';
import {
  buildTable,
  ENUM_SERVICE_STATUS_PROCESSW,
  ipv4Dword,
  MIB_TCPROW_OWNER_PID,
  MIB_UDPROW_OWNER_PID,
  portDword,
  PROCESSENTRY32W,
  SERVICE_STATUS_PROCESS,
  writeStruct,
} from '../../../test/helpers/win32-layout-writer';
import type { Handle, Win32Api } from './win32-api';

const unexpected = (name: string) => () => {
  throw new Error(`unexpected call to ${name}`);
};

/** A Win32Api whose every function throws unless the test provides it; counts open and closed handles. */
const fakeApi = (overrides: Partial<Win32Api>) => {
  const open = new Set<bigint>();
  let next = 0x100n;
  const handle = (): bigint => {
    next += 4n;
    open.add(next);
    return next;
  };
  const close = (h: Handle): number => (h !== null && open.delete(h) ? 1 : 0);
  const addresses = new WeakMap<Buffer, bigint>();
  let nextAddress = 0x7ff0_0000_0000n;
  const api = new Proxy(
    {
      systemDirectory: 'C:\\Windows\\system32',
      GetLastError: () => 0,
      CloseHandle: close,
      CloseServiceHandle: close,
      RegCloseKey: (h: Handle) => (close(h) ? 0 : 6),
      addressOf: (buffer: Buffer) => {
        if (!addresses.has(buffer)) addresses.set(buffer, (nextAddress += 0x10_0000n));
        return addresses.get(buffer) ?? 0n;
      },
      unload: () => undefined,
      ...overrides,
    } as Partial<Win32Api>,
    { get: (target, name: string) => (target as Record<string, unknown>)[name] ?? unexpected(name) },
  ) as Win32Api;
  return { api, handle, open };
};

const tcpTable = buildTable(MIB_TCPROW_OWNER_PID, [
  {
    dwState: 2,
    dwLocalAddr: ipv4Dword([0, 0, 0, 0]),
    dwLocalPort: portDword(135),
    dwRemoteAddr: 0,
    dwRemotePort: 0,
    dwOwningPid: 1028,
  },
]);

describe('tcpEndpoints / udpEndpoints', () => {
  it('grows the buffer while the API answers ERROR_INSUFFICIENT_BUFFER, IPv4 rows before IPv6', () => {
    const sizesSeen: number[] = [];
    const { api } = fakeApi({
      GetExtendedTcpTable: (table, size, _order, family) => {
        const content = family === 2 ? tcpTable : buildTable(MIB_TCPROW_OWNER_PID, []);
        sizesSeen.push(size.readUInt32LE(0));
        if (!table || table.length < content.length + 20_000) {
          size.writeUInt32LE(content.length + 20_000, 0);
          return 122;
        }
        content.copy(table);
        return 0;
      },
    });
    const rows = createNativeWindows(api).tcpEndpoints();
    expect(rows).toEqual([
      {
        protocol: 'tcp',
        localAddress: '0.0.0.0',
        localPort: 135,
        remoteAddress: '0.0.0.0',
        remotePort: 0,
        state: 'LISTENING',
        pid: 1028,
      },
    ]);
    expect(sizesSeen.length).toBe(4); // too small then enough, for each family
  });

  it('gives up with a NativeReadError after a capped number of tries', () => {
    let calls = 0;
    const { api } = fakeApi({
      GetExtendedUdpTable: (_table, size) => {
        calls += 1;
        size.writeUInt32LE(size.readUInt32LE(0) * 2, 0);
        return 122;
      },
    });
    expect(() => createNativeWindows(api).udpEndpoints()).toThrow(NativeReadError);
    expect(calls).toBeLessThanOrEqual(5);
  });

  it('throws a NativeReadError carrying the API and its error code', () => {
    const { api } = fakeApi({ GetExtendedUdpTable: () => 87 });
    expect(() => createNativeWindows(api).udpEndpoints()).toThrow(
      expect.objectContaining({ name: 'NativeReadError', api: 'GetExtendedUdpTable', code: 87 }),
    );
  });

  it('decodes UDP tables', () => {
    const udp = buildTable(MIB_UDPROW_OWNER_PID, [
      { dwLocalAddr: ipv4Dword([0, 0, 0, 0]), dwLocalPort: portDword(123), dwOwningPid: 1840 },
    ]);
    const { api } = fakeApi({
      GetExtendedUdpTable: (table, _size, _order, family) => {
        (family === 2 ? udp : buildTable(MIB_UDPROW_OWNER_PID, [])).copy(table ?? Buffer.alloc(0));
        return 0;
      },
    });
    expect(
      createNativeWindows(api)
        .udpEndpoints()
        .map((row) => [row.localAddress, row.localPort, row.pid]),
    ).toEqual([['0.0.0.0', 123, 1840]]);
  });
});

describe('portProxyRules', () => {
  const values: Record<string, [string, number, string][]> = {
    v4tov4: [
      ['0.0.0.0/8080', 1, '172.28.241.140/80'],
      ['ignored-binary', 3, 'x'],
      ['0.0.0.0/2222', 1, '192.168.1.5/22'],
    ],
    v6tov6: [['::1/8443', 1, 'fd00::2/443']],
  };

  it('reads the four keys in show-all order, registry order within a key; a missing key is no rules', () => {
    const { api, handle, open } = fakeApi({});
    const keys = new Map<bigint, string>();
    const opened: string[] = [];
    let dataTooSmallOnce = true;
    Object.assign(api, {
      RegOpenKeyExW: (root: bigint, path: string, _options: number, access: number, result: Buffer) => {
        expect(root).toBe(0xffff_ffff_8000_0002n);
        expect(access).toBe(0x20019 | 0x100);
        const type = /PortProxy\\(v\dtov\d)\\tcp$/.exec(path)?.[1] ?? '';
        opened.push(type);
        if (!values[type]) return 2;
        const key = handle();
        keys.set(key, type);
        result.writeBigUInt64LE(key, 0);
        return 0;
      },
      RegEnumValueW: (
        key: bigint,
        index: number,
        name: Buffer,
        nameChars: Buffer,
        _reserved: null,
        type: Buffer,
        data: Buffer,
        dataBytes: Buffer,
      ) => {
        const value = values[keys.get(key) ?? '']?.[index];
        if (!value) return 259;
        const encoded = Buffer.from(`${value[2]}\0`, 'utf16le');
        if (dataTooSmallOnce) {
          dataTooSmallOnce = false;
          dataBytes.writeUInt32LE(data.length * 3, 0);
          return 234;
        }
        name.write(value[0], 'utf16le');
        nameChars.writeUInt32LE(value[0].length, 0);
        type.writeUInt32LE(value[1], 0);
        encoded.copy(data);
        dataBytes.writeUInt32LE(encoded.length, 0);
        return 0;
      },
    });
    expect(createNativeWindows(api).portProxyRules()).toEqual([
      { type: 'v4tov4', listenAddress: '0.0.0.0', listenPort: 8080, connectAddress: '172.28.241.140', connectPort: 80 },
      { type: 'v4tov4', listenAddress: '0.0.0.0', listenPort: 2222, connectAddress: '192.168.1.5', connectPort: 22 },
      { type: 'v6tov6', listenAddress: '::1', listenPort: 8443, connectAddress: 'fd00::2', connectPort: 443 },
    ]);
    expect(opened).toEqual(['v4tov4', 'v4tov6', 'v6tov4', 'v6tov6']);
    expect(open.size).toBe(0);
  });

  it('throws a NativeReadError for an error other than a missing key, e.g. access denied', () => {
    const { api } = fakeApi({ RegOpenKeyExW: () => 5 });
    expect(() => createNativeWindows(api).portProxyRules()).toThrow(
      expect.objectContaining({ api: 'RegOpenKeyExW', code: 5 }),
    );
  });
});

describe('serviceState', () => {
  const scm = (
    openService: (name: string) => { handle: boolean; error?: number; state?: number; queryError?: number },
  ) => {
    let lastError = 0;
    const { api, handle, open } = fakeApi({});
    Object.assign(api, {
      GetLastError: () => lastError,
      OpenSCManagerW: () => handle(),
      OpenServiceW: (_manager: bigint, name: string) => {
        const answer = openService(name);
        if (!answer.handle) {
          lastError = answer.error ?? 0;
          return null;
        }
        return handle();
      },
      QueryServiceStatusEx: (_service: bigint, _level: number, buffer: Buffer) => {
        const answer = openService('');
        if (answer.queryError) {
          lastError = answer.queryError;
          return 0;
        }
        writeStruct(buffer, 0, SERVICE_STATUS_PROCESS, { dwCurrentState: answer.state ?? 0 });
        return 1;
      },
    });
    return { native: createNativeWindows(api), open };
  };

  it.each([
    [4, 'running'],
    [1, 'stopped'],
    [2, 'starting'],
    [3, 'stopping'],
  ])('dwCurrentState %d is %s, and both handles are closed', (state, status) => {
    const { native, open } = scm(() => ({ handle: true, state }));
    expect(native.serviceState('winnat')).toBe(status);
    expect(open.size).toBe(0);
  });

  it('is absent for ERROR_SERVICE_DOES_NOT_EXIST and unknown for access denied', () => {
    expect(scm(() => ({ handle: false, error: 1060 })).native.serviceState('nope')).toBe('absent');
    expect(scm(() => ({ handle: false, error: 5 })).native.serviceState('iphlpsvc')).toBe('unknown');
    expect(scm(() => ({ handle: true, queryError: 5 })).native.serviceState('iphlpsvc')).toBe('unknown');
  });

  it('throws a NativeReadError for other failures, closing the manager', () => {
    const { native, open } = scm(() => ({ handle: false, error: 1072 }));
    expect(() => native.serviceState('winnat')).toThrow(expect.objectContaining({ api: 'OpenServiceW', code: 1072 }));
    expect(open.size).toBe(0);
  });
});

describe('processes', () => {
  it('lists every snapshot entry with its services, path and user where readable; closes every handle', () => {
    const { api, handle, open } = fakeApi({});
    const entries = [
      { pid: 0, exe: '[System Process]' },
      { pid: 1240, exe: 'svchost.exe' },
      { pid: 4242, exe: 'node.exe' },
    ];
    let cursor = 0;
    const fill = (entry: Buffer): number => {
      const next = entries[cursor++];
      if (!next) return 0;
      expect(entry.readUInt32LE(0)).toBe(568);
      writeStruct(entry, 0, PROCESSENTRY32W, { th32ProcessID: next.pid, szExeFile: `${next.exe}\0` });
      return 1;
    };
    const tokens = new Set<bigint>();
    Object.assign(api, {
      OpenSCManagerW: () => handle(),
      EnumServicesStatusExW: (
        _manager: bigint,
        _level: number,
        _type: number,
        _state: number,
        buffer: Buffer,
        _size: number,
        _needed: Buffer,
        returned: Buffer,
      ) => {
        const base = api.addressOf(buffer);
        const strings = 2 * ENUM_SERVICE_STATUS_PROCESSW.size;
        const names = ['RpcSs', 'Spooler'];
        names.forEach((name, index) => {
          const at = strings + index * 64;
          buffer.write(`${name}\0`, at, 'utf16le');
          writeStruct(buffer, index * ENUM_SERVICE_STATUS_PROCESSW.size, ENUM_SERVICE_STATUS_PROCESSW, {
            lpServiceName: base + BigInt(at),
            lpDisplayName: base + BigInt(at),
            dwCurrentState: index === 0 ? 4 : 1,
            dwProcessId: index === 0 ? 1240 : 0,
          });
        });
        returned.writeUInt32LE(2, 0);
        return 1;
      },
      CreateToolhelp32Snapshot: () => handle(),
      Process32FirstW: (_snapshot: bigint, entry: Buffer) => fill(entry),
      Process32NextW: (_snapshot: bigint, entry: Buffer) => fill(entry),
      OpenProcess: (_access: number, _inherit: number, pid: number) => (pid === 1240 ? null : handle()),
      QueryFullProcessImageNameW: (_process: bigint, _flags: number, name: Buffer, size: Buffer) => {
        const path = 'C:\\Program Files\\nodejs\\node.exe';
        name.write(path, 'utf16le');
        size.writeUInt32LE(path.length, 0);
        return 1;
      },
      OpenProcessToken: (_process: bigint, _access: number, token: Buffer) => {
        const t = handle();
        tokens.add(t);
        token.writeBigUInt64LE(t, 0);
        return 1;
      },
      GetTokenInformation: (_token: bigint, _class: number, info: Buffer | null, length: number, returned: Buffer) => {
        returned.writeUInt32LE(32, 0);
        if (!info || length < 32) return 0;
        info.writeBigUInt64LE(api.addressOf(info) + 16n, 0);
        Buffer.from([1, 1, 0, 0, 0, 0, 0, 5, 21, 0, 0, 0]).copy(info, 16);
        return 1;
      },
      LookupAccountSidW: (
        _system: null,
        _sid: bigint,
        name: Buffer,
        nameChars: Buffer,
        domain: Buffer,
        domainChars: Buffer,
      ) => {
        name.write('dev', 'utf16le');
        nameChars.writeUInt32LE(3, 0);
        domain.write('PC', 'utf16le');
        domainChars.writeUInt32LE(2, 0);
        return 1;
      },
    });
    expect(createNativeWindows(api).processes()).toEqual([
      { image: '[System Process]', pid: 0, services: [] },
      { image: 'svchost.exe', pid: 1240, services: ['RpcSs'] },
      { image: 'node.exe', pid: 4242, services: [], path: 'C:\\Program Files\\nodejs\\node.exe', user: 'PC\\dev' },
    ]);
    expect(tokens.size).toBe(1);
    expect(open.size).toBe(0);
  });

  it('throws a NativeReadError when the snapshot cannot be taken', () => {
    const { api, handle } = fakeApi({});
    Object.assign(api, {
      GetLastError: () => 8,
      OpenSCManagerW: () => handle(),
      EnumServicesStatusExW: (...args: unknown[]) => {
        (args[7] as Buffer).writeUInt32LE(0, 0);
        return 1;
      },
      CreateToolhelp32Snapshot: () => 0xffff_ffff_ffff_ffffn,
    });
    expect(() => createNativeWindows(api).processes()).toThrow(
      expect.objectContaining({ api: 'CreateToolhelp32Snapshot', code: 8 }),
    );
  });
});

describe('isElevated, windowsDirectory, setTcpEntryDeleteTcb', () => {
  it('reads TokenElevation at each call (never cached)', () => {
    let elevated = 1;
    const { api, handle, open } = fakeApi({});
    Object.assign(api, {
      GetCurrentProcess: () => 0xffff_ffff_ffff_ffffn,
      OpenProcessToken: (_p: bigint, _a: number, token: Buffer) => {
        token.writeBigUInt64LE(handle(), 0);
        return 1;
      },
      GetTokenInformation: (_t: bigint, infoClass: number, info: Buffer) => {
        expect(infoClass).toBe(20);
        info.writeUInt32LE(elevated, 0);
        return 1;
      },
    });
    const native = createNativeWindows(api);
    expect(native.isElevated()).toBe(true);
    elevated = 0;
    expect(native.isElevated()).toBe(false);
    expect(open.size).toBe(0);
  });

  it('reads the Windows directory, growing the buffer when the path is long', () => {
    const long = `C:\\${'x'.repeat(300)}`;
    const { api } = fakeApi({
      GetSystemWindowsDirectoryW: (buffer, size) => {
        if (size <= long.length) return long.length + 1;
        buffer.write(long, 'utf16le');
        return long.length;
      },
    });
    expect(createNativeWindows(api).windowsDirectory()).toBe(long);
  });

  it('returns SetTcpEntry’s code, or ERROR_INVALID_PARAMETER without calling it for a non-IPv4 row', () => {
    const rows: Buffer[] = [];
    const { api } = fakeApi({
      SetTcpEntry: (row) => {
        rows.push(row);
        return 5;
      },
    });
    const native = createNativeWindows(api);
    expect(
      native.setTcpEntryDeleteTcb({
        localAddress: '127.0.0.1',
        localPort: 1,
        remoteAddress: '127.0.0.1',
        remotePort: 2,
      }),
    ).toBe(5);
    expect(
      native.setTcpEntryDeleteTcb({ localAddress: '::1', localPort: 1, remoteAddress: '::1', remotePort: 2 }),
    ).toBe(87);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.readUInt32LE(0)).toBe(12);
  });
});
