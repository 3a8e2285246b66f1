/**
 * Docker Desktop's engine as the named pipe answers GET /containers/json: the machine's containers in
 * the Engine API's JSON shape, or no answer while Docker is not running. Data only (no node:*).
 */
import type { DockerTransport } from '../docker/types';
import type { Machine } from './state';

export const createSimDockerTransport = (machine: Machine): DockerTransport => ({
  getContainers: async () => {
    const docker = machine.docker;
    if (!docker?.running)
      return {
        ok: false,
        reason: 'not-running',
        note: 'Docker Desktop is not running (its engine pipe does not answer).',
      };
    const body = docker.containers.map((c) => ({
      Id: c.id,
      Names: c.names.map((n) => `/${n}`),
      Image: c.image,
      State: c.state,
      Ports: c.ports.map((p) => ({
        ...(p.ip ? { IP: p.ip } : {}),
        PrivatePort: p.privatePort,
        ...(p.publicPort ? { PublicPort: p.publicPort } : {}),
        Type: p.type,
      })),
    }));
    return { ok: true, status: 200, body: JSON.stringify(body) };
  },
});
