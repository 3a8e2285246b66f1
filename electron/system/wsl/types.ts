/**
 * The seams of the WSL module that are not wsl.exe: where the interactive user's .wslconfig is read
 * (the real one finds the console user's profile; the simulator answers from its machine).
 */
import type { Operation } from '../activity-log';

export interface WslConfigRead {
  /** The interactive user's profile folder; null when it could not be found. */
  readonly profile: string | null;
  /** The file's text; null when there is no .wslconfig (NAT, WSL's default). */
  readonly text: string | null;
  /** Why the profile or the file could not be read (not "the file does not exist"). */
  readonly error?: string;
}

export interface WslConfigSource {
  /**
   * The .wslconfig of the user signed in at the console, which is not the elevated account's profile
   * when an administrator elevated with other credentials. Reads only; commands go through `op`.
   */
  read(op: Operation): Promise<WslConfigRead>;
}
