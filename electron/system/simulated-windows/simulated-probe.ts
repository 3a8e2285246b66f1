/**
 * The TcpProbe over a simulated machine: "does the target answer?" judged from machine state, so tests
 * and the demo never open a connection. Loopback targets reach the machine's own LISTENING sockets
 * (portproxy listeners included while iphlpsvc runs); everything else reaches machine.remoteHosts.
 *
 * The machine is read at each call, so a probe built over a SimRunner's live machine sees the effect
 * of every command run since (`net stop iphlpsvc` closes the portproxy listeners).
 */
import type { TcpProbe } from '../portproxy/types';
import { effectiveSockets } from './sockets';
import type { Machine, SimRemoteHost } from './state';
import { messageOf } from '../../../shared/result';

export interface SimProbeOptions {
  /**
   * Real delay added to every probe (demo spinners), like SimRunnerOptions.latencyMs. When set, a probe
   * takes its simulated time for real: an answer its ms, no answer the whole timeout. Unset or 0, a probe
   * ends within FAST_MS whatever it reports.
   */
  readonly latencyMs?: number;
}

type ProbeResult = Awaited<ReturnType<TcpProbe['probe']>>;

/** Upper bound of the real wait when no latency is set: keeps tests fast while staying asynchronous. */
export const FAST_MS = 3;
/** Reported round trip of a remote host without its own latencyMs (a LAN or the WSL switch). */
export const DEFAULT_REMOTE_LATENCY_MS = 1;

type Outcome =
  | { readonly kind: 'answer'; readonly ms: number; readonly via?: string }
  | { readonly kind: 'no-answer'; readonly via?: string }
  | { readonly kind: 'unresolved' };

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

const isIpv4 = (host: string): boolean => {
  const match = IPV4.exec(host);
  return match !== null && match.slice(1).every((octet) => Number(octet) <= 255);
};

/** `::1` in any spelling (`0:0:0:0:0:0:0:1`, `0000::0001`); a `[::1]` from a URL is unbracketed first. */
const isIpv6Loopback = (host: string): boolean => {
  if (!/^[0-9a-f:]+$/.test(host) || (host.match(/::/g) ?? []).length > 1) return false;
  const [head = '', tail] = host.split('::');
  const groups = (text: string) => (text === '' ? [] : text.split(':'));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const zeros = tail === undefined ? 0 : 8 - left.length - right.length;
  if (zeros < 0 || (tail === undefined && left.length !== 8)) return false;
  const all = [...left, ...Array<string>(zeros).fill('0'), ...right];
  return (
    all.length === 8 &&
    all.every((g) => /^[0-9a-f]{1,4}$/.test(g)) &&
    all.every((g, i) => parseInt(g, 16) === (i === 7 ? 1 : 0))
  );
};

const isIpLiteral = (host: string): boolean => isIpv4(host) || host.includes(':');

/** Addresses whose listeners accept a connection to `host` on the machine itself; null when host is not loopback. */
const loopbackBinds = (host: string): readonly string[] | null => {
  if (host === 'localhost') return ['0.0.0.0', '127.0.0.1', '::', '::1']; // Windows tries ::1, then 127.0.0.1
  if (isIpv4(host) && host.startsWith('127.')) return ['0.0.0.0', host];
  if (isIpv6Loopback(host)) return ['::', '::1'];
  return null;
};

const loopbackOutcome = (machine: Machine, binds: readonly string[], port: number, via?: string): Outcome => {
  const listening = effectiveSockets(machine).some(
    (s) =>
      s.protocol === 'tcp' &&
      s.state === 'LISTENING' &&
      s.localPort === port &&
      binds.includes(s.localAddress.toLowerCase()),
  );
  return listening ? { kind: 'answer', ms: 0, via } : { kind: 'no-answer', via };
};

const remoteOutcome = (remote: SimRemoteHost, port: number, via?: string): Outcome =>
  remote.openPorts.includes(port)
    ? { kind: 'answer', ms: remote.latencyMs ?? DEFAULT_REMOTE_LATENCY_MS, via }
    : { kind: 'no-answer', via };

const outcomeFor = (machine: Machine, host: string, port: number): Outcome => {
  const loopback = loopbackBinds(host);
  if (loopback) return loopbackOutcome(machine, loopback, port);
  // A machine assigned from an old document (not through deserializeMachine) may lack the field.
  const remotes = machine.remoteHosts ?? [];
  if (isIpLiteral(host)) {
    // An address answers for the host it belongs to, whether listed by address or as a name's resolvesTo.
    const remote =
      remotes.find((r) => r.address.toLowerCase() === host) ??
      remotes.find((r) => r.resolvesTo?.toLowerCase() === host);
    return remote ? remoteOutcome(remote, port) : { kind: 'no-answer' };
  }
  const named = remotes.find((r) => r.address.toLowerCase() === host);
  if (!named) return { kind: 'unresolved' };
  const address = named.resolvesTo?.toLowerCase();
  // A name may point back at the machine (a hosts-file entry for 127.0.0.1).
  const viaLoopback = address === undefined ? null : loopbackBinds(address);
  if (viaLoopback) return loopbackOutcome(machine, viaLoopback, port, address);
  return remoteOutcome(named, port, address);
};

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

const normalizeHost = (host: string): string => {
  const trimmed = host.trim().toLowerCase();
  return trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
};

export const createSimProbe = (machine: Machine, options: SimProbeOptions = {}): TcpProbe => {
  const extra = Math.max(0, options.latencyMs ?? 0);
  const wait = (simulatedMs: number) => sleep(extra > 0 ? simulatedMs : Math.min(simulatedMs, FAST_MS));

  const probe = async (rawHost: string, port: number, rawTimeoutMs: number): Promise<ProbeResult> => {
    const timeoutMs = Number.isFinite(rawTimeoutMs) ? Math.max(0, rawTimeoutMs) : 0;
    if (!Number.isInteger(port) || port < 1 || port > 65535) {
      return { answered: false, ms: 0, detail: `invalid port ${String(port)}` };
    }
    const host = normalizeHost(String(rawHost));
    const outcome = outcomeFor(machine, host, port);
    if (outcome.kind === 'unresolved') {
      const ms = Math.min(extra, timeoutMs);
      await wait(ms);
      return { answered: false, ms, detail: `name not resolved: ${host}` };
    }
    const ms = outcome.kind === 'answer' ? outcome.ms + extra : Infinity;
    // A round trip at or beyond the timeout is, to the caller, the same as no answer (simulated-runner.ts times out alike).
    if (ms >= timeoutMs) {
      await wait(timeoutMs);
      return { answered: false, ms: timeoutMs, detail: `no answer in ${timeoutMs} ms` };
    }
    await wait(ms);
    return { answered: true, ms, detail: `answered in ${ms} ms${outcome.via ? ` (${outcome.via})` : ''}` };
  };

  return {
    // Never throws: a simulator bug becomes an unanswered probe, as run() turns one into a result.
    probe: async (host, port, timeoutMs) => {
      try {
        return await probe(host, port, timeoutMs);
      } catch (error) {
        return {
          answered: false,
          ms: 0,
          detail: `simulator error: ${messageOf(error)}`,
        };
      }
    },
  };
};
