/**
 * Packaged builds refuse to start with switches that open a debugger or weaken the sandbox
 * (docs/architecture.md §5). The app runs elevated: `--remote-debugging-port` or `--inspect` on an admin process is
 * a ready-made local privilege escalation, and `--no-sandbox` removes the wall between a renderer bug
 * and the machine. The fuses (electron-builder.yml) cover the Node side as well; this covers Chromium.
 */

/** Switch names (without dashes, lower case) that stop a packaged build. */
export const FORBIDDEN_SWITCHES = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'no-sandbox',
  'js-flags',
  'disable-web-security',
  'allow-file-access-from-files',
] as const;

/** Families that must not slip through under a sibling name (`--inspect-wait`, `--inspect-brk-node`). */
const FORBIDDEN_PREFIXES = ['inspect', 'remote-debugging-'] as const;

/**
 * The switch name an argv entry spells, or null. Chromium on Windows accepts `--x`, `-x` and `/x`,
 * and lower-cases switch names (base/command_line.cc), so `/Remote-Debugging-Port=9222` counts.
 */
const switchNameOf = (arg: string): string | null => {
  const match = /^(?:--|-|\/)([^=\s]+)/.exec(arg.trim());
  return match?.[1] ? match[1].toLowerCase() : null;
};

const isForbidden = (name: string): boolean =>
  (FORBIDDEN_SWITCHES as readonly string[]).includes(name) || FORBIDDEN_PREFIXES.some((p) => name.startsWith(p));

/**
 * The forbidden switches present in argv, in order (spelled as found). Scans every entry, including
 * after a bare `--`: a false alarm only refuses a start, a miss would expose an admin process.
 */
export const findForbiddenSwitches = (argv: readonly string[]): string[] =>
  argv.filter((arg) => {
    const name = switchNameOf(arg);
    return name !== null && isForbidden(name);
  });

export interface SwitchCheckHost {
  readonly isPackaged: boolean;
  readonly argv: readonly string[];
  /** app.commandLine.hasSwitch: also sees switches Electron or a parent appended. */
  readonly hasSwitch: (name: string) => boolean;
  /**
   * A test build (`npm run dist:test`: `portwardenTestBuild` in the packaged package.json, inside the
   * integrity-checked asar) lets Playwright's _electron attach its debugger (`--inspect=0
   * --remote-debugging-port=0`). Sandbox-weakening switches stay refused even there.
   */
  readonly testBuild?: boolean;
}

/** What Playwright needs in a test build: the debugger switch families, nothing that weakens the sandbox. */
const isDebuggerSwitch = (spelled: string): boolean => {
  const name = switchNameOf(spelled) ?? spelled.replace(/^--/, '');
  return name.startsWith('inspect') || name.startsWith('remote-debugging-');
};

/** What refuses a start: [] means go ahead. Dev builds are never refused (debugging is the point). */
export const forbiddenSwitchesAtStart = (host: SwitchCheckHost): string[] => {
  if (!host.isPackaged) return [];
  const fromArgv = findForbiddenSwitches(host.argv);
  const fromCommandLine = FORBIDDEN_SWITCHES.filter((name) => host.hasSwitch(name)).map((name) => `--${name}`);
  const found = [...new Set([...fromArgv, ...fromCommandLine])];
  return host.testBuild ? found.filter((spelled) => !isDebuggerSwitch(spelled)) : found;
};

/** Whether the packaged package.json carries electron-builder.test.yml's flag; unreadable counts as no. */
export const isTestBuild = (readPackageJson: () => string): boolean => {
  try {
    const manifest = JSON.parse(readPackageJson()) as { portwardenTestBuild?: unknown } | null;
    return manifest?.portwardenTestBuild === true;
  } catch {
    return false;
  }
};

export const refusalMessage = (found: readonly string[]): string =>
  `Portwarden runs as administrator and does not start with debugging or sandbox-weakening switches: ${found.join(', ')}`;
