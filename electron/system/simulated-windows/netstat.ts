/**
 * `netstat -ano` / `-an` (any order of the flags, `-p tcp|udp`). Layout from netstat-anob-more.en.1.txt:
 * a 2-space indent, `%-7s%-23s%-23s%-16s%s` columns; `-an` ends at the state, and UDP rows then keep the
 * padding of the foreign-address column (20 spaces after `*:*` in netstat-an.de.1-cp850-mojibake-fragment.txt).
 * German translates the state words; every other real capture keeps them English (SOURCES.md §6).
 * Addresses are always numeric here (without -n real netstat would print host names).
 */
import { column } from './display-width';
import { stdoutOf, type SimOutput } from './output';
import { effectiveSockets, ipVersionOf } from './sockets';
import type { Machine, SimSocket } from './state';
import type { Texts } from './texts';

const endpoint = (address: string, port: number): string =>
  ipVersionOf(address) === 'ipv6' ? `[${address}]:${port}` : `${address}:${port}`;

const addressKey = (address: string): string =>
  ipVersionOf(address) === 'ipv4'
    ? address
        .split('.')
        .map((octet) => octet.padStart(3, '0'))
        .join('.')
    : address;

/** TCP before UDP, IPv4 before IPv6, then by local address and port, as netstat lists them. */
const order = (a: SimSocket, b: SimSocket): number =>
  a.protocol.localeCompare(b.protocol) ||
  ipVersionOf(a.localAddress).localeCompare(ipVersionOf(b.localAddress)) ||
  addressKey(a.localAddress).localeCompare(addressKey(b.localAddress)) ||
  a.localPort - b.localPort ||
  (a.remotePort ?? 0) - (b.remotePort ?? 0);

const row = (texts: Texts, socket: SimSocket, withPid: boolean): string => {
  const remote = socket.remoteAddress === null ? '*:*' : endpoint(socket.remoteAddress, socket.remotePort ?? 0);
  const state = socket.state === null ? '' : (texts.netstatStates[socket.state] ?? socket.state);
  const head = `  ${socket.protocol.toUpperCase().padEnd(7)}${column(endpoint(socket.localAddress, socket.localPort), 23)}${column(remote, 23)}`;
  return withPid ? `${head}${column(state, 16)}${socket.pid}` : `${head}${state}`;
};

interface NetstatFlags {
  all: boolean;
  pid: boolean;
  protocol: 'tcp' | 'udp' | null;
}

const parseFlags = (args: readonly string[]): NetstatFlags | null => {
  const flags: NetstatFlags = { all: false, pid: false, protocol: null };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (!/^[-/][a-z]+$/i.test(arg)) return null;
    for (const letter of arg.slice(1).toLowerCase()) {
      if (letter === 'a') flags.all = true;
      else if (letter === 'o') flags.pid = true;
      else if (letter === 'p') {
        const protocol = args[++i]?.toLowerCase();
        if (protocol !== 'tcp' && protocol !== 'udp') return null;
        flags.protocol = protocol;
      } else if (letter !== 'n') return null;
    }
  }
  return flags;
};

export const runNetstat = (machine: Machine, texts: Texts, args: readonly string[]): SimOutput => {
  const flags = parseFlags(args);
  if (!flags) {
    return stdoutOf(1, [
      '',
      'Displays protocol statistics and current TCP/IP network connections.',
      '',
      'NETSTAT [-a] [-n] [-o] [-p proto]',
      '',
    ]);
  }
  const header = flags.pid ? texts.netstatHeader : texts.netstatHeader.replace(/PID\s*$/, '').trimEnd();
  const sockets = effectiveSockets(machine)
    .filter((s) => flags.protocol === null || s.protocol === flags.protocol)
    // Without -a netstat shows connections only: no listeners, no UDP endpoints.
    .filter((s) => flags.all || (s.protocol === 'tcp' && s.state !== 'LISTENING'))
    .sort(order);
  return stdoutOf(0, ['', texts.netstatTitle, '', header, ...sockets.map((s) => row(texts, s, flags.pid))]);
};
