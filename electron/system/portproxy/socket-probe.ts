/**
 * The real TcpProbe: one TCP connect with a timeout ("does the rule's target answer?"). It never
 * throws and always destroys its socket, whatever happens (connect, refusal, DNS failure, timeout).
 * Host names are resolved by Node's default lookup, as Windows resolves them for the rule.
 */
import { connect } from 'node:net';
import type { TcpProbe } from './types';
import { messageOf } from '../../../shared/result';

export const createSocketProbe = (): TcpProbe => ({
  probe: (host, port, timeoutMs) =>
    new Promise((resolve) => {
      const started = performance.now();
      let settled = false;
      let socket: ReturnType<typeof connect> | null = null;
      let timer: ReturnType<typeof setTimeout> | null = null;
      const finish = (answered: boolean, detail: string) => {
        if (settled) return;
        settled = true;
        if (timer) clearTimeout(timer);
        socket?.destroy();
        resolve({ answered, ms: Math.round(performance.now() - started), detail });
      };
      timer = setTimeout(() => finish(false, `no answer within ${timeoutMs} ms`), timeoutMs);
      try {
        socket = connect({ host, port });
        socket.once('connect', () => finish(true, 'connected'));
        socket.once('error', (error: NodeJS.ErrnoException) => finish(false, error.code ?? error.message));
      } catch (error) {
        // connect() throws synchronously only for invalid options (a bad port); report, never throw.
        finish(false, messageOf(error));
      }
    }),
});
