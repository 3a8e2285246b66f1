/**
 * Which ports are in use. Stored sockets plus the listeners iphlpsvc opens for portproxy rules: a rule
 * shows up in netstat as a plain LISTENING socket (netstat-anp-find.en.1.txt) owned by the svchost.exe
 * that hosts iphlpsvc, and only while iphlpsvc runs (docs/architecture.md §1).
 */
import {
  hostProcessOf,
  PORTPROXY_TYPES,
  splitProxyKey,
  type Machine,
  type SimIpVersion,
  type SimProtocol,
  type SimSocket,
} from './state';

export const ipVersionOf = (address: string): SimIpVersion => (address.includes(':') ? 'ipv6' : 'ipv4');

const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;
const isIpLiteral = (address: string): boolean =>
  IPV4.test(address) || (/^[0-9a-fA-F:.]+$/.test(address) && address.includes(':'));

export const isPortExcluded = (
  machine: Machine,
  ipVersion: SimIpVersion,
  protocol: SimProtocol,
  port: number,
): boolean => machine.excluded[ipVersion][protocol].some((range) => port >= range.start && port <= range.end);

/**
 * The address iphlpsvc binds for a rule's listen address. `*` (listenaddress omitted) binds the
 * unspecified address; a host name other than localhost is left out (we do not model name resolution).
 */
const bindAddress = (listenAddress: string, listenV6: boolean): string | null => {
  if (listenAddress === '*') return listenV6 ? '::' : '0.0.0.0';
  if (listenAddress.toLowerCase() === 'localhost') return listenV6 ? '::1' : '127.0.0.1';
  return isIpLiteral(listenAddress) ? listenAddress : null;
};

export const portproxyListeners = (machine: Machine): SimSocket[] => {
  const host = hostProcessOf(machine, 'iphlpsvc');
  if (machine.services.iphlpsvc?.status !== 'running' || !host) return [];
  const sockets: SimSocket[] = [];
  for (const type of PORTPROXY_TYPES) {
    const listenV6 = type.startsWith('v6');
    for (const key of Object.keys(machine.portproxy[type])) {
      const [address, portText] = splitProxyKey(key);
      const localAddress = bindAddress(address, listenV6);
      const localPort = Number(portText);
      // A rule over an excluded port cannot bind: the rule exists but nothing listens (the Docker symptom).
      if (localAddress === null || isPortExcluded(machine, ipVersionOf(localAddress), 'tcp', localPort)) continue;
      if (sockets.some((s) => s.localAddress === localAddress && s.localPort === localPort)) continue;
      const remoteAddress = ipVersionOf(localAddress) === 'ipv6' ? '::' : '0.0.0.0';
      sockets.push({
        protocol: 'tcp',
        localAddress,
        localPort,
        remoteAddress,
        remotePort: 0,
        state: 'LISTENING',
        pid: host.pid,
      });
    }
  }
  return sockets;
};

export const effectiveSockets = (machine: Machine): SimSocket[] => [...machine.sockets, ...portproxyListeners(machine)];

/** A port counts as in use for a family when any socket of that protocol and IP version has it as its local port. */
export const isPortInUse = (
  machine: Machine,
  ipVersion: SimIpVersion,
  protocol: SimProtocol,
  start: number,
  end: number,
): boolean =>
  effectiveSockets(machine).some(
    (s) =>
      s.protocol === protocol &&
      ipVersionOf(s.localAddress) === ipVersion &&
      s.localPort >= start &&
      s.localPort <= end,
  );
