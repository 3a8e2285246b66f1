/** Deterministic endpoints for the benchmark: the same 20,000 rows on every run, with every owner kind. */
import type { Endpoint, OwnerKind } from '../../shared/model';

const IMAGES = [
  'node.exe',
  'svchost.exe',
  'java.exe',
  'postgres.exe',
  'nginx.exe',
  'python.exe',
  'wslrelay.exe',
  'com.docker.backend.exe',
  'System',
  'Code.exe',
];
const OWNERS: Record<string, OwnerKind> = {
  'wslrelay.exe': 'wsl-relay',
  'com.docker.backend.exe': 'docker',
  System: 'kernel',
};
const STATES = ['LISTENING', 'ESTABLISHED', 'TIME_WAIT', 'CLOSE_WAIT'];

export const syntheticEndpoints = (count: number): Endpoint[] => {
  // mulberry32: reproducible without a dependency.
  let seed = 42;
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return Array.from({ length: count }, (_, index) => {
    const image = IMAGES[Math.floor(next() * IMAGES.length)] ?? 'node.exe';
    const tcp = next() < 0.8;
    const ipv6 = next() < 0.25;
    const state = tcp ? (STATES[Math.floor(next() * STATES.length)] ?? 'LISTENING') : null;
    const connected = state !== null && state !== 'LISTENING';
    return {
      protocol: tcp ? 'tcp' : 'udp',
      ipVersion: ipv6 ? 'ipv6' : 'ipv4',
      localAddress: ipv6 ? '::' : index % 3 === 0 ? '127.0.0.1' : '0.0.0.0',
      localPort: 1 + Math.floor(next() * 65535),
      remoteAddress: connected ? `10.0.${index % 256}.${Math.floor(next() * 255)}` : null,
      remotePort: connected ? 1024 + Math.floor(next() * 60000) : null,
      state,
      pid: image === 'System' ? 4 : 1000 + Math.floor(next() * 30000),
      image,
      services: image === 'svchost.exe' ? ['iphlpsvc', 'Dnscache'] : [],
      owner: OWNERS[image] ?? 'process',
    } satisfies Endpoint;
  });
};
