/**
 * The native read layer (electron/system/native) over a simulated machine: the same facts the Win32
 * APIs give on Windows, answered from the machine's state. Endpoints are the machine's own netstat
 * table read back through parseNetstat (the sockets the simulated netstat lists are by construction
 * what GetExtendedTcpTable/UdpTable would return), so both sources agree and a service cannot tell
 * them apart; portproxy rules come from the simulated registry through the native layer's own value
 * decoder. Used by tests and the bench to run the services' native path without Windows; the real
 * layer is exercised under Wine (`npm run test:win32`).
 */
import type { ServiceStatus } from '../../../shared/model';
import type { NativeWindows, TcpConnection } from '../native';
import { PORT_PROXY_TYPES, portProxyRuleFromValue } from '../native/port-proxy-values';
import { parseNetstat } from '../parse';
import { runNetstat } from './netstat';
import type { Machine } from './state';
import { textsFor } from './texts';

const ERROR_ACCESS_DENIED = 5;
const ERROR_NOT_FOUND = 1168;

/** Reads `machine` live: pass the runner's machine so changes made through commands show at once. */
export const createSimulatedNative = (machine: Machine): NativeWindows & { readonly calls: string[] } => {
  const calls: string[] = [];
  const endpoints = (protocol: 'tcp' | 'udp') =>
    parseNetstat(runNetstat(machine, textsFor('en'), ['-ano']).stdout).filter((entry) => entry.protocol === protocol);
  const user = (owner: 'system' | 'user') => (owner === 'system' ? 'NT AUTHORITY\\SYSTEM' : 'DEVBOX\\dev');
  return {
    calls,
    tcpEndpoints: () => (calls.push('tcpEndpoints'), endpoints('tcp')),
    udpEndpoints: () => (calls.push('udpEndpoints'), endpoints('udp')),
    processes() {
      calls.push('processes');
      return machine.processes.map((p) => ({
        image: p.image,
        pid: p.pid,
        services: [...p.services],
        // Windows refuses PROCESS_QUERY_LIMITED_INFORMATION for the protected System process.
        ...(p.pid > 4 ? { path: `C:\\Windows\\System32\\${p.image}`, user: user(p.owner) } : {}),
      }));
    },
    portProxyRules() {
      calls.push('portProxyRules');
      return PORT_PROXY_TYPES.flatMap((type) =>
        Object.entries(machine.portproxy[type]).flatMap(([name, data]) => {
          const rule = portProxyRuleFromValue(type, name, data);
          return rule ? [rule] : [];
        }),
      );
    },
    isElevated: () => (calls.push('isElevated'), machine.elevated),
    windowsDirectory: () => (calls.push('windowsDirectory'), 'C:\\Windows'),
    serviceState(name: string): ServiceStatus {
      calls.push('serviceState');
      return machine.services[name.toLowerCase()]?.status ?? 'absent';
    },
    setTcpEntryDeleteTcb(connection: TcpConnection): number {
      calls.push('setTcpEntryDeleteTcb');
      if (!machine.elevated) return ERROR_ACCESS_DENIED;
      const index = machine.sockets.findIndex(
        (s) =>
          s.protocol === 'tcp' &&
          s.state === 'ESTABLISHED' &&
          s.localAddress === connection.localAddress &&
          s.localPort === connection.localPort &&
          s.remoteAddress === connection.remoteAddress &&
          s.remotePort === connection.remotePort,
      );
      if (index === -1) return ERROR_NOT_FOUND;
      machine.sockets.splice(index, 1);
      return 0;
    },
  };
};
