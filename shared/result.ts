/**
 * Errors are values across IPC: every channel resolves to a Result, never rejects.
 * The ErrorCode union is closed so the renderer can translate every code.
 *
 * One vocabulary: an error means the request ended before changing Windows (refused, invalid, a read or
 * the app's own file failed). A change that ran always answers ok with its `outcome` ('applied',
 * 'not-applied', 'unknown' from the re-read), never an error code for the same thing.
 */
export type ErrorCode =
  /** Input failed validation; `field` names the offending field. Nothing ran. */
  | 'invalid-input'
  /** The IPC message did not come from our own top-level frame. Nothing ran. */
  | 'forbidden-sender'
  /** A change was asked for while the app runs without administrator rights. */
  | 'not-elevated'
  /** A read-only command failed (could not list ranges, query a service, ...), or one Windows refused. */
  | 'command-failed'
  /**
   * Portwarden's own file in its data folder (journal, backup, settings) could not be written or read,
   * so nothing was changed.
   */
  | 'storage-failed'
  /** The target does not exist (a range to delete, a service that is not installed). */
  | 'not-found'
  /** The action is refused by a rule (system ranges cannot be deleted, a port in use cannot be excluded). */
  | 'refused'
  /** The state changed outside the app between view and change. */
  | 'conflict'
  /** Anything else: a bug. */
  | 'internal';

export interface AppError {
  readonly code: ErrorCode;
  /** One English sentence for logs; the UI translates by `code` (and `field`) first. */
  readonly message: string;
  /** The offending input field, for `invalid-input`. */
  readonly field?: string;
  /** Extra, untranslated detail (a command's output, a step name). */
  readonly detail?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const err = (
  code: ErrorCode,
  message: string,
  extra: { field?: string; detail?: string } = {},
): Result<never> => ({
  ok: false,
  error: { code, message, ...extra },
});

/** The text of anything thrown: an Error's message, anything else as a string. */
export const messageOf = (thrown: unknown): string => (thrown instanceof Error ? thrown.message : String(thrown));
