/**
 * Escaping for the log files under %ProgramData%\Portwarden\logs. A log line is a record boundary:
 * whatever text the renderer or a command's output carries (a CRLF followed by a fake audit line,
 * ANSI escapes that repaint a terminal, U+2028 that some viewers treat as a line break, bidi
 * overrides that reorder what an admin reads, NUL, megabytes of text) must stay inside its line.
 */

/** Characters that end a line somewhere, or control or disguise what a viewer shows. */
// C0 controls, DEL and C1 controls (U+009B is a one-byte CSI), the line/paragraph separators,
// bidi embeddings/overrides/isolates and marks, zero-width characters and the BOM.
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const hex4 = (char: string) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;

const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** Cuts `text` to `max` characters (not inside a surrogate pair) and says how much was cut. */
export const clipText = (text: string, max: number): string => {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…[+${text.length - end} chars]`;
};

/**
 * One log line's worth of text: backslashes doubled first (so `\n` in the output always means an
 * escaped line feed, never a literal backslash-n the sender typed), then every character of UNSAFE
 * as `\n`, `\r`, `\t` or `\uXXXX`. Clipped to `max` input characters before escaping, so the work
 * and the output are bounded (at most six output characters per input character).
 */
export const escapeLogText = (text: string, max = 16 * 1024): string =>
  clipText(String(text), max)
    .replace(/\\/g, '\\\\')
    .replace(UNSAFE, (char) => SHORT[char] ?? hex4(char));

/**
 * JSON for one audit line. JSON.stringify already escapes `"`, `\`, C0 controls and lone
 * surrogates; it leaves U+2028/U+2029, DEL, C1 and the bidi/zero-width characters as they are,
 * which are only ever inside strings in its output, where `\uXXXX` means the same character.
 */
export const safeJsonLine = (value: unknown): string =>
  JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, hex4);
