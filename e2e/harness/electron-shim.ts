/**
 * Browser stand-in for the two things the preload takes from 'electron'. The harness bundles the
 * REAL electron/preload.ts with its `electron` import aliased to this file, so the renderer talks to
 * the real preload, whose ipcRenderer is a loopback WebSocket to the Node process hosting the real
 * IPC router (docs/architecture.md §6). Dev/test only: it never ships.
 */
type Listener = (event: unknown, payload: unknown) => void;

interface ResultMessage {
  readonly type: 'result';
  readonly id: number;
  readonly result: unknown;
}
interface EventMessage {
  readonly type: 'event';
  readonly channel: string;
  readonly payload: unknown;
}

const token = new URLSearchParams(location.search).get('token') ?? '';
const socket = new WebSocket(`ws://${location.host}/__harness/ws?token=${encodeURIComponent(token)}`);
const opened = new Promise<void>((resolve, reject) => {
  socket.addEventListener('open', () => resolve());
  socket.addEventListener('error', () => reject(new Error('harness socket failed')));
});
const pending = new Map<number, (result: unknown) => void>();
const listeners = new Map<string, Set<Listener>>();
let nextId = 1;

socket.addEventListener('message', (message: MessageEvent<string>) => {
  const data = JSON.parse(message.data) as ResultMessage | EventMessage;
  if (data.type === 'result') {
    pending.get(data.id)?.(data.result);
    pending.delete(data.id);
  } else {
    for (const listener of listeners.get(data.channel) ?? []) listener({ sender: null }, data.payload);
  }
});

export const ipcRenderer = {
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    await opened;
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      // No sender facts travel with the call: the harness server takes them from this socket's
      // upgrade request (its Origin header), as Electron takes them from the sending frame.
      socket.send(JSON.stringify({ type: 'invoke', id, channel, args }));
    });
  },
  on(channel: string, listener: Listener) {
    const set = listeners.get(channel) ?? new Set<Listener>();
    set.add(listener);
    listeners.set(channel, set);
    return ipcRenderer;
  },
  removeListener(channel: string, listener: Listener) {
    listeners.get(channel)?.delete(listener);
    return ipcRenderer;
  },
};

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown) {
    Object.defineProperty(window, key, { value: Object.freeze(api), enumerable: true });
  },
};
