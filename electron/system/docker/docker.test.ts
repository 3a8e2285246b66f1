/**
 * The Docker Engine client may only ever send GET /containers/json on Docker Desktop's pipe, with a
 * timeout and a size cap; absent Docker is a note. Checked with a fake http.request that records
 * exactly what would have been sent.
 */
import { EventEmitter } from 'node:events';
import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { createScenarioMachine, createSimDockerTransport } from '../simulated-windows';
import { containersOnPort, createDockerService, parseContainers } from './docker-service';
import { CONTAINERS_PATH, DOCKER_PIPE, createPipeTransport, type RequestFunction } from './pipe-client';

interface Sent {
  options: http.RequestOptions;
  written: unknown[];
  ended: boolean;
  destroyed: boolean;
}

/** A fake request: `respond` decides what the "server" does with it. */
const fakeRequest = (
  respond: (response: EventEmitter & { statusCode?: number; destroy(): void }, request: EventEmitter) => void,
) => {
  const sent: Sent[] = [];
  const request: RequestFunction = (options, callback) => {
    const record: Sent = { options, written: [], ended: false, destroyed: false };
    sent.push(record);
    const req = Object.assign(new EventEmitter(), {
      write: (chunk: unknown) => record.written.push(chunk),
      end: () => {
        record.ended = true;
        const response = Object.assign(new EventEmitter(), { statusCode: 200, destroy: () => undefined });
        setImmediate(() => {
          callback(response as unknown as http.IncomingMessage);
          respond(response, req);
        });
      },
      destroy: () => {
        record.destroyed = true;
      },
    });
    return req as unknown as http.ClientRequest;
  };
  return { sent, request };
};

describe('Docker engine pipe client', () => {
  it('sends exactly one GET /containers/json on the docker_engine pipe, with no body', async () => {
    const { sent, request } = fakeRequest((response) => {
      response.emit('data', Buffer.from('[]'));
      response.emit('end');
    });
    const answer = await createPipeTransport({ request }).getContainers();
    expect(answer).toEqual({ ok: true, status: 200, body: '[]' });
    expect(sent).toHaveLength(1);
    expect(sent[0]!.options).toEqual({
      socketPath: '\\\\.\\pipe\\docker_engine',
      path: '/containers/json',
      method: 'GET',
      headers: { accept: 'application/json' },
    });
    expect(DOCKER_PIPE).toBe('\\\\.\\pipe\\docker_engine');
    expect(CONTAINERS_PATH).toBe('/containers/json');
    expect(sent[0]!.written).toEqual([]);
    expect(sent[0]!.ended).toBe(true);
  });

  it('gives up after the timeout and on an answer over the size cap', async () => {
    const silent = fakeRequest(() => undefined);
    expect(await createPipeTransport({ request: silent.request, timeoutMs: 20 }).getContainers()).toEqual({
      ok: false,
      reason: 'timeout',
      note: 'Docker did not answer within 20 ms.',
    });
    expect(silent.sent[0]!.destroyed).toBe(true);
    const huge = fakeRequest((response) => response.emit('data', Buffer.alloc(2048, 0x20)));
    const answer = await createPipeTransport({ request: huge.request, maxBytes: 1024 }).getContainers();
    expect(answer).toEqual({
      ok: false,
      reason: 'too-large',
      note: "Docker's answer was larger than 1024 bytes; not read.",
    });
  });

  it('turns a missing pipe into a note', async () => {
    const refused = fakeRequest((_, req) =>
      req.emit('error', Object.assign(new Error('connect ENOENT'), { code: 'ENOENT' })),
    );
    const view = await createDockerService(createPipeTransport({ request: refused.request })).list();
    expect(view).toMatchObject({
      available: false,
      reason: 'not-running',
      containers: [],
      note: expect.stringMatching(/not running/),
    });
  });

  it('says why when Docker answers with an error status or a list it cannot read', async () => {
    const answering = (status: number, body: string) =>
      createDockerService({ getContainers: () => Promise.resolve({ ok: true, status, body }) }).list();
    expect(await answering(500, '{"message":"boom"}')).toMatchObject({
      available: false,
      reason: 'refused',
      note: 'Docker answered HTTP 500.',
    });
    expect(await answering(200, '{"not":"a list"}')).toMatchObject({ available: false, reason: 'unreadable' });
  });
});

describe('containers', () => {
  it('names the container publishing a port, from the simulated engine', async () => {
    const machine = createScenarioMachine('wsl-nat');
    const view = await createDockerService(createSimDockerTransport(machine)).list();
    expect(containersOnPort(view, 6379, 'tcp').map((c) => [c.name, c.image])).toEqual([
      ['redis-cache', 'redis:7-alpine'],
    ]);
    expect(containersOnPort(view, 6380, 'tcp')).toEqual([]);
    machine.docker!.running = false;
    expect(await createDockerService(createSimDockerTransport(machine)).list()).toMatchObject({ available: false });
  });

  it('refuses a list that is not the Engine API’s shape', () => {
    expect(parseContainers('{"message":"oops"}')).toBeNull();
    expect(parseContainers('not json')).toBeNull();
    expect(
      parseContainers('[{"Id":"abc","Names":["/web"],"Ports":[{"PrivatePort":80,"PublicPort":8080,"Type":"tcp"}]}]'),
    ).toEqual([
      {
        id: 'abc',
        name: 'web',
        image: '',
        state: '',
        ports: [{ ip: null, privatePort: 80, publicPort: 8080, protocol: 'tcp' }],
      },
    ]);
  });
});
