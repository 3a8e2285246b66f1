/**
 * Over-the-shoulder elevation: a standard user asks an administrator to type their credentials at
 * the UAC prompt, so Portwarden runs as the ADMINISTRATOR's account while the desktop belongs to the
 * user. Where it matters: "Start with Windows" registers a logon task for the account Portwarden runs
 * as (it would start at the administrator's logon, not the user's), and Windows notifications go to
 * that account's notification settings. So it is detected and said, never silently accepted.
 *
 * The desktop's user is the owner of explorer.exe (`tasklist /v`, user column), compared with the
 * account of this process. When either cannot be read the answer is "unknown", never a guess.
 */
import { userInfo } from 'node:os';
import type { Operation } from '../activity-log';
import type { CommandLine } from '../commands';
import { parseCsvLine } from '../parse/csv-line';

/** Fixed argv, no shell: the filter is one token. */
export const explorerOwnersQuery = (): CommandLine => ({
  command: 'tasklist',
  args: ['/v', '/fo', 'csv', '/nh', '/fi', 'IMAGENAME eq explorer.exe'],
});

/** `tasklist /v /fo csv /nh`: the 7th column is the user (`DOMAIN\user`; `N/A` when not readable). */
export const parseExplorerOwners = (text: string): string[] =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.startsWith('"'))
    .map((line) => parseCsvLine(line))
    .filter((fields) => fields[0]?.toLowerCase() === 'explorer.exe')
    .map((fields) => fields[6] ?? '')
    .filter((user) => user !== '' && user.toUpperCase() !== 'N/A');

const accountOf = (user: string): string => (user.includes('\\') ? user.slice(user.lastIndexOf('\\') + 1) : user);

export type SessionUser =
  | { readonly kind: 'same' }
  /** Elevated as another account than the one whose desktop this is. */
  | { readonly kind: 'over-the-shoulder'; readonly elevatedAs: string; readonly desktopUser: string }
  | { readonly kind: 'unknown' };

/** Pure: the process's account against the desktop owners (case-insensitive, by account name). */
export const compareSessionUsers = (processUser: string | null, desktopUsers: readonly string[]): SessionUser => {
  if (!processUser || desktopUsers.length === 0) return { kind: 'unknown' };
  const mine = accountOf(processUser).toLowerCase();
  if (desktopUsers.some((user) => accountOf(user).toLowerCase() === mine)) return { kind: 'same' };
  return { kind: 'over-the-shoulder', elevatedAs: processUser, desktopUser: desktopUsers[0]! };
};

export const readSessionUser = async (op: Operation, processUser: string | null): Promise<SessionUser> => {
  const result = await op.run(explorerOwnersQuery());
  if (result.timedOut || result.exitCode !== 0) return { kind: 'unknown' };
  return compareSessionUsers(processUser, parseExplorerOwners(result.stdout));
};

/**
 * The account of this process, for the comparison above. On Windows os.userInfo() asks the process
 * token (libuv: GetUserNameW), never the USERNAME variable, which the desktop's user controls. null
 * where it means nothing (the simulator, another OS) or cannot be read.
 */
export const processAccount = (platform: string, simulated: boolean): string | null => {
  if (platform !== 'win32' || simulated) return null;
  try {
    return userInfo().username || null;
  } catch {
    return null;
  }
};
