/**
 * The IPC routing table and its one entry point. Every message, whichever host delivers it
 * (ipcMain in Electron, the loopback socket in the browser harness), passes the same three gates
 * before any handler runs: the sender check, zod validation of the whole argument tuple, and for
 * changes the elevation check; changes then run one at a time through the mutation queue.
 */
import type { z } from 'zod';
import { CHANNELS, type InvokeApi, type InvokeChannel, type InvokeMethod } from '../shared/ipc';
import { err, type Result } from '../shared/result';
import { argumentSchemas, fieldIssues } from '../shared/validate';
import { describeValidationKey } from '../shared/validation-text';
import type { Router } from './router-types';
import { isTrustedSender, type SenderInfo, type SenderPolicy } from './sender';
import type { MutationQueue } from './system/mutation-queue';

type Args<K extends InvokeMethod> = z.output<(typeof argumentSchemas)[K]>;
type Value<K extends InvokeMethod> = Awaited<ReturnType<InvokeApi[K]>> extends Result<infer T> ? T : never;

/** Who asked, for the routes that answer each window differently (owners:changes remembers per window). */
export interface RouteContext {
  readonly sender: SenderInfo;
}

export interface Route<K extends InvokeMethod> {
  /** Changes Windows: needs elevation and runs through the mutation queue. */
  readonly mutation: boolean;
  handle(args: Args<K>, context: RouteContext): Promise<Result<Value<K>>>;
}

export type RouteTable = { readonly [K in InvokeMethod]: Route<K> };

export interface RouteLogEntry {
  readonly channel: string;
  readonly outcome: 'ok' | 'error' | 'rejected';
  readonly code?: string;
  readonly durationMs: number;
}

export interface RouterOptions {
  readonly routes: RouteTable;
  readonly policy: SenderPolicy;
  readonly queue: MutationQueue;
  readonly isElevated: () => Promise<boolean>;
  readonly log?: (entry: RouteLogEntry) => void;
  /** Wraps every change handler inside the queue (the activity log audits its commands and its Result). */
  readonly aroundChange?: (handle: () => Promise<Result<unknown>>) => Promise<Result<unknown>>;
}

const METHOD_BY_CHANNEL = new Map<string, InvokeMethod>(
  (Object.keys(CHANNELS) as InvokeMethod[]).map((method) => [CHANNELS[method], method]),
);

const invalidArguments = (error: z.ZodError): Result<never> => {
  const issues = fieldIssues(error, true);
  const first = issues[0] ?? { field: '(arguments)', key: 'arguments' };
  return err('invalid-input', `${first.field} ${describeValidationKey(first.key)}`, {
    field: first.field,
    detail: issues.map((i) => `${i.field}: ${i.key}`).join('; '),
  });
};

export const createRouter = (options: RouterOptions): Router => {
  const { routes, policy, queue, isElevated, log, aroundChange } = options;

  const run = async <K extends InvokeMethod>(
    method: K,
    args: readonly unknown[],
    context: RouteContext,
  ): Promise<Result<unknown>> => {
    const parsed = argumentSchemas[method].safeParse(args);
    if (!parsed.success) return invalidArguments(parsed.error);
    const route = routes[method] as Route<K>;
    if (!route.mutation) return route.handle(parsed.data as Args<K>, context);
    if (!(await isElevated())) {
      return err('not-elevated', 'Portwarden is running without administrator rights; changes are disabled.');
    }
    const handle = () => route.handle(parsed.data as Args<K>, context) as Promise<Result<unknown>>;
    return queue.enqueue(aroundChange ? () => aroundChange(handle) : handle);
  };

  return {
    channels: Object.values(CHANNELS) as InvokeChannel[],
    async dispatch(channel: string, sender: SenderInfo, args: readonly unknown[]): Promise<Result<unknown>> {
      const started = Date.now();
      const finish = (result: Result<unknown>, rejected = false) => {
        log?.({
          channel,
          outcome: rejected ? 'rejected' : result.ok ? 'ok' : 'error',
          ...(result.ok ? {} : { code: result.error.code }),
          durationMs: Date.now() - started,
        });
        return result;
      };
      if (!isTrustedSender(sender, policy)) {
        return finish(err('forbidden-sender', 'The message did not come from Portwarden’s own window.'), true);
      }
      const method = METHOD_BY_CHANNEL.get(channel);
      if (!method)
        return finish(err('invalid-input', `Unknown channel ${JSON.stringify(channel.slice(0, 64))}.`), true);
      if (!Array.isArray(args))
        return finish(err('invalid-input', 'Arguments must be a list.', { field: '(arguments)' }), true);
      try {
        const result = await run(method, args, { sender });
        return finish(result, !result.ok && result.error.code === 'invalid-input');
      } catch (error) {
        // A handler bug must still answer with a value: the renderer awaits every invoke.
        return finish(err('internal', 'Unexpected error in the main process.', { detail: String(error) }));
      }
    },
  };
};
