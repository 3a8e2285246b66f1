/**
 * The browser e2e harness (docs/architecture.md §6): serves the built renderer plus the real preload, and hosts
 * the real app core (router, services) over the simulated Windows on a loopback WebSocket.
 * Binds 127.0.0.1 only; the socket needs the random token from the printed URL. Dev/test only.
 *
 * Who sent a message is decided here, never by the page: the sender facts come from the WebSocket
 * upgrade request (its Origin header, which the browser sets and a page cannot forge), so the router's
 * sender check (electron/sender.ts isTrustedSender) judges them as it judges Electron's senderFrame
 * in electron/ipc.ts. A socket from another origin, even one holding the token, is refused there.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { TrayCommand } from '../../shared/ipc';
import { EVENTS } from '../../shared/ipc';
import { createAppCore, type AppCoreInternals } from '../../electron/app-core';
import { createAppServices } from '../../electron/system/app-services';
import { createWatchScheduler } from '../../electron/system/watch';
import type { EventSink } from '../../electron/router-types';
import { extractCsp, FALLBACK_CSP, headerCsp } from '../../electron/csp';
import { isTrustedSender, type SenderInfo, type SenderPolicy } from '../../electron/sender';
import { createSimulatedWindows, type SimulatedWindows } from '../../electron/system/run/choose-windows';
import type { Machine } from '../../electron/system/simulated-windows';
import { HARNESS_PRELOAD, RENDERER_DIR } from './build';

export interface HarnessOptions {
  readonly scenario?: string;
  readonly locale?: string;
  readonly seed?: number;
  /** 0 (default) picks a free port. */
  readonly port?: number;
  /** Per-spawn latency of the simulated commands, in ms. */
  readonly latencyMs?: number;
  /** Run the watched-ports scheduler as the app does (the demo); tests trigger checks themselves. */
  readonly watch?: boolean;
  /** An existing data folder (e.g. with an audit log of "earlier runs"); kept on close. Default: a fresh temp folder. */
  readonly dataDir?: string;
  /** Start from this simulated machine (what a killed process left on disk) instead of the scenario's. */
  readonly machine?: Machine;
  /** Act as an installed app for Start with Windows (a packaged exe path; the task file goes to dataDir). */
  readonly installed?: boolean;
  /**
   * With `installed`: the account the app runs as. A desktop owned by another account (explorer.exe of
   * the machine) is then over-the-shoulder elevation. Default: unknown, so no check is made.
   */
  readonly processUser?: string;
  /**
   * Answer reads through the simulator's native layer (as koffi does on Windows): process paths and
   * users, closing a connection. Default: PORTWARDEN_NATIVE_READS=1, else off (the commands answer).
   */
  readonly nativeReads?: boolean;
}

export interface Harness {
  /** Page URL including the token. */
  readonly url: string;
  readonly origin: string;
  readonly windows: SimulatedWindows;
  readonly core: AppCoreInternals;
  /** Where this harness writes rule backups and the watched-ports file (a temp folder). */
  readonly dataDir: string;
  /** The audit and app logs the core writes under dataDir (logs/audit.log, logs/main.log). */
  readonly logPaths: { readonly audit: string; readonly app: string };
  /** As if the user picked the command in the tray menu. */
  trayCommand(command: TrayCommand): void;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

const sameToken = (given: string, expected: string) =>
  given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

/** Inserts the preload before the renderer's scripts, as Electron runs the preload first. */
const withPreload = (html: string) =>
  html.replace('<head>', '<head>\n    <script src="/__harness/preload.js"></script>');

/**
 * The page's CSP as a header too, as the app:// protocol serves it (electron/app-protocol.ts): the
 * header adds frame-ancestors 'none', so no other page can frame ours. That is what lets a socket
 * holding our token and our Origin count as the main frame.
 */
const pageHeaders = (html: string) => ({
  'content-type': CONTENT_TYPES['.html'],
  'cache-control': 'no-store',
  'content-security-policy': headerCsp(extractCsp(html) ?? FALLBACK_CSP),
});

/** The path of the page the harness hands out: the token travels only in this URL. */
const pagePath = (token: string) => `/?token=${token}`;

/**
 * The sender of every message on one socket, from its upgrade request. The browser sets Origin; the
 * frame is the page we served (the only place the token is given out), at the origin the browser
 * reports. No Origin (a non-browser client) or an opaque one ("null": a sandboxed frame, a file://
 * page) gives no frame URL, which the router refuses.
 */
const senderOf = (request: IncomingMessage, token: string, webContentsId: number): SenderInfo => {
  const origin = request.headers.origin;
  let frameUrl: string | null = null;
  try {
    if (origin && origin !== 'null') frameUrl = new URL(pagePath(token), origin).href;
  } catch {
    frameUrl = null;
  }
  return { frameUrl, isMainFrame: true, webContentsId };
};

const serveStatic = async (request: IncomingMessage, response: ServerResponse) => {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  if (url.pathname === '/__harness/preload.js') {
    response.writeHead(200, { 'content-type': CONTENT_TYPES['.js'] });
    response.end(await readFile(HARNESS_PRELOAD));
    return;
  }
  const relative = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname).replace(/^\/+/, '');
  const file = path.resolve(RENDERER_DIR, relative);
  if (!file.startsWith(RENDERER_DIR + path.sep)) {
    response.writeHead(404).end();
    return;
  }
  try {
    const body = await readFile(file);
    if (path.basename(file) === 'index.html') {
      const html = body.toString('utf8');
      response.writeHead(200, pageHeaders(html));
      response.end(withPreload(html));
      return;
    }
    const type = CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
    response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    response.end(body);
  } catch {
    response.writeHead(404).end();
  }
};

export const startHarness = async (options: HarnessOptions = {}): Promise<Harness> => {
  const token = randomBytes(24).toString('hex');
  const windows = createSimulatedWindows({
    scenario: options.scenario ?? 'hyperv-reserved',
    locale: options.locale ?? 'en',
    seed: options.seed ?? 1,
    latencyMs: options.latencyMs ?? 0,
    ...(options.machine ? { machine: options.machine } : {}),
    nativeReads: options.nativeReads ?? process.env.PORTWARDEN_NATIVE_READS === '1',
  });
  /** Open sockets and who is behind each (fixed at the upgrade). */
  const sockets = new Map<WebSocket, SenderInfo>();
  // Backups and the watched-ports file live in a fresh temp folder per harness, removed on close.
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'portwarden-harness-')));
  const WEB_CONTENTS_ID = 1;
  // Filled in once the port is known; the router reads the policy at dispatch time.
  const trustedOrigins: string[] = [];
  const policy: SenderPolicy = { origins: trustedOrigins, webContentsIds: () => [WEB_CONTENTS_ID] };

  const core = createAppCore({
    runner: windows.runner,
    native: windows.native,
    simulated: true,
    scenario: windows.scenario,
    appVersion: 'harness',
    platform: 'win32 (simulated)',
    policy,
    relaunchElevated: async () => ({
      ok: false,
      error: { code: 'refused', message: 'The demo runs on a simulated Windows.' },
    }),
    // host: the simulated .wslconfig and Docker engine, so the demo and e2e see the scenario's WSL and containers.
    ...createAppServices({ dataDir, probe: windows.probe, host: windows.host }),
    ...(options.installed
      ? {
          autostartHost: {
            execPath: 'C:\\Program Files\\Portwarden\\Portwarden.exe',
            isPackaged: true,
            taskDefinitionDir: dataDir,
            processUser: options.processUser ?? null,
          },
        }
      : {}),
  });
  // Events go to our own page only, as Electron's event sink sends to our window only.
  const broadcast = (channel: string, payload: unknown) => {
    const text = JSON.stringify({ type: 'event', channel, payload });
    for (const [socket, sender] of sockets) if (isTrustedSender(sender, policy)) socket.send(text);
  };
  const sink: EventSink = { emit: (event, payload) => broadcast(EVENTS[event], payload) };
  core.setEventSink(sink);

  const server = createServer((request, response) => {
    serveStatic(request, response).catch(() => response.writeHead(500).end());
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/__harness/ws' || !sameToken(url.searchParams.get('token') ?? '', token)) {
      socket.write('HTTP/1.1 401 Unauthorized\r\n\r\n');
      socket.destroy();
      return;
    }
    const sender = senderOf(request, token, WEB_CONTENTS_ID);
    wss.handleUpgrade(request, socket, head, (ws) => {
      sockets.set(ws, sender);
      ws.on('close', () => sockets.delete(ws));
      ws.on('message', (data) => {
        // Only the call itself comes from the page; who sent it is `sender`, whatever the message says.
        let message: { type?: unknown; id?: unknown; channel?: unknown; args?: unknown };
        try {
          message = JSON.parse(String(data)) as typeof message;
        } catch {
          return;
        }
        if (message.type !== 'invoke' || typeof message.id !== 'number') return;
        const args = Array.isArray(message.args) ? message.args : [];
        void core.router.dispatch(String(message.channel), sender, args).then((result) => {
          ws.send(JSON.stringify({ type: 'result', id: message.id, result }));
        });
      });
    });
  });

  // A tab of our page counts as a visible window; the scheduler then checks at the visible rate.
  const scheduler = options.watch
    ? createWatchScheduler({
        check: () => core.checkWatchedPorts(),
        isWindowVisible: () => [...sockets.values()].some((sender) => isTrustedSender(sender, policy)),
      })
    : null;
  scheduler?.start();

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  trustedOrigins.push(origin);
  return {
    url: `${origin}${pagePath(token)}`,
    origin,
    windows,
    core,
    dataDir,
    logPaths: { audit: path.join(dataDir, 'logs', 'audit.log'), app: path.join(dataDir, 'logs', 'main.log') },
    trayCommand: (command) => sink.emit('onTrayCommand', command),
    async close() {
      scheduler?.stop();
      for (const socket of sockets.keys()) socket.terminate();
      wss.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
};
