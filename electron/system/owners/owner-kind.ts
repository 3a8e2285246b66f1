/**
 * Who a socket belongs to, in the words of the issue threads (docs/architecture.md §1): a portproxy rule (the
 * svchost.exe hosting iphlpsvc), WSL's localhost relay, Docker's published ports, the kernel (PID 4:
 * HTTP.sys, SMB), or an ordinary process.
 */
import type { OwnerKind } from '../../../shared/model';

/**
 * Docker Desktop publishes container ports from com.docker.backend.exe (4.x), from vpnkit.exe and
 * com.docker.proxy.exe in older releases, and from docker-proxy with a Docker engine run natively.
 */
const DOCKER_IMAGES = new Set([
  'com.docker.backend.exe',
  'com.docker.proxy.exe',
  'vpnkit.exe',
  'docker-proxy.exe',
  'docker-proxy',
]);

import { KERNEL_PIDS } from '../../../shared/system-owners';

export { KERNEL_PIDS };

export const hostsService = (services: readonly string[], name: string): boolean =>
  services.some((s) => s.toLowerCase() === name.toLowerCase());

export const ownerKindOf = (pid: number | null, image: string | null, services: readonly string[]): OwnerKind => {
  if (pid !== null && KERNEL_PIDS.has(pid)) return 'kernel';
  const name = image?.toLowerCase() ?? '';
  if (name === 'svchost.exe' && hostsService(services, 'iphlpsvc')) return 'portproxy';
  if (name === 'wslrelay.exe') return 'wsl-relay';
  if (DOCKER_IMAGES.has(name)) return 'docker';
  return 'process';
};
