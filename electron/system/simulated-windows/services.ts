/**
 * Service state changes and their side effects: WinNAT's reservations (winnat.ts) and iphlpsvc's
 * host process. Since Windows 10 1703 most services get their own svchost.exe, so a restarted
 * iphlpsvc comes back under a NEW pid (the portproxy listeners follow it).
 */
import { allocatePid, hostProcessOf, type Machine, type SimService } from './state';
import { dropWinnatBlocks, reserveWinnatBlocks } from './winnat';

export const stopService = (machine: Machine, name: string, service: SimService): void => {
  service.status = 'stopped';
  if (name === 'winnat') dropWinnatBlocks(machine);
  const host = hostProcessOf(machine, name);
  if (!host) return;
  host.services = host.services.filter((s) => s.toLowerCase() !== name);
  if (host.services.length === 0 && host.image.toLowerCase() === 'svchost.exe') {
    machine.processes = machine.processes.filter((p) => p !== host);
    machine.sockets = machine.sockets.filter((s) => s.pid !== host.pid);
  }
};

export const startService = (machine: Machine, name: string, service: SimService): void => {
  service.status = 'running';
  if (name === 'winnat') reserveWinnatBlocks(machine);
  if (service.kind === 'share-process' && !hostProcessOf(machine, name)) {
    machine.processes.push({
      pid: allocatePid(machine),
      image: 'svchost.exe',
      services: [name],
      owner: 'system',
      sessionName: 'Services',
      memKb: 9876,
    });
  }
};

/** A killed process takes its sockets with it, and the services it hosted stop (no restart policy modelled). */
export const killProcess = (machine: Machine, pid: number): void => {
  const process = machine.processes.find((p) => p.pid === pid);
  if (!process) return;
  for (const name of process.services) {
    const service = machine.services[name.toLowerCase()];
    if (service) service.status = 'stopped';
  }
  machine.processes = machine.processes.filter((p) => p.pid !== pid);
  machine.sockets = machine.sockets.filter((s) => s.pid !== pid);
};
