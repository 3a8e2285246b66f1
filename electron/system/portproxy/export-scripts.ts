/**
 * The export as a script a user can run on another machine (issue #11): a Command Prompt `.cmd` and a
 * PowerShell `.ps1` that recreate the listed portproxy rules and Portwarden's inbound firewall rules.
 *
 * The commands are the app's own argv builders (commands.ts), so a script runs exactly what Portwarden
 * would run; only the quoting is per language. Pure text generation: the main process serves it
 * (export-rules.ts) and the tests parse it back (test/helpers/parse-export-scripts.ts).
 *
 * Every token today is validated data (docs/architecture.md §5: no spaces, quotes or `=` in addresses)
 * plus the firewall rule name, which holds spaces. The quoting below is still complete for any token
 * without a double quote or a control character, so a future rule name with `&`, `%` or `'` cannot
 * turn into a second command; a token it cannot express throws instead of being written wrongly.
 */
import type { ProxyRule } from '../../../shared/model';
import type { CommandLine } from '../commands';
import { addFirewallRule, addPortProxy, deleteFirewallRule, showPortProxy } from './commands';

/** A listed rule and whether Portwarden's firewall rule exists for its listen port (the JSON export's rows). */
export interface ExportedRule extends ProxyRule {
  readonly firewall: boolean;
}

export interface ScriptOptions {
  /** False when the firewall could not be read: the script then says it adds no firewall rule. */
  readonly firewallRead?: boolean;
}

/** What a script runs, in order: every rule, then per firewall port a delete by our exact name and an add. */
export interface ScriptCommands {
  readonly rules: readonly CommandLine[];
  /** `delete` first: netsh adds a second rule of the same name (firewall.ts), so re-running stays exact. */
  readonly firewall: readonly { readonly remove: CommandLine; readonly add: CommandLine }[];
}

/** One firewall rule per listen port, shared by every rule on it, in port order like planFirewall. */
export const firewallPortsOf = (rules: readonly ExportedRule[]): number[] =>
  [...new Set(rules.filter((rule) => rule.firewall).map((rule) => rule.listenPort))].sort((a, b) => a - b);

export const scriptCommands = (rules: readonly ExportedRule[]): ScriptCommands => ({
  rules: rules.map((rule) => addPortProxy(rule)),
  firewall: firewallPortsOf(rules).map((port) => ({ remove: deleteFirewallRule(port), add: addFirewallRule(port) })),
});

/** A double quote or a control character has no safe spelling in both languages' argv round trip. */
const assertScriptable = (token: string): void => {
  // eslint-disable-next-line no-control-regex
  if (/["\u0000-\u001f\u007f]/.test(token)) throw new Error(`Cannot write ${JSON.stringify(token)} into a script.`);
};

const countLine = (rules: readonly ExportedRule[], options: ScriptOptions): string => {
  const firewall = firewallPortsOf(rules).length;
  const ruleWord = rules.length === 1 ? 'rule' : 'rules';
  const firewallWord = firewall === 1 ? 'rule' : 'rules';
  return options.firewallRead === false
    ? `Recreates ${rules.length} portproxy ${ruleWord}. The firewall could not be read at export, so it adds no firewall rule.`
    : `Recreates ${rules.length} portproxy ${ruleWord} and ${firewall} Portwarden inbound firewall ${firewallWord}.`;
};

const ABOUT = [
  'Exported by Portwarden. Rules with the same listen address and port are replaced; other rules stay.',
  'It must run as administrator: netsh cannot change portproxy or firewall rules otherwise.',
];

// ---- Command Prompt -----------------------------------------------------------------------------

/**
 * One argv token as cmd.exe and then the program's argv parser (the C runtime's rules, which netsh
 * follows) read it back. Outside quotes cmd removes `^` and acts on `& | < >`, so those and `^` get a
 * caret; a token with whitespace is quoted (`name="Portwarden portproxy TCP 8080"`, the form netsh
 * documents), and inside quotes carets are literal. A batch file expands `%` everywhere: `%%`. Inside
 * quotes, backslashes right before the closing quote are doubled for the C runtime.
 */
export const quoteCmdArg = (token: string): string => {
  assertScriptable(token);
  if (token !== '' && !/\s/.test(token)) return token.replace(/[&|<>^]/g, '^$&').replace(/%/g, '%%');
  const equals = token.indexOf('=');
  // key="value" when the key is a plain word (netsh's own examples); otherwise the whole token in quotes.
  const [key, value] =
    equals > 0 && /^[A-Za-z]+$/.test(token.slice(0, equals))
      ? [token.slice(0, equals + 1), token.slice(equals + 1)]
      : ['', token];
  const inner = value.replace(/%/g, '%%').replace(/(\\+)$/, '$1$1');
  return `${key}"${inner}"`;
};

export const cmdLine = (line: CommandLine): string => [line.command, ...line.args].map(quoteCmdArg).join(' ');

/**
 * After each command that must succeed. `if %errorlevel% neq 0` on its own line (expanded when that line
 * is read, after the command ran) catches any non-zero code, negative ones too, which `if errorlevel 1`
 * does not; `|| goto` would say the same on Windows, but Wine's cmd.exe runs the right side of `||` after
 * a program that succeeded too, and Wine is where test/win32/export-cmd.win32-test.ts runs this script.
 */
const CMD_STOP_ON_FAILURE = 'if %errorlevel% neq 0 goto :failed';

/** CRLF throughout: cmd.exe misreads labels and `goto` in a batch file with bare LF line ends. */
export const cmdScript = (rules: readonly ExportedRule[], options: ScriptOptions = {}): string => {
  const commands = scriptCommands(rules);
  const lines = [
    '@echo off',
    `rem ${countLine(rules, options)}`,
    ...ABOUT.map((text) => `rem ${text}`),
    // No !expansion! inside tokens, whatever the machine's default is.
    'setlocal DisableDelayedExpansion',
    // A variable named ERRORLEVEL would stand in for the exit code %errorlevel% reads.
    'set "ERRORLEVEL="',
    'net session >nul 2>&1',
    'if %errorlevel% neq 0 (echo This script must be run as administrator. & exit /b 1)',
    '',
    ...commands.rules.flatMap((line) => [cmdLine(line), CMD_STOP_ON_FAILURE]),
    ...commands.firewall.flatMap(({ remove, add }) => [
      // No rule of that name yet is the usual case and not a failure.
      `${cmdLine(remove)} >nul 2>&1`,
      cmdLine(add),
      CMD_STOP_ON_FAILURE,
    ]),
    '',
    'echo Done. The portproxy rules are now:',
    cmdLine(showPortProxy()),
    'exit /b 0',
    '',
    ':failed',
    'echo A netsh command failed (exit code %errorlevel%); the commands before it stayed in effect.',
    'exit /b 1',
  ];
  return `${lines.join('\r\n')}\r\n`;
};

// ---- PowerShell ---------------------------------------------------------------------------------

/** PowerShell reads all four of these as a single quote, and a doubled one as that character itself. */
const POWERSHELL_SINGLE_QUOTES = /['\u2018\u2019\u201a\u201b]/g;

/** One token as a single-quoted PowerShell string: nothing inside is expanded. */
export const quotePowerShellString = (token: string): string => {
  assertScriptable(token);
  return `'${token.replace(POWERSHELL_SINGLE_QUOTES, '$&$&')}'`;
};

export const powerShellArray = (line: CommandLine): string => `@(${line.args.map(quotePowerShellString).join(', ')})`;

export const powerShellScript = (rules: readonly ExportedRule[], options: ScriptOptions = {}): string => {
  const commands = scriptCommands(rules);
  const lines = [
    '#Requires -RunAsAdministrator',
    `# ${countLine(rules, options)}`,
    ...ABOUT.map((text) => `# ${text}`),
    "$ErrorActionPreference = 'Stop'",
    '',
    '# netsh is a native program: its exit code is checked here, since $ErrorActionPreference does not see it.',
    'function Invoke-Netsh {',
    '  param([Parameter(Mandatory = $true)] [string[]] $Arguments, [switch] $AllowFailure)',
    '  if ($AllowFailure) { $null = & netsh.exe @Arguments; return }',
    '  & netsh.exe @Arguments',
    '  if ($LASTEXITCODE -ne 0) { throw "netsh $($Arguments -join \' \') failed with exit code $LASTEXITCODE." }',
    '}',
    '',
    ...commands.rules.map((line) => `Invoke-Netsh -Arguments ${powerShellArray(line)}`),
    ...commands.firewall.flatMap(({ remove, add }) => [
      `Invoke-Netsh -AllowFailure -Arguments ${powerShellArray(remove)}`,
      `Invoke-Netsh -Arguments ${powerShellArray(add)}`,
    ]),
    '',
    "Write-Output 'Done. The portproxy rules are now:'",
    `Invoke-Netsh -Arguments ${powerShellArray(showPortProxy())}`,
  ];
  return `${lines.join('\r\n')}\r\n`;
};
