/**
 * The .wslconfig that WSL actually uses: the one in the profile of the user signed in at the console.
 * Portwarden runs elevated, and when an administrator elevated with other credentials its own
 * %UserProfile% is the wrong folder; so the user is the owner of the console session's explorer.exe
 * (`tasklist /v`), and the folder is that user's ProfileImagePath under
 * HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion\ProfileList. Both are System32 tools with fixed
 * argv, through the runner (so the activity log shows them). The file itself is read as data only,
 * size-capped, and parsed by parse.ts; nothing from it ever reaches a command line.
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CommandLine } from '../commands';
import { parseCsvLine } from '../parse/csv-line';
import { isMissingFile } from '../stored-json';
import type { WslConfigSource } from './types';
import { messageOf } from '../../../shared/result';

export const PROFILE_LIST_KEY = 'HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\ProfileList';
/** A .wslconfig is a few lines; anything larger is not one. */
export const MAX_WSLCONFIG_BYTES = 64 * 1024;

export const explorerOwnersQuery = (): CommandLine => ({
  command: 'tasklist',
  args: ['/v', '/fo', 'csv', '/nh', '/fi', 'IMAGENAME eq explorer.exe'],
});

export const profileListQuery = (): CommandLine => ({
  command: 'reg',
  args: ['query', PROFILE_LIST_KEY, '/s', '/v', 'ProfileImagePath'],
});

/** The user (`DOMAIN\name`) owning explorer.exe in the Console session, else in any session. */
export const parseConsoleUser = (csv: string): string | null => {
  const rows = csv
    .split(/\r?\n/)
    .filter((line) => line.startsWith('"'))
    .map(parseCsvLine)
    .filter((cells) => cells.length >= 7 && cells[0]!.toLowerCase() === 'explorer.exe');
  const row = rows.find((cells) => cells[2]!.toLowerCase() === 'console') ?? rows[0];
  const user = row?.[6]?.trim();
  return user && user !== 'N/A' && user.includes('\\') ? user : null;
};

/** ProfileImagePath of each SID, from `reg query ... /s /v ProfileImagePath`. */
export const parseProfileList = (text: string): { sid: string; profile: string }[] => {
  const found: { sid: string; profile: string }[] = [];
  let sid: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    const key = /\\ProfileList\\(S-1-[0-9-]+)\s*$/i.exec(line);
    if (key) sid = key[1]!;
    const value = /^\s+ProfileImagePath\s+REG_(?:EXPAND_)?SZ\s+(.+?)\s*$/i.exec(line);
    if (value && sid) found.push({ sid, profile: value[1]! });
  }
  return found;
};

/**
 * The profile folder of `DOMAIN\name`: Windows names it after the account, adding `.DOMAIN` (or
 * `.000`) when the name was taken. Only user accounts (S-1-5-21-…) and absolute drive paths count.
 */
export const profileOf = (user: string, profiles: readonly { sid: string; profile: string }[]): string | null => {
  const name = user.split('\\').pop()!.toLowerCase();
  const candidates = profiles.filter(
    (p) => p.sid.startsWith('S-1-5-21-') && /^[A-Za-z]:\\/.test(p.profile) && !p.profile.includes('%'),
  );
  const leaf = (p: string) => p.split('\\').pop()!.toLowerCase();
  const exact = candidates.find((p) => leaf(p.profile) === name);
  const suffixed = candidates.find((p) => leaf(p.profile).startsWith(`${name}.`));
  return (exact ?? suffixed)?.profile ?? null;
};

export const createInteractiveWslConfig = (): WslConfigSource => ({
  async read(op) {
    const owners = await op.run(explorerOwnersQuery());
    const user = owners.exitCode === 0 ? parseConsoleUser(owners.stdout) : null;
    if (user === null) return { profile: null, text: null, error: 'no user is signed in at the console' };
    const list = await op.run(profileListQuery());
    const profile = list.exitCode === 0 ? profileOf(user, parseProfileList(list.stdout)) : null;
    if (profile === null) return { profile: null, text: null, error: `the profile folder of ${user} was not found` };
    const file = path.win32.join(profile, '.wslconfig');
    try {
      const info = await stat(file);
      if (!info.isFile() || info.size > MAX_WSLCONFIG_BYTES) {
        return { profile, text: null, error: `${file} is not a .wslconfig file (over ${MAX_WSLCONFIG_BYTES} bytes)` };
      }
      return { profile, text: await readFile(file, 'utf8') };
    } catch (error) {
      if (isMissingFile(error)) return { profile, text: null };
      return {
        profile,
        text: null,
        error: `${file} could not be read: ${messageOf(error)}`,
      };
    }
  },
});
