/**
 * Line handling shared by the parsers. Real console text arrives with CRLF (see
 * net-stop-usermode-service-json-crlf.ko.1.txt), copies and logs with LF; authors indent it
 * (session-portproxy-add-show-delete.zh-CN.1-indented.txt), scripts prefix it
 * (`[verify] ` in portproxy-show-and-netstat.zh-CN.3-script-log.txt) and netsh pads it with trailing
 * spaces (excludedportrange-tcp.en.7-trailing-spaces.txt). Parsers see every line already cleaned.
 */

/** A script-log tag such as `[verify] `; a lone `[svchost.exe]` (netstat -b) has nothing after it and stays. */
const LOG_TAG_PREFIX = /^\s*\[[A-Za-z][\w.-]*\](?:\s|$)/;

export const splitLines = (text: string): string[] => text.split(/\r\n|\r|\n/);

/** Strips a log tag, indentation and trailing padding. */
export const cleanLine = (line: string): string => {
  // A tag needs a '['; most lines have none and skip the regex.
  const tagged = line.includes('[') ? LOG_TAG_PREFIX.exec(line) : null;
  const untagged = tagged && tagged[0].trimEnd() !== line.trim() ? line.slice(tagged[0].length) : line;
  return untagged.trim();
};

export const cleanLines = (text: string): string[] => splitLines(text).map(cleanLine);

/**
 * Shell prompts the samples contain: `C:\WINDOWS\system32>`, `PS C:\Users\x>`, `(base) PS C:\...>`,
 * `user@HOST C:\...>`, `PS>`, `$ `, `> ` and the interactive `netsh interface ipv4>`. A prompt marks the
 * end of one command's output in a pasted session.
 */
const PROMPT_LINE = /^(?:.*?[A-Za-z]:\\[^>]*>|PS>|\$(?:\s|$)|>(?:\s|$)|netsh[\w ]*>)/;

// Every prompt has a '>' or starts with '$': most lines have neither, and skip the regex (whose lazy
// `.*?` would otherwise try every position of a long line).
export const isPromptLine = (line: string): boolean =>
  (line.charCodeAt(0) === 0x24 || line.includes('>')) && PROMPT_LINE.test(line);

/** Number of dash groups on a rule line (`----------    --------` is 2), or 0 when it is not a rule. */
export const dashRuleGroups = (line: string): number =>
  line.charCodeAt(0) === 0x2d && /^-{3,}(?:\s+-{3,})*$/.test(line) ? line.split(/\s+/).length : 0;

/** Strict decimal port: digits only (no sign, exponent or spaces), 0..65535; null otherwise. */
export const parsePortToken = (token: string | undefined): number | null => {
  if (token === undefined || !/^[0-9]{1,5}$/.test(token)) return null;
  const port = Number(token);
  return port <= 65_535 ? port : null;
};
