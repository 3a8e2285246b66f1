/**
 * The Docker Engine API over Docker Desktop's named pipe, read-only: this module can only ever send
 * `GET /containers/json` (no method, path or body comes from outside), with a timeout and a cap on
 * the response size, so a hung or hostile pipe server cannot hang or exhaust the elevated process.
 * A pipe that is absent or refuses is a note ("Docker is not running"), not an error.
 */
import http from 'node:http';
import type { DockerAnswer, DockerTransport } from './types';

export const DOCKER_PIPE = '\\\\.\\pipe\\docker_engine';
export const CONTAINERS_PATH = '/containers/json';
export const DOCKER_TIMEOUT_MS = 3_000;
/** A few hundred containers' JSON; anything bigger is not an answer we read. */
export const MAX_DOCKER_RESPONSE_BYTES = 2 * 1024 * 1024;

/** The part of http.request this client uses; tests inject a fake to see exactly what is sent. */
export type RequestFunction = (
  options: http.RequestOptions,
  callback: (response: http.IncomingMessage) => void,
) => http.ClientRequest;

export interface PipeClientOptions {
  readonly request?: RequestFunction;
  readonly socketPath?: string;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

const NOT_RUNNING: DockerAnswer = {
  ok: false,
  reason: 'not-running',
  note: 'Docker Desktop is not running (its engine pipe does not answer).',
};

export const createPipeTransport = (options: PipeClientOptions = {}): DockerTransport => {
  const request = options.request ?? ((opts, callback) => http.request(opts, callback));
  const timeoutMs = options.timeoutMs ?? DOCKER_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_DOCKER_RESPONSE_BYTES;
  return {
    getContainers: () =>
      new Promise<DockerAnswer>((resolve) => {
        let settled = false;
        const done = (answer: DockerAnswer) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          resolve(answer);
        };
        let req: http.ClientRequest;
        const timer = setTimeout(() => {
          done({ ok: false, reason: 'timeout', note: `Docker did not answer within ${timeoutMs} ms.` });
          req?.destroy();
        }, timeoutMs);
        try {
          req = request(
            {
              socketPath: options.socketPath ?? DOCKER_PIPE,
              path: CONTAINERS_PATH,
              method: 'GET',
              headers: { accept: 'application/json' },
            },
            (response) => {
              const chunks: Buffer[] = [];
              let size = 0;
              response.on('data', (chunk: Buffer) => {
                size += chunk.length;
                if (size > maxBytes) {
                  done({
                    ok: false,
                    reason: 'too-large',
                    note: `Docker's answer was larger than ${maxBytes} bytes; not read.`,
                  });
                  response.destroy();
                  req.destroy();
                  return;
                }
                chunks.push(chunk);
              });
              response.on('end', () =>
                done({ ok: true, status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
              );
              response.on('error', () => done(NOT_RUNNING));
            },
          );
        } catch {
          done(NOT_RUNNING);
          return;
        }
        req.on('error', () => done(NOT_RUNNING));
        req.end();
      }),
  };
};
