/**
 * Reads that have a Win32 API (endpoints, processes, portproxy rules, service state, elevation) go
 * through the native layer where it is open: no process spawned, no console code page, no localized
 * text. Where it is not open, or a call fails (a NativeReadError), the read runs its command as
 * before, and the failure is noted once in the activity log so nobody is left guessing which source
 * answered. Both sources give the same shapes (the parsers' types), so callers cannot tell them apart.
 */
import type { Operation } from './activity-log';
import type { NativeWindows } from './native';
import { messageOf } from '../../shared/result';

export const readNatively = <T>(
  op: Operation,
  what: string,
  read: (native: NativeWindows) => T,
): { readonly value: T } | null => {
  if (!op.native) return null;
  try {
    return { value: read(op.native) };
  } catch (error) {
    op.nativeFailed(what, messageOf(error));
    return null;
  }
};
