/**
 * Pure parsers for what WSL prints and keeps: `wsl -l -v`, `ip -4 -o addr show eth0`, and the
 * `.wslconfig` INI file. They never throw; anything they cannot read is null or an error value.
 */
import type { WslDistro } from '../../../shared/model';
import { DISTRO_NAME_PATTERN } from '../../../shared/validate';

/**
 * `wsl -l -v` rows: an optional `*` (the default distro), NAME, STATE, VERSION. The header row is the
 * first non-blank line and is skipped by position (it is localized). A name wsl.exe would not accept
 * is dropped, so it can never reach a command line.
 */
export const parseWslList = (text: string): WslDistro[] | null => {
  const lines = text
    .replace(/\0/g, '')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '');
  if (lines.length < 1) return null;
  const distros: WslDistro[] = [];
  for (const line of lines.slice(1)) {
    const match = /^\s*(\*)?\s*(\S+)\s+(\S+)\s+(\d+)\s*$/.exec(line);
    if (!match) return null;
    const [, star, name, stateText, version] = match;
    if (!DISTRO_NAME_PATTERN.test(name!)) continue;
    const lowered = stateText!.toLowerCase();
    distros.push({
      name: name!,
      state: lowered === 'running' ? 'running' : lowered === 'stopped' ? 'stopped' : 'other',
      stateText: stateText!,
      version: Number(version),
      isDefault: star === '*',
    });
  }
  return distros;
};

const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** The first `inet a.b.c.d/nn` of `ip -4 -o addr show eth0`; null when there is none. */
export const parseEth0Address = (text: string): string | null => {
  const match = /\binet\s+(\d{1,3}(?:\.\d{1,3}){3})\/\d{1,2}\b/.exec(text);
  return match && IPV4.test(match[1]!) ? match[1]! : null;
};

export type WslConfigParse =
  | { readonly ok: true; readonly mode: 'nat' | 'mirrored'; readonly explicit: boolean }
  | { readonly ok: false; readonly line: number; readonly error: string };

const MODES = new Set(['nat', 'mirrored', 'none', 'virtioproxy', 'bridged']);

/**
 * `.wslconfig` as WSL reads it: INI sections, `key = value`, `#` and `;` comments. Only
 * `[wsl2] networkingMode` matters here. A line that is neither a section, a pair, a comment nor blank,
 * or a networkingMode WSL does not know, is an error naming the line: the mode cannot be told then.
 * Modes other than mirrored behave like NAT for forwarding (the VM has its own address).
 */
export const parseWslConfig = (text: string): WslConfigParse => {
  let section = '';
  let mode: 'nat' | 'mirrored' = 'nat';
  let explicit = false;
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/^\s*[#;].*$/, '').trim();
    if (line === '') continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      section = header[1]!.trim().toLowerCase();
      continue;
    }
    const pair = /^([A-Za-z0-9_.]+)\s*=\s*(.*)$/.exec(line);
    if (!pair) return { ok: false, line: index + 1, error: `line ${index + 1} is not a [section] or key=value` };
    if (section !== 'wsl2' || pair[1]!.toLowerCase() !== 'networkingmode') continue;
    const value = pair[2]!
      .replace(/\s+[#;].*$/, '')
      .trim()
      .toLowerCase();
    if (!MODES.has(value)) {
      return { ok: false, line: index + 1, error: `line ${index + 1}: networkingMode "${value}" is not a WSL mode` };
    }
    mode = value === 'mirrored' ? 'mirrored' : 'nat';
    explicit = true;
  }
  return { ok: true, mode, explicit };
};
