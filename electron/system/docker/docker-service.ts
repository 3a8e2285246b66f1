/**
 * Which container holds a port Docker Desktop publishes (com.docker.backend.exe / wslrelay.exe own
 * the listener, not the container): the Engine API's container list, validated with a strict-enough
 * schema, unknown fields ignored. Absent or refusing Docker is a note in the view.
 */
import { z } from 'zod';
import type { DockerContainer, DockerView } from '../../../shared/model';
import type { DockerTransport } from './types';

const portSchema = z.object({
  IP: z.string().max(64).optional(),
  PrivatePort: z.int().min(0).max(65535),
  PublicPort: z.int().min(0).max(65535).optional(),
  Type: z.string().max(8),
});
const containerSchema = z.object({
  Id: z.string().max(128),
  Names: z.array(z.string().max(256)).max(16).optional(),
  Image: z.string().max(512).optional(),
  State: z.string().max(32).optional(),
  Ports: z.array(portSchema).max(1000).optional(),
});
const listSchema = z.array(containerSchema).max(2000);

export const parseContainers = (body: string): DockerContainer[] | null => {
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch {
    return null;
  }
  const parsed = listSchema.safeParse(data);
  if (!parsed.success) return null;
  return parsed.data.map((c) => ({
    id: c.Id.slice(0, 12),
    // The API names containers with a leading slash (`/web`).
    name: (c.Names?.[0] ?? c.Id.slice(0, 12)).replace(/^\//, ''),
    image: c.Image ?? '',
    state: c.State ?? '',
    ports: (c.Ports ?? [])
      .filter((p) => p.Type === 'tcp' || p.Type === 'udp')
      .map((p) => ({
        ip: p.IP ?? null,
        privatePort: p.PrivatePort,
        publicPort: p.PublicPort ?? null,
        protocol: p.Type as 'tcp' | 'udp',
      })),
  }));
};

export interface DockerService {
  list(): Promise<DockerView>;
}

export const createDockerService = (transport: DockerTransport, now: () => Date = () => new Date()): DockerService => ({
  async list() {
    const readAt = now().toISOString();
    const answer = await transport.getContainers();
    if (!answer.ok) return { available: false, reason: answer.reason, note: answer.note, containers: [], readAt };
    if (answer.status !== 200) {
      const note = `Docker answered HTTP ${answer.status}.`;
      return { available: false, reason: 'refused', note, containers: [], readAt };
    }
    const containers = parseContainers(answer.body);
    if (containers === null) {
      const note = 'Docker’s container list could not be read.';
      return { available: false, reason: 'unreadable', note, containers: [], readAt };
    }
    return { available: true, containers, readAt };
  },
});

/** The containers publishing `port`/`protocol` on the host, with the mapping (`0.0.0.0:6379 → 6379/tcp`). */
export const containersOnPort = (view: DockerView, port: number, protocol: 'tcp' | 'udp') =>
  view.containers.filter((c) => c.ports.some((p) => p.publicPort === port && p.protocol === protocol));
