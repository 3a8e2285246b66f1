/**
 * Every api call goes through here: channels resolve to Results by contract, but a broken bridge
 * (preload missing, socket closed in the harness) rejects or throws, and an action must never throw.
 */
import type { AppError, Result } from '../../shared/result';
import { messageOf } from '../../shared/result';

export const callApi = async <T>(call: () => Promise<Result<T>>): Promise<Result<T>> => {
  try {
    const result = await call();
    if (result && typeof result === 'object' && 'ok' in result) return result;
    return { ok: false, error: { code: 'internal', message: 'The main process answered without a Result.' } };
  } catch (thrown) {
    return {
      ok: false,
      error: { code: 'internal', message: messageOf(thrown) },
    };
  }
};

export const notElevatedError: AppError = {
  code: 'not-elevated',
  message: 'Changes need administrator rights; the app is read-only.',
};
