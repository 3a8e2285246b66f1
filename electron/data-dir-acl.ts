/**
 * The data folder (C:\ProgramData\Portwarden) must be writable by administrators and SYSTEM only: the
 * elevated app reads its journal, backups and settings from it, so a folder Users can write would let
 * any unelevated program feed the elevated one. The installer sets that ACL, but ProgramData's
 * default ACL lets Users create folders, and a folder made before the installer (an older version, a
 * portable run) inherits it. So at start the ACL is read with `icacls` and, unless it is exactly
 * "Administrators: full, SYSTEM: full, nothing inherited", repaired by well-known SIDs and read again;
 * when the repair does not take, the app refuses with a message saying so.
 *
 * Account names in icacls output are localized (`VORDEFINIERT\Administratoren`), so the check does
 * not depend on them: after a repair made with the two SIDs, exactly two explicit full-control
 * entries left means they are those two. Before a repair, the names of a few display languages
 * are recognized only to skip a needless write; an unrecognized name just triggers the
 * (idempotent) repair.
 */
import { mkdir } from 'node:fs/promises';
import type { CommandRunner } from './system/run/command-runner';

/** Administrators and SYSTEM, by well-known SID (never by localized name). */
export const ADMINISTRATORS_SID = 'S-1-5-32-544';
export const SYSTEM_SID = 'S-1-5-18';
/** Well-known groups that must not keep any entry: Users, Authenticated Users, Everyone, CREATOR OWNER, INTERACTIVE. */
const UNWANTED_SIDS = ['S-1-5-32-545', 'S-1-5-11', 'S-1-1-0', 'S-1-3-0', 'S-1-5-4'];

/**
 * The repair, as the installer does it (build/installer.nsh): icacls takes `/setowner` only on its own
 * (its documented forms are `<file> /setowner <user> [/t] [/c] [/l] [/q]` and `<file> [/grant[:r] ...]
 * [/remove[:g|:d] ...] [/inheritance:e|d|r] ...`), so the owner is one run and the entries another.
 * The owner first: if the second run fails, the folder is still no more open than before.
 */
export const repairAclCommands = (dir: string): readonly string[][] => [
  [dir, '/setowner', `*${ADMINISTRATORS_SID}`, '/T', '/L', '/Q'],
  [
    dir,
    '/inheritance:r',
    '/grant:r',
    `*${ADMINISTRATORS_SID}:(OI)(CI)F`,
    `*${SYSTEM_SID}:(OI)(CI)F`,
    '/remove:g',
    ...UNWANTED_SIDS.map((sid) => `*${sid}`),
    '/Q',
  ],
];

export interface Ace {
  readonly principal: string;
  readonly inherited: boolean;
  readonly fullControl: boolean;
}

/**
 * The entries of `icacls <dir>`: the first line starts with the path, the others are indented to it;
 * then a blank line and the localized "Successfully processed..." summary, which is ignored.
 */
export const parseIcacls = (text: string, dir: string): Ace[] | null => {
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((line) => line.toLowerCase().startsWith(dir.toLowerCase()));
  if (first === -1) return null;
  const aces: Ace[] = [];
  for (let i = first; i < lines.length; i++) {
    const raw = i === first ? lines[i]!.slice(dir.length) : lines[i]!;
    if (raw.trim() === '') break;
    // principal:(flags)... ; a principal may hold a colon only in its domain part, never before '('.
    const match = /^\s*(.+?):((?:\([A-Z,]+\))+)\s*$/.exec(raw);
    if (!match) return null;
    const flags = match[2]!;
    aces.push({ principal: match[1]!, inherited: flags.includes('(I)'), fullControl: /\(F\)/.test(flags) });
  }
  return aces;
};

const KNOWN_ADMINISTRATORS = new Set(['builtin\\administrators', 'vordefiniert\\administratoren']);
const KNOWN_SYSTEM = new Set(['nt authority\\system', 'nt-autorität\\system']);

/** Two explicit full-control entries and nothing else. */
const twoExplicitFull = (aces: readonly Ace[]) =>
  aces.length === 2 && aces.every((ace) => ace.fullControl && !ace.inherited);

/** Recognizably exactly Administrators + SYSTEM (names of the languages we know). */
export const isLockedDown = (aces: readonly Ace[]): boolean =>
  twoExplicitFull(aces) &&
  aces.some((ace) => KNOWN_ADMINISTRATORS.has(ace.principal.toLowerCase())) &&
  aces.some((ace) => KNOWN_SYSTEM.has(ace.principal.toLowerCase()));

export type DataDirAclResult =
  { readonly ok: true; readonly repaired: boolean } | { readonly ok: false; readonly message: string };

/** Reads, repairs when needed, re-reads. Never throws; the caller refuses to start on `ok: false`. */
export const ensureDataDirAcl = async (
  runner: CommandRunner,
  dir: string,
  options: { readonly makeDir?: (dir: string) => Promise<unknown> } = {},
): Promise<DataDirAclResult> => {
  // First start: the folder does not exist yet. Made here, it inherits ProgramData's ACL (Users may
  // write), which the repair below removes before anything is written into it.
  try {
    await (options.makeDir ?? ((d: string) => mkdir(d, { recursive: true })))(dir);
  } catch (error) {
    return { ok: false, message: `The data folder ${dir} could not be created: ${String(error)}` };
  }
  const read = async () => {
    const result = await runner.run('icacls', [dir]);
    return result.timedOut || result.exitCode !== 0 ? null : parseIcacls(result.stdout, dir);
  };
  const before = await read();
  if (before && isLockedDown(before)) return { ok: true, repaired: false };
  let repair: Awaited<ReturnType<CommandRunner['run']>> | null = null;
  for (const args of repairAclCommands(dir)) {
    repair = await runner.run('icacls', args);
    if (repair.timedOut || repair.exitCode !== 0) break;
  }
  const after = await read();
  // Judged by the re-read: the two SIDs were just granted, so two explicit full entries are them.
  if (after && twoExplicitFull(after)) return { ok: true, repaired: true };
  const why = repair?.timedOut
    ? 'icacls timed out'
    : (repair?.stdout.trim().split(/\r?\n/)[0] ?? `exit code ${repair?.exitCode ?? 'none'}`);
  return {
    ok: false,
    message: `The data folder ${dir} can be changed by accounts other than Administrators and SYSTEM, and Portwarden could not restrict it (${why}). Portwarden will not use it: an unelevated program could feed the elevated app through it. Restrict the folder to Administrators and SYSTEM (or reinstall Portwarden), then start it again.`,
  };
};

export type OpenedDataDir<T> =
  | { readonly ok: true; readonly repaired: boolean; readonly services: T }
  | { readonly ok: false; readonly message: string };

/**
 * The start order: the ACL check settles (folder restricted, repaired and verified, or refused)
 * before `open` runs, because `open` (createAppServices) is what writes main.log, the audit log and
 * the journal. A refused folder is never opened, so nothing is written into it. `check` is null where
 * no check applies (the simulator's folder, a non-Windows run). A check that throws is a refusal.
 */
export const openDataDir = async <T>(options: {
  readonly check: (() => Promise<DataDirAclResult>) | null;
  readonly open: () => T;
}): Promise<OpenedDataDir<T>> => {
  let acl: DataDirAclResult = { ok: true, repaired: false };
  if (options.check) {
    try {
      acl = await options.check();
    } catch (error) {
      acl = { ok: false, message: `The data folder's permissions could not be checked: ${String(error)}` };
    }
  }
  if (!acl.ok) return acl;
  return { ok: true, repaired: acl.repaired, services: options.open() };
};
