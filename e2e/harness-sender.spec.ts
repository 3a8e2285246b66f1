/**
 * The harness decides who is calling from the socket's upgrade request, not from anything the page
 * sends, so the router's sender check (electron/sender.ts) guards the harness as it guards the app:
 * a socket from another origin is refused even when it holds the token and claims to be our page.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { CHANNELS, EVENTS } from '../shared/ipc';
import { expect, test } from './support';
import { startHarness, type Harness } from './harness/server';

let harness: Harness;
test.beforeEach(async () => {
  harness = await startHarness({ scenario: 'hyperv-reserved' });
});
test.afterEach(async () => {
  await harness.close();
});

const socketUrl = (h: Harness) => {
  const token = new URL(h.url).searchParams.get('token') ?? '';
  return `${h.origin.replace(/^http/, 'ws')}/__harness/ws?token=${encodeURIComponent(token)}`;
};

/** A Node client that sets the Origin header a browser would (or none), and remembers what it got. */
const connect = async (h: Harness, origin: string | undefined) => {
  const ws = new WebSocket(socketUrl(h), origin === undefined ? {} : { origin });
  const received: { type: string; id?: number; channel?: string; result?: unknown }[] = [];
  ws.on('message', (data) => received.push(JSON.parse(String(data)) as (typeof received)[number]));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  return {
    received,
    /** Sends an invoke with whatever extra fields a forger would add, and waits for its result. */
    async invoke(channel: string, args: unknown[], extra: object = {}): Promise<unknown> {
      const id = nextId++;
      ws.send(JSON.stringify({ ...extra, type: 'invoke', id, channel, args }));
      await expect.poll(() => received.some((m) => m.type === 'result' && m.id === id)).toBe(true);
      return received.find((m) => m.type === 'result' && m.id === id)?.result;
    },
    close: () => ws.close(),
  };
};

const FORBIDDEN = { ok: false, error: { code: 'forbidden-sender' } };
const PROTECT_8065 = { protocol: 'tcp', ipVersion: 'ipv4', startPort: 8065, numberOfPorts: 1 };
const changeCommands = (h: Harness) =>
  h.windows.runner.calls.filter((c) => /^net$/.test(c.command) || c.args.includes('add')).length;

test.describe('harness sender facts', () => {
  test('a socket from our own origin is served', async () => {
    const own = await connect(harness, harness.origin);
    expect(await own.invoke(CHANNELS.listActivity, [])).toMatchObject({ ok: true });
    own.close();
  });

  test('a socket from a foreign Origin is refused, even with the token and a forged frame URL', async () => {
    const foreign = await connect(harness, 'http://evil.example');
    const forged = { frameUrl: harness.url, isMainFrame: true };
    expect(await foreign.invoke(CHANNELS.listActivity, [], forged)).toMatchObject(FORBIDDEN);
    expect(await foreign.invoke(CHANNELS.addExclusion, [PROTECT_8065], forged)).toMatchObject(FORBIDDEN);
    expect(changeCommands(harness)).toBe(0);
    foreign.close();
  });

  test('a socket with no Origin (not a browser page) or an opaque one is refused', async () => {
    for (const origin of [undefined, 'null']) {
      const client = await connect(harness, origin);
      expect(await client.invoke(CHANNELS.listActivity, [], { frameUrl: harness.url }), String(origin)).toMatchObject(
        FORBIDDEN,
      );
      client.close();
    }
  });

  test('events reach our page only', async () => {
    const own = await connect(harness, harness.origin);
    const foreign = await connect(harness, 'http://evil.example');
    harness.trayCommand('restart-winnat');
    await expect.poll(() => own.received.some((m) => m.channel === EVENTS.onTrayCommand)).toBe(true);
    // The server writes each socket in order: an event sent to it would arrive before this result.
    await foreign.invoke(CHANNELS.listActivity, []);
    expect(foreign.received.filter((m) => m.type === 'event')).toEqual([]);
    own.close();
    foreign.close();
  });

  test('a page served from another origin in the browser is refused', async ({ page }) => {
    // Another site on this machine (another port is another origin) that somehow learned the token.
    const evil: Server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<!doctype html><title>elsewhere</title>');
    });
    await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = evil.address() as AddressInfo;
      await page.goto(`http://127.0.0.1:${port}/`);
      const result = await page.evaluate(
        ({ url, channel, frameUrl }) =>
          new Promise((resolve, reject) => {
            const ws = new WebSocket(url);
            ws.onerror = () => reject(new Error('socket failed'));
            ws.onopen = () => ws.send(JSON.stringify({ type: 'invoke', id: 1, channel, args: [], frameUrl }));
            ws.onmessage = (message) => {
              const data = JSON.parse(String(message.data)) as { type: string; result?: unknown };
              if (data.type === 'result') resolve(data.result);
            };
          }),
        { url: socketUrl(harness), channel: CHANNELS.listActivity, frameUrl: harness.url },
      );
      expect(result).toMatchObject(FORBIDDEN);
    } finally {
      await new Promise<void>((resolve) => evil.close(() => resolve()));
    }
  });
});
