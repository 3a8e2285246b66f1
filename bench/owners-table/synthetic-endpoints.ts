/** Deterministic endpoints for the benchmark: the same rows on every run, with every owner kind, path and user. */
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
/**
 * Where the native layer finds each image, and whose it is: the path and user columns (issue #11) are
 * searched and sorted like the rest. System has neither (Windows does not open PID 4).
 */
const PATHS: Record<string, string> = {
  'node.exe': 'C:\\nodejs\\node.exe',
  'svchost.exe': 'C:\\Windows\\System32\\svchost.exe',
  'java.exe': 'C:\\jdk21\\bin\\java.exe',
  'postgres.exe': 'D:\\pg16\\bin\\postgres.exe',
  'nginx.exe': 'D:\\nginx\\nginx.exe',
  'python.exe': 'C:\\py312\\python.exe',
  'wslrelay.exe': 'C:\\wsl\\wslrelay.exe',
  'com.docker.backend.exe': 'C:\\Docker\\com.docker.backend.exe',
  'Code.exe': 'C:\\VSCode\\Code.exe',
};
const USERS: Record<string, string> = {
  'svchost.exe': 'NT AUTHORITY\\SYSTEM',
  'postgres.exe': 'NT AUTHORITY\\NETWORK SERVICE',
  'java.exe': 'PC7\\ci',
  'python.exe': 'PC7\\ml',
  'nginx.exe': 'PC7\\www',
};

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
      // After every random draw, so the other columns are the rows they were before these two existed.
      ...(image === 'System' ? {} : { path: PATHS[image] ?? `C:\\${image}`, user: USERS[image] ?? 'PC7\\ana' }),
    } satisfies Endpoint;
  });
};
