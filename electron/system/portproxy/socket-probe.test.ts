/**
 * Only loopback: a server this test opens on 127.0.0.1, and a 127.0.0.1 port it just closed.
 * Never any other address (this workplace flags traffic to non-loopback addresses).
 */
import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSocketProbe } from './socket-probe';

const servers: Server[] = [];
const listen = async (): Promise<Server> => {
  const server = createServer((socket) => socket.end());
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
};
const portOf = (server: Server) => (server.address() as AddressInfo).port;
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

afterEach(async () => {
  await Promise.all(
    servers
      .splice(0)
      .filter((s) => s.listening)
      .map(close),
  );
});

describe('createSocketProbe', () => {
  it('answers when a listener accepts, and closes its socket', async () => {
    const server = await listen();
    const result = await createSocketProbe().probe('127.0.0.1', portOf(server), 2000);
    expect(result).toMatchObject({ answered: true, detail: 'connected' });
    expect(result.ms).toBeGreaterThanOrEqual(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const connections = await new Promise<number>((resolve) => server.getConnections((_e, n) => resolve(n)));
    expect(connections).toBe(0);
  });

  it('says no answer for a closed loopback port, without throwing', async () => {
    const server = await listen();
    const port = portOf(server);
    await close(server);
    const result = await createSocketProbe().probe('127.0.0.1', port, 2000);
    expect(result).toMatchObject({ answered: false, detail: 'ECONNREFUSED' });
  });

  it('never throws on invalid input', async () => {
    await expect(createSocketProbe().probe('127.0.0.1', 70000, 100)).resolves.toMatchObject({ answered: false });
  });
});
