/**
 * `icacls <folder>` and the one change Portwarden makes with it (data-dir-acl.ts): inheritance
 * removed, full control for Administrators and SYSTEM by well-known SID, other well-known groups
 * removed, owner set to Administrators. Output in English (icacls prints localized account names on
 * other display languages, which the module does not depend on: see data-dir-acl.ts).
 */
import { stdoutOf, type SimOutput } from './output';
import type { Machine, SimAce } from './state';

/** Names icacls prints for the well-known SIDs it is given. */
const SID_NAMES: Readonly<Record<string, string>> = {
  'S-1-5-32-544': 'BUILTIN\\Administrators',
  'S-1-5-18': 'NT AUTHORITY\\SYSTEM',
  'S-1-5-32-545': 'BUILTIN\\Users',
  'S-1-5-11': 'NT AUTHORITY\\Authenticated Users',
  'S-1-1-0': 'Everyone',
  'S-1-3-0': 'CREATOR OWNER',
  'S-1-5-4': 'NT AUTHORITY\\INTERACTIVE',
};

const key = (folder: string) => folder.toLowerCase();

const summary = (ok: number, failed: number) => `Successfully processed ${ok} files; Failed processing ${failed} files`;

const render = (folder: string, aces: readonly SimAce[]): string[] => {
  const pad = ' '.repeat(folder.length + 1);
  return [
    ...aces.map(
      (ace, i) => `${i === 0 ? `${folder} ` : pad}${ace.principal}:${ace.inherited ? '(I)' : ''}${ace.rights}`,
    ),
    '',
    summary(1, 0),
  ];
};

const sidOf = (token: string): string | null => (token.startsWith('*') ? token.slice(1) : null);

export const runIcacls = (machine: Machine, args: readonly string[]): SimOutput => {
  const [folder, ...rest] = args;
  const acls = machine.acls ?? {};
  const aces = folder === undefined ? undefined : acls[key(folder)];
  if (folder === undefined || aces === undefined)
    return stdoutOf(2, [`${folder ?? ''}: The system cannot find the file specified.`, summary(0, 1)]);
  if (rest.length === 0) return stdoutOf(0, render(folder, aces));
  if (!machine.elevated) return stdoutOf(5, [`${folder}: Access is denied.`, summary(0, 1)]);
  // Like icacls: /setowner is a form of its own, combined only with /T /C /L /Q.
  const lowered = rest.map((arg) => arg.toLowerCase());
  const modifiers = new Set(['/t', '/c', '/l', '/q']);
  if (
    lowered.includes('/setowner') &&
    lowered.some((a, i) => !modifiers.has(a) && a !== '/setowner' && lowered[i - 1] !== '/setowner')
  )
    return stdoutOf(87, ['Invalid parameter "/setowner"']);
  let next = [...aces];
  let owner = machine.aclOwners?.[key(folder)] ?? 'BUILTIN\\Administrators';
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i]!.toLowerCase();
    if (flag === '/inheritance:r') next = next.filter((ace) => !ace.inherited);
    else if (flag === '/grant:r') {
      while (rest[i + 1]?.startsWith('*')) {
        const [sidToken, rights = ''] = rest[++i]!.split(':');
        const name = SID_NAMES[sidOf(sidToken ?? '') ?? ''];
        if (!name)
          return stdoutOf(1332, ['No mapping between account names and security IDs was done.', summary(0, 1)]);
        // icacls shows a granted `(OI)(CI)F` as `(OI)(CI)(F)`.
        const shown = rights.replace(/(^|\))([A-Z,]+)$/, '$1($2)');
        next = [...next.filter((ace) => ace.principal !== name), { principal: name, rights: shown, inherited: false }];
      }
    } else if (flag === '/remove:g') {
      while (rest[i + 1]?.startsWith('*')) {
        const name = SID_NAMES[sidOf(rest[++i]!) ?? ''];
        next = next.filter((ace) => ace.principal !== name);
      }
    } else if (flag === '/setowner') {
      owner = SID_NAMES[sidOf(rest[++i] ?? '') ?? ''] ?? owner;
    } else if (modifiers.has(flag)) {
      // Recursion, links, continue-on-error, quiet: nothing to model for one folder.
    } else return stdoutOf(87, [`Invalid parameter "${rest[i]}"`]);
  }
  machine.acls = { ...acls, [key(folder)]: next };
  machine.aclOwners = { ...machine.aclOwners, [key(folder)]: owner };
  return stdoutOf(0, [`processed file: ${folder}`, summary(1, 0)]);
};
