/**
 * Reads the exported `.cmd` and `.ps1` scripts back, as their interpreters would, to prove the export
 * recreates exactly the rules and firewall rules it was made from (issue #11). Written independently of
 * export-scripts.ts: it tokenizes, it does not reuse the quoting functions.
 *
 * cmd.exe + the C runtime's argv rules (which netsh follows), for one line of a batch file:
 *  - `%%` is `%` (a batch file expands `%` before anything else, inside quotes too);
 *  - outside quotes `^x` is a literal x, and an unescaped `&`, `|`, `<` or `>` ends the command;
 *  - whitespace outside quotes separates arguments; `"` toggles quoting and is removed;
 *  - 2n backslashes before `"` are n backslashes and the quote toggles; 2n+1 are n and a literal `"`.
 * PowerShell: an array literal `@('a', 'b')` of single-quoted strings, in which a doubled single quote
 * (any of ' ‘ ’ ‚ ‛) stands for itself.
 */
import type { ProxyRule, ProxyType } from '../../shared/model';

export interface ParsedLine {
  readonly argv: readonly string[];
  /** What followed the command on its line (an operator and its operands), trimmed. */
  readonly rest: string;
}

/** One line of a batch file: the command's argv and the operators after it. */
export const tokenizeCmdLine = (line: string): ParsedLine => {
  // A private-use character stands in for `%%` while looking for a lone `%` (the export never writes one).
  const expanded = line.replace(/%%/g, '\ue000');
  if (expanded.includes('%')) throw new Error(`Unexpanded %: ${line}`);
  const text = expanded.replace(/\ue000/g, '%');
  const argv: string[] = [];
  let current = '';
  let started = false;
  let quoted = false;
  let i = 0;
  const push = () => {
    if (started) argv.push(current);
    current = '';
    started = false;
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      let n = 0;
      while (text[i + n] === '\\') n++;
      if (text[i + n] === '"') {
        current += '\\'.repeat(Math.floor(n / 2));
        started = true;
        i += n - 1;
        if (n % 2 === 1) {
          current += '"';
          i += 1;
        }
        continue;
      }
      current += '\\'.repeat(n);
      started = true;
      i += n - 1;
      continue;
    }
    if (c === '"') {
      quoted = !quoted;
      started = true;
      continue;
    }
    if (quoted) {
      current += c;
      continue;
    }
    if (c === '^') {
      if (i + 1 >= text.length) throw new Error(`Caret at the end of: ${line}`);
      current += text[++i]!;
      started = true;
      continue;
    }
    if (c === '&' || c === '|' || c === '<' || c === '>') break;
    if (c === ' ' || c === '\t') {
      push();
      continue;
    }
    current += c;
    started = true;
  }
  if (quoted) throw new Error(`Unclosed quote in: ${line}`);
  push();
  return { argv, rest: text.slice(i).trim() };
};

const SINGLE_QUOTES = new Set(["'", '\u2018', '\u2019', '\u201a', '\u201b']);

/** `@('a', 'b''c')` → ['a', "b'c"]; anything else in the literal is an error. */
export const parsePowerShellArray = (literal: string): string[] => {
  const text = literal.trim();
  if (!text.startsWith('@(') || !text.endsWith(')')) throw new Error(`Not an array literal: ${literal}`);
  const body = text.slice(2, -1);
  const items: string[] = [];
  let i = 0;
  const skipSpace = () => {
    while (body[i] === ' ') i++;
  };
  skipSpace();
  while (i < body.length) {
    if (!SINGLE_QUOTES.has(body[i]!)) throw new Error(`Expected a single-quoted string at ${i}: ${literal}`);
    i++;
    let value = '';
    for (;;) {
      if (i >= body.length) throw new Error(`Unclosed string: ${literal}`);
      const c = body[i]!;
      if (SINGLE_QUOTES.has(c)) {
        if (SINGLE_QUOTES.has(body[i + 1] ?? '')) {
          value += c;
          i += 2;
          continue;
        }
        i++;
        break;
      }
      value += c;
      i++;
    }
    items.push(value);
    skipSpace();
    if (i < body.length) {
      if (body[i] !== ',') throw new Error(`Expected a comma at ${i}: ${literal}`);
      i++;
      skipSpace();
    }
  }
  return items;
};

export interface ScriptEffect {
  /** The portproxy rules the script leaves, in the order they were added (a re-add replaces in place). */
  readonly rules: readonly ProxyRule[];
  /** The firewall rule names it leaves, as a sorted list (a duplicate name is an error). */
  readonly firewall: readonly string[];
  /** Every netsh argv in the order the script runs them (the show at the end included). */
  readonly commands: readonly (readonly string[])[];
}

const TYPES = new Set<string>(['v4tov4', 'v4tov6', 'v6tov4', 'v6tov6']);

const keyValues = (tokens: readonly string[]): Map<string, string> => {
  const values = new Map<string, string>();
  for (const token of tokens) {
    const at = token.indexOf('=');
    if (at <= 0) throw new Error(`Not key=value: ${token}`);
    const key = token.slice(0, at).toLowerCase();
    if (values.has(key)) throw new Error(`Twice: ${key}`);
    values.set(key, token.slice(at + 1));
  }
  return values;
};

const portOf = (text: string | undefined): number => {
  if (text === undefined || !/^[1-9][0-9]{0,4}$/.test(text)) throw new Error(`Not a port: ${text}`);
  return Number(text);
};

/** Applies the netsh commands in order to an empty machine: what the script would leave behind. */
export const effectOf = (commands: readonly (readonly string[])[]): ScriptEffect => {
  const rules = new Map<string, ProxyRule>();
  const firewall = new Set<string>();
  for (const argv of commands) {
    const [command, ...args] = argv;
    if (command !== 'netsh') throw new Error(`Not netsh: ${argv.join(' ')}`);
    const words = args.join(' ');
    if (words === 'interface portproxy show all') continue;
    if (args[0] === 'interface' && args[1] === 'portproxy' && args[2] === 'add' && TYPES.has(args[3] ?? '')) {
      const values = keyValues(args.slice(4));
      const rule: ProxyRule = {
        type: args[3] as ProxyType,
        listenAddress: values.get('listenaddress') ?? '*',
        listenPort: portOf(values.get('listenport')),
        connectAddress: values.get('connectaddress') ?? '',
        connectPort: portOf(values.get('connectport')),
      };
      rules.set(`${rule.type} ${rule.listenAddress} ${rule.listenPort}`, rule);
      continue;
    }
    if (args.slice(0, 4).join(' ') === 'advfirewall firewall add rule') {
      const values = keyValues(args.slice(4));
      const name = values.get('name') ?? '';
      if (values.get('dir') !== 'in' || values.get('action') !== 'allow' || values.get('protocol') !== 'TCP')
        throw new Error(`Not an inbound TCP allow rule: ${words}`);
      if (firewall.has(name)) throw new Error(`Duplicate firewall rule: ${name}`);
      portOf(values.get('localport'));
      firewall.add(name);
      continue;
    }
    if (args.slice(0, 4).join(' ') === 'advfirewall firewall delete rule') {
      firewall.delete(keyValues(args.slice(4)).get('name') ?? '');
      continue;
    }
    throw new Error(`Unexpected netsh command: ${words}`);
  }
  return { rules: [...rules.values()], firewall: [...firewall].sort(), commands };
};

const CMD_SKIPPED =
  /^(?:@echo off|rem(?: .*)?|setlocal DisableDelayedExpansion|set "ERRORLEVEL="|echo .*|exit \/b [01]|:failed|)$/;
const CMD_ADMIN = [
  'net session >nul 2>&1',
  'if %errorlevel% neq 0 (echo This script must be run as administrator. & exit /b 1)',
];
const CMD_STOP = 'if %errorlevel% neq 0 goto :failed';

/** The `.cmd` script: every line is one the parser knows, and each netsh line is tokenized. */
export const parseCmdScript = (script: string): ScriptEffect => {
  if (!script.endsWith('\r\n') || /(?<!\r)\n/.test(script)) throw new Error('The batch file must use CRLF');
  const lines = script.slice(0, -2).split('\r\n');
  if (lines[0] !== '@echo off') throw new Error('The batch file must start with @echo off');
  const admin = lines.indexOf(CMD_ADMIN[0]!);
  if (admin < 0 || lines[admin + 1] !== CMD_ADMIN[1])
    throw new Error('The batch file does not check for administrator');
  if (!lines.includes('set "ERRORLEVEL="')) throw new Error('The batch file must clear a variable named ERRORLEVEL');
  const commands: string[][] = [];
  lines.forEach((line, index) => {
    if (CMD_SKIPPED.test(line) || index === admin || index === admin + 1 || line === CMD_STOP) return;
    const { argv, rest } = tokenizeCmdLine(line);
    const firewallDelete = argv[1] === 'advfirewall' && argv[3] === 'delete';
    const show = argv.slice(1).join(' ') === 'interface portproxy show all';
    if (rest !== (firewallDelete ? '>nul 2>&1' : ''))
      throw new Error(`Unexpected ${JSON.stringify(rest)} after: ${line}`);
    // Every command but the firewall delete and the closing show stops the script when it fails.
    if (!firewallDelete && !show && lines[index + 1] !== CMD_STOP) throw new Error(`No failure check after: ${line}`);
    commands.push([...argv]);
  });
  return effectOf(commands);
};

const PS_HEADER = ['#Requires -RunAsAdministrator'];
const PS_CALL = /^Invoke-Netsh (-AllowFailure )?-Arguments (@\(.*\))$/;

/**
 * The `.ps1` script: the header, the helper function (taken as written), then one Invoke-Netsh line per
 * command; any other statement is an error.
 */
export const parsePowerShellScript = (script: string): ScriptEffect => {
  const lines = script.replace(/\r\n$/, '').split('\r\n');
  if (lines[0] !== PS_HEADER[0]) throw new Error('The script must start with #Requires -RunAsAdministrator');
  if (!lines.includes("$ErrorActionPreference = 'Stop'")) throw new Error('The script must stop on errors');
  const start = lines.indexOf('function Invoke-Netsh {');
  const end = lines.indexOf('}', start);
  if (start < 0 || end < 0) throw new Error('The script has no Invoke-Netsh helper');
  const helper = lines.slice(start, end + 1).join('\n');
  if (!helper.includes('& netsh.exe @Arguments') || !helper.includes('$LASTEXITCODE -ne 0'))
    throw new Error('The helper must call netsh with & and an argument array and check the exit code');
  const commands: string[][] = [];
  lines.forEach((line, index) => {
    if (index >= start && index <= end) return;
    if (line === '' || line.startsWith('#') || line === "$ErrorActionPreference = 'Stop'") return;
    if (line.startsWith("Write-Output '")) return;
    const call = PS_CALL.exec(line);
    if (!call) throw new Error(`Unexpected statement: ${line}`);
    const argv = parsePowerShellArray(call[2]!);
    // Only the delete before each firewall add may fail (no rule of that name yet).
    const firewallDelete = argv.slice(0, 3).join(' ') === 'advfirewall firewall delete';
    if (Boolean(call[1]) !== firewallDelete) throw new Error(`-AllowFailure on the wrong command: ${line}`);
    commands.push(['netsh', ...argv]);
  });
  return effectOf(commands);
};
