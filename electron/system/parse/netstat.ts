/**
 * `netstat -ano` (also `-an`, `-anp tcp`, `-abon`, `-anob`, output filtered through findstr/find/more).
 *
 * A row is `<TCP|UDP> <local endpoint> <remote endpoint> [state] [pid]`; headers are localized
 * (ko `프로토콜  로컬 주소 ...`, zh-CN, de) and ignored. `-b` adds lines such as ` [svchost.exe]`,
 * `  RpcSs` and `Can not obtain ownership information` between rows; they are not rows and are skipped.
 *
 * Decisions:
 * - `[::]:135` gives address `::`. A zone id is kept (`[fe80::1%7]:135` gives `fe80::1%7`): it names the
 *   interface, and two link-local sockets on different interfaces are different sockets.
 * - A TCP row whose remote is `0.0.0.0:0` or `[::]:0` is a listener, whatever its state word says
 *   (docs/architecture.md §3): state 'LISTENING'. Other states are mapped to the English word (netstat-states.ts); an
 *   unknown localized word is kept as printed. A state may be several words (unverified French
 *   `À L'ÉCOUTE`), so everything between the remote endpoint and the pid is the state.
 * - UDP rows (`*:*`) have remoteAddress, remotePort and state null.
 * - pid is null when the row has no trailing number (`netstat -an`).
 */
import { cleanLine, parsePortToken, splitLines } from './lines';
import { neverThrow } from './never-throw';
import { normalizeTcpState } from './netstat-states';
import {
  EMPTY_TABLE,
  NetstatColumns,
  ROW_HAS_PID,
  ROW_HAS_REMOTE,
  ROW_UDP,
  type NetstatTable,
  type ParsedNetstatEntry,
} from './netstat-table';

export type { NetstatTable, ParsedNetstatEntry } from './netstat-table';

interface Endpoint {
  address: string;
  port: number;
}

/** `[v6 address]:port` or `v4-or-name:port`; an unbracketed address with a colon would be ambiguous. */
const ENDPOINT = /^(?:\[([0-9A-Fa-f:.]+(?:%[\w.-]+)?)\]|([^\s:[\]]+)):([0-9]+)$/;

const parseEndpoint = (token: string | undefined): Endpoint | null => {
  const match = token === undefined ? null : ENDPOINT.exec(token);
  if (!match) return null;
  const port = parsePortToken(match[3]);
  const address = match[1] ?? match[2];
  return port === null || address === undefined ? null : { address, port };
};

const WILDCARD_ENDPOINT = '*:*';
const UNSPECIFIED_ADDRESSES = new Set(['0.0.0.0', '::']);

const isListenerRemote = (remote: Endpoint | null): boolean =>
  remote !== null && remote.port === 0 && UNSPECIFIED_ADDRESSES.has(remote.address);

const parsePid = (token: string | undefined): number | null =>
  token !== undefined && /^[0-9]{1,10}$/.test(token) && Number(token) <= 0xffff_ffff ? Number(token) : null;

/** The general row parser: any cleaned line. The scanner below hands it every line it does not handle itself. */
const parseRow = (line: string): ParsedNetstatEntry | null => {
  const [protocolToken = '', localToken, remoteToken, ...rest] = line.split(/\s+/);
  const protocol = protocolToken.toLowerCase();
  if (protocol !== 'tcp' && protocol !== 'udp') return null;
  const local = parseEndpoint(localToken);
  if (!local) return null;
  const remote = remoteToken === WILDCARD_ENDPOINT ? null : parseEndpoint(remoteToken);
  if (!remote && remoteToken !== WILDCARD_ENDPOINT) return null;

  const pid = parsePid(rest.at(-1));
  const stateWords = (pid === null ? rest : rest.slice(0, -1)).join(' ');
  const state =
    protocol === 'udp'
      ? null
      : isListenerRemote(remote)
        ? 'LISTENING'
        : stateWords
          ? normalizeTcpState(stateWords)
          : null;

  return {
    protocol,
    localAddress: local.address,
    localPort: local.port,
    remoteAddress: protocol === 'udp' ? null : (remote?.address ?? null),
    remotePort: protocol === 'udp' ? null : (remote?.port ?? null),
    state,
    pid,
  };
};

/*
 * The single-pass scanner. A busy machine prints 100,000 rows on every owners refresh, and the general
 * path above costs a split, several regular expressions and a few arrays per line. The scanner walks
 * each line once, reading the fields as it finds them (issue #13: at least 1.5 million lines per second),
 * and writes them into the columns of a NetstatColumns table (netstat-table.ts says why columns): a row
 * allocates nothing unless its local address or state word is new. It handles only the shape it can
 * decide exactly like the general path; anything else (a `[tag]`-prefixed line, a Unicode space, a lone
 * CR, an endpoint that is not plainly `address:port`, a state of several words) goes to cleanLine +
 * parseRow, whose row the table keeps as an object, so the answer is always the general path's
 * (netstat-fast-path.test.ts checks that against the previous implementation).
 */

const CH_TAB = 9;
const CH_VT = 11;
const CH_FF = 12;
const CH_CR = 13;
const CH_SPACE = 32;
const CH_COLON = 58;
const CH_LBRACKET = 91;
const CH_RBRACKET = 93;
const CH_PERCENT = 37;
const CH_DOT = 46;
const CH_0 = 48;
const CH_9 = 57;

/*
 * The scanner reads code units from a typed array rather than with charCodeAt, which checks the string's
 * representation on every call: reading a whole output that way takes about half the time. The text is
 * copied into it a chunk of whole lines at a time (one native copy each, UTF-16 code units exactly as
 * charCodeAt gives them), so the buffer stays small (128 KB) and is kept for the next parse. Strings are
 * still sliced from the text: indexes in the scanner are relative to the chunk, which starts at chunkBase.
 * chunkSerial numbers the chunks, for the positions the intern table remembers.
 */
const CHUNK = 1 << 16;
let chunkBase = 0;
let chunkSerial = 0;
let codeBuffer: Uint16Array | null = null;

const codeUnits = (): Uint16Array => (codeBuffer ??= new Uint16Array(CHUNK));

/** Node's Buffer writes UTF-16LE; on a little-endian machine (every Windows one) those bytes are the code units. */
const nativeCopy = typeof Buffer === 'function' && new Uint16Array(new Uint8Array([1, 0]).buffer)[0] === 1;

/** Node's Buffer over the same memory as codeBuffer, made once. */
let codeBytes: Buffer | null = null;

/** text[from, to) (at most CHUNK code units) into codes[0, to - from). */
const copyCodeUnits = (text: string, from: number, to: number, codes: Uint16Array): void => {
  if (nativeCopy) {
    codeBytes ??= Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength);
    codeBytes.write(text.slice(from, to), 0, 'utf16le');
  } else for (let i = from; i < to; i++) codes[i - from] = text.charCodeAt(i);
};

/** The code unit at i: every read is below the end of the line being scanned, so inside the chunk. */
const unit = (codes: Uint16Array, i: number): number => codes[i] as number;

/**
 * A field separator: the ASCII whitespace of \s and trim() except the line ends. A line is cut at LF
 * only (one indexOf per line), so a CR inside it is a lone CR, itself a line end for splitLines: the
 * scanner never takes it for a space, and a line holding one goes to the general path whole.
 */
const isSpace = (c: number): boolean => c <= CH_SPACE && (c === CH_SPACE || c === CH_TAB || c === CH_VT || c === CH_FF);

/** A separator or a CR: where an address token must end (the CR then sends the line to the general path). */
const isSpaceOrCr = (c: number): boolean => isSpace(c) || c === CH_CR;

/** Non-ASCII characters that \s and trim() also treat as whitespace. */
const isUnicodeSpace = (c: number): boolean =>
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

const isDigit = (c: number): boolean => c >= CH_0 && c <= CH_9;
const isHexOrColonOrDot = (c: number): boolean =>
  isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102) || c === CH_COLON || c === CH_DOT;
/** [\w.-] */
const isZoneChar = (c: number): boolean =>
  isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === CH_DOT || c === 45;

/** Slot of [from, to) (not empty) in a direct-mapped table of `slots` entries (a power of two). */
const slotOf = (codes: Uint16Array, from: number, to: number, slots: number): number => {
  const length = to - from;
  return (
    (Math.imul(length, 0x9e37) ^
      Math.imul(unit(codes, to - 1), 0x2c1b) ^
      Math.imul(length > 1 ? unit(codes, to - 2) : 0, 0x3d4d) ^
      Math.imul(unit(codes, from + (length >> 1)), 0x5bd1)) &
    (slots - 1)
  );
};

/** Whether `cached` is the text [from, from + cached.length); compares in place, allocating nothing. */
const sameText = (cached: string, codes: Uint16Array, from: number): boolean => {
  const length = cached.length;
  let i = 0;
  while (i < length && cached.charCodeAt(i) === unit(codes, from + i)) i++;
  return i === length;
};

/*
 * Strings that repeat are stored once per table. Most of a big output is the same few local addresses
 * seen many times; slicing each of them anew costs an allocation per row. A direct-mapped table keyed by
 * length and three characters keeps the last string seen per slot; a hit is confirmed character by
 * character (which allocates nothing), a miss slices and takes the slot. The intern table outlives a
 * parse (the same addresses come back on the next refresh); the index of its string in the current
 * table's `strings` is remembered per slot with the serial of the table it belongs to.
 */
const INTERN_SLOTS = 4096;
const internTable: (string | undefined)[] = new Array<string | undefined>(INTERN_SLOTS).fill(undefined);
/**
 * Where each slot's string was last seen in the current chunk (internChunk says which chunk), so the next
 * hit compares code units with code units, both typed-array reads, instead of reading the string.
 */
const internAt = new Int32Array(INTERN_SLOTS);
const internChunk = new Int32Array(INTERN_SLOTS).fill(-1);
/** The slot's string's index in the strings of table number internSerial[slot]. */
const internIndex = new Int32Array(INTERN_SLOTS);
const internSerial = new Int32Array(INTERN_SLOTS).fill(-1);

/** Numbers the tables, so that indexes remembered for an earlier table are not taken for this one's. */
let tableSerial = 0;

/** Whether codes[a, a + length) and codes[b, b + length) are equal. */
const sameCodes = (codes: Uint16Array, a: number, b: number, length: number): boolean => {
  let i = 0;
  while (i < length && unit(codes, a + i) === unit(codes, b + i)) i++;
  return i === length;
};

/** The index in table.strings of the text [from, to) of the chunk. */
const intern = (table: NetstatColumns, text: string, codes: Uint16Array, from: number, to: number): number => {
  const slot = slotOf(codes, from, to, INTERN_SLOTS);
  const cached = internTable[slot];
  const length = to - from;
  const seen = internChunk[slot] === chunkSerial;
  if (
    cached !== undefined &&
    cached.length === length &&
    (seen ? sameCodes(codes, internAt[slot] as number, from, length) : sameText(cached, codes, from))
  ) {
    if (!seen) internChunk[slot] = chunkSerial;
    internAt[slot] = from;
    if (internSerial[slot] === tableSerial) return internIndex[slot] as number;
    internSerial[slot] = tableSerial;
    return (internIndex[slot] = table.addString(cached));
  }
  const fresh = text.slice(chunkBase + from, chunkBase + to);
  internTable[slot] = fresh;
  internAt[slot] = from;
  internChunk[slot] = chunkSerial;
  internSerial[slot] = tableSerial;
  return (internIndex[slot] = table.addString(fresh));
};

/*
 * State words: a dozen distinct spellings per output, each normalized once. Their own small table holds
 * the spelling and its normalized word side by side, so a repeated word costs one comparison in place:
 * no slice, no map lookup, and no slot taken from the addresses.
 */
const STATE_SLOTS = 256;
const stateSpellings: (string | undefined)[] = new Array<string | undefined>(STATE_SLOTS).fill(undefined);
const stateWords: string[] = new Array<string>(STATE_SLOTS).fill('');
/** The normalized word's index in the strings of table number stateSerial[slot]. */
const stateIndex = new Int32Array(STATE_SLOTS);
const stateSerial = new Int32Array(STATE_SLOTS).fill(-1);

/** The index in table.strings of the normalized state word spelled [from, to) in the chunk. */
const stateAt = (table: NetstatColumns, text: string, codes: Uint16Array, from: number, to: number): number => {
  const slot = slotOf(codes, from, to, STATE_SLOTS);
  const cached = stateSpellings[slot];
  if (cached === undefined || cached.length !== to - from || !sameText(cached, codes, from)) {
    const spelling = text.slice(chunkBase + from, chunkBase + to);
    stateSpellings[slot] = spelling;
    stateWords[slot] = normalizeTcpState(spelling);
  } else if (stateSerial[slot] === tableSerial) return stateIndex[slot] as number;
  stateSerial[slot] = tableSerial;
  return (stateIndex[slot] = table.addString(stateWords[slot] as string));
};

/** The index of 'LISTENING' in the current table's strings, -1 until a listener needs it. */
let listeningIndex = -1;

const listeningAt = (table: NetstatColumns): number =>
  listeningIndex >= 0 ? listeningIndex : (listeningIndex = table.addString('LISTENING'));

/** Result slots of endpointAt (one scanner at a time: parsing is synchronous): the address [start, end) and port. */
let endpointStart = 0;
let endpointEnd = 0;
let endpointPort = 0;

/**
 * The ENDPOINT expression plus parsePortToken over the token that starts at `from`, read in the same
 * pass that finds its end. Returns the index just after the token (the line end or a separator) and
 * fills the slots, or -1 when the general path must decide (not an endpoint, or a Unicode space or a CR
 * that would split the token or the line differently).
 */
const endpointAt = (codes: Uint16Array, from: number, lineEnd: number): number => {
  let i = from;
  if (unit(codes, i) === CH_LBRACKET) {
    // \[([0-9A-Fa-f:.]+(?:%[\w.-]+)?)\]:  each run ends at the first character outside its class.
    i++;
    while (i < lineEnd && isHexOrColonOrDot(unit(codes, i))) i++;
    if (i === from + 1) return -1;
    if (i < lineEnd && unit(codes, i) === CH_PERCENT) {
      const zoneStart = ++i;
      while (i < lineEnd && isZoneChar(unit(codes, i))) i++;
      if (i === zoneStart) return -1;
    }
    if (i + 1 >= lineEnd || unit(codes, i) !== CH_RBRACKET || unit(codes, i + 1) !== CH_COLON) return -1;
    endpointStart = from + 1;
    endpointEnd = i;
    i += 2;
  } else {
    // ([^\s:[\]]+):  the address ends at the first colon and holds no bracket and no space.
    for (; i < lineEnd; i++) {
      const c = unit(codes, i);
      if (c === CH_COLON) break;
      // Digits and dots, most of any address, need no further test.
      if ((c < CH_DOT || c > CH_9) && (c === CH_LBRACKET || c === CH_RBRACKET || isSpaceOrCr(c) || isUnicodeSpace(c)))
        return -1;
    }
    if (i === from || i >= lineEnd) return -1;
    endpointStart = from;
    endpointEnd = i;
    i++;
  }
  // ([0-9]+)$ then parsePortToken: 1 to 5 digits, at most 65535, and nothing else in the token.
  const portStart = i;
  let port = 0;
  for (; i < lineEnd; i++) {
    const c = unit(codes, i);
    if (!isDigit(c)) break;
    port = port * 10 + (c - CH_0);
  }
  if (i === portStart || i - portStart > 5 || port > 65_535) return -1;
  if (i < lineEnd && !isSpace(unit(codes, i))) return -1;
  endpointPort = port;
  return i;
};

/** Whether codes[from, to) is an unspecified address, `0.0.0.0` or `::` (a listener's remote end). */
const isUnspecifiedAt = (codes: Uint16Array, from: number, to: number): boolean =>
  to - from === 2
    ? unit(codes, from) === CH_COLON && unit(codes, from + 1) === CH_COLON
    : to - from === 7 &&
      unit(codes, from) === CH_0 &&
      unit(codes, from + 1) === CH_DOT &&
      unit(codes, from + 2) === CH_0 &&
      unit(codes, from + 3) === CH_DOT &&
      unit(codes, from + 4) === CH_0 &&
      unit(codes, from + 5) === CH_DOT &&
      unit(codes, from + 6) === CH_0;

/** What scanLine decided: a row written to the table, no row, or "let the general path decide". */
const ROW = 0;
const NO_ROW = 1;
const FALLBACK = 2;

/** Protocol of the first token [from, from + 3): 'tcp', 'udp' or null; any ASCII case, as toLowerCase would give. */
const protocolOf = (codes: Uint16Array, from: number): 'tcp' | 'udp' | null => {
  const a = unit(codes, from) | 0x20;
  const b = unit(codes, from + 1) | 0x20;
  const c = unit(codes, from + 2) | 0x20;
  if (a === 116 && b === 99 && c === 112) return 'tcp';
  if (a === 117 && b === 100 && c === 112) return 'udp';
  return null;
};

/** Index of the first character at or after `i` that is not a separator (or lineEnd). */
const skipSpaces = (codes: Uint16Array, i: number, lineEnd: number): number => {
  while (i < lineEnd && isSpace(unit(codes, i))) i++;
  return i;
};

/** Result slots of tokenAt: whether the token was all digits (1 to 10 of them) and their value. */
let tokenDigits = false;
let tokenValue = 0;

/** End of the token starting at `from` (the line end or a separator), or -1 on a Unicode space or a CR. */
const tokenAt = (codes: Uint16Array, from: number, lineEnd: number): number => {
  let i = from;
  let value = 0;
  let digits = true;
  for (; i < lineEnd; i++) {
    const c = unit(codes, i);
    if (isSpace(c)) break;
    if (c === CH_CR || (c >= 0x80 && isUnicodeSpace(c))) return -1;
    if (digits && isDigit(c)) value = value * 10 + (c - CH_0);
    else digits = false;
  }
  tokenDigits = digits && i - from <= 10;
  tokenValue = value;
  return i;
};

/**
 * One line, fields read as they are found: each character is looked at once. It decides exactly what
 * the general path (cleanLine + parseRow) would for lines of netstat's usual shape, and hands back
 * FALLBACK for anything else: a leading `[tag]`, a Unicode space, an endpoint that is not plainly
 * `address:port`, a state of several words. ROW comes back, with the row written at table.length, only
 * when every character of the line was read and none was a CR; NO_ROW may come back after reading part
 * of it (parse checks such lines for a CR).
 */
const scanLine = (
  table: NetstatColumns,
  text: string,
  codes: Uint16Array,
  lineStart: number,
  lineEnd: number,
): number => {
  let i = skipSpaces(codes, lineStart, lineEnd);
  if (i >= lineEnd) return NO_ROW;
  const first = unit(codes, i);
  // A log tag (`[verify] `) is only possible before the first token, and trim() strips Unicode spaces.
  if (first === CH_LBRACKET || (first >= 0x80 && isUnicodeSpace(first))) return FALLBACK;
  // Rows start with TCP/UDP and a separator. Lower-casing a non-ASCII character never gives t, c, p, u or
  // d, so a first token that does not start with them is no row, whatever follows.
  const protocol = i + 3 <= lineEnd ? protocolOf(codes, i) : null;
  if (protocol === null) return NO_ROW;
  i += 3;
  if (i >= lineEnd) return NO_ROW;
  const separator = unit(codes, i);
  if (!isSpace(separator)) return separator >= 0x80 && isUnicodeSpace(separator) ? FALLBACK : NO_ROW;

  i = skipSpaces(codes, i, lineEnd);
  if (i >= lineEnd) return NO_ROW;
  i = endpointAt(codes, i, lineEnd);
  if (i < 0) return FALLBACK;
  const localStart = endpointStart;
  const localEnd = endpointEnd;
  const localPort = endpointPort;

  i = skipSpaces(codes, i, lineEnd);
  if (i >= lineEnd) return NO_ROW;
  let remoteStart = -1;
  let remoteEnd = -1;
  let remotePort = 0;
  if (
    i + 2 < lineEnd &&
    unit(codes, i) === 42 &&
    unit(codes, i + 1) === CH_COLON &&
    unit(codes, i + 2) === 42 &&
    (i + 3 >= lineEnd || isSpace(unit(codes, i + 3)))
  ) {
    i += 3; // *:*
  } else {
    i = endpointAt(codes, i, lineEnd);
    if (i < 0) return FALLBACK;
    remoteStart = endpointStart;
    remoteEnd = endpointEnd;
    remotePort = endpointPort;
  }

  // The rest: [state] [pid]. The last token is the pid when it is 1-10 digits that fit in 32 bits.
  let stateStart = -1;
  let stateEnd = -1;
  let pid = -1;
  i = skipSpaces(codes, i, lineEnd);
  if (i < lineEnd) {
    const aStart = i;
    const aEnd = tokenAt(codes, i, lineEnd);
    if (aEnd < 0) return FALLBACK;
    const aPid = tokenDigits && tokenValue <= 0xffff_ffff ? tokenValue : -1;
    i = skipSpaces(codes, aEnd, lineEnd);
    if (i >= lineEnd) {
      if (aPid >= 0) pid = aPid;
      else {
        stateStart = aStart;
        stateEnd = aEnd;
      }
    } else {
      const bEnd = tokenAt(codes, i, lineEnd);
      if (bEnd < 0 || !tokenDigits || tokenValue > 0xffff_ffff) return FALLBACK;
      if (skipSpaces(codes, bEnd, lineEnd) < lineEnd) return FALLBACK;
      pid = tokenValue;
      stateStart = aStart;
      stateEnd = aEnd;
    }
  }

  // Everything is known: write the row. UDP keeps no remote end and no state.
  const row = table.length;
  if (row === table.capacity) table.grow();
  let flags = pid >= 0 ? ROW_HAS_PID : 0;
  let state = -1;
  if (protocol === 'tcp') {
    if (remoteStart >= 0) {
      flags |= ROW_HAS_REMOTE;
      table.remoteStart[row] = chunkBase + remoteStart;
      table.remoteEnd[row] = chunkBase + remoteEnd;
      table.remotePort[row] = remotePort;
      if (remotePort === 0 && isUnspecifiedAt(codes, remoteStart, remoteEnd)) state = listeningAt(table);
    }
    if (state < 0 && stateStart >= 0) state = stateAt(table, text, codes, stateStart, stateEnd);
  } else flags |= ROW_UDP;
  table.flags[row] = flags;
  table.localAddress[row] = intern(table, text, codes, localStart, localEnd);
  table.localPort[row] = localPort;
  table.state[row] = state;
  if (pid >= 0) table.pid[row] = pid;
  table.length = row + 1;
  return ROW;
};

/**
 * The general path over [from, to): a piece of the text between two LFs, whose CRs (if any) are lone
 * line ends as splitLines has them. Its rows go into the table as objects.
 */
const parseLines = (table: NetstatColumns, text: string, from: number, to: number): void => {
  for (const line of splitLines(text.slice(from, to))) {
    const row = parseRow(cleanLine(line));
    if (row) table.addObjectRow(row);
  }
};

/** The shortest row either path accepts, `TCP a:1 b:2` or `UDP a:1 *:*`: an upper bound on rows per character. */
const MIN_ROW_CHARS = 11;

/**
 * Scans the whole lines in [from, to) of the text, whose code units are in `codes` from index 0 (chunkBase
 * is `from`); `to` is just after an LF, or the text's end.
 */
const scanChunk = (table: NetstatColumns, text: string, codes: Uint16Array, from: number, to: number): void => {
  // Lines are cut at LF, dropping the CR of a CRLF. Any other CR is a lone line end: a row is only read
  // from a line without one (scanLine), and a line that gave no row is searched for one, lazily (CRs of
  // CRLFs aside, most texts have none, so that search runs once per chunk).
  let nextCr = -1;
  let lineStart = from;
  while (lineStart < to) {
    const found = text.indexOf('\n', lineStart);
    const lf = found === -1 || found >= to ? to : found;
    const lineEnd = lf > lineStart && lf < to && unit(codes, lf - 1 - from) === CH_CR ? lf - 1 : lf;
    const scanned = scanLine(table, text, codes, lineStart - from, lineEnd - from);
    if (scanned === NO_ROW) {
      if (nextCr < lineStart) {
        nextCr = text.indexOf('\r', lineStart);
        if (nextCr === -1) nextCr = text.length;
      }
      if (nextCr < lineEnd) parseLines(table, text, lineStart, lineEnd);
    } else if (scanned === FALLBACK) parseLines(table, text, lineStart, lineEnd);
    lineStart = lf + 1;
  }
};

const scan = (text: string): NetstatTable => {
  const length = text.length;
  // At most one row per line: size the columns once (a text with lone CRs, line ends too, grows them).
  // Counting LFs is a fast native scan; the bound by length keeps a text of blank lines from reserving much.
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  const table = new NetstatColumns(text, Math.min(lines, Math.floor(length / MIN_ROW_CHARS) + 1));
  tableSerial = tableSerial === 0x3fff_ffff ? 0 : tableSerial + 1;
  if (tableSerial === 0) {
    internSerial.fill(-1);
    stateSerial.fill(-1);
  }
  listeningIndex = -1;
  const codes = codeUnits();
  // Chunks of whole lines, at most CHUNK code units each. A line longer than that (no real netstat row is)
  // goes to the general path by itself.
  let from = 0;
  while (from < length) {
    let to = length;
    if (length - from > CHUNK) {
      const lastLf = text.lastIndexOf('\n', from + CHUNK - 1);
      if (lastLf < from) {
        const lf = text.indexOf('\n', from);
        const end = lf === -1 ? length : lf;
        parseLines(table, text, from, end > from && lf !== -1 && text.charCodeAt(end - 1) === CH_CR ? end - 1 : end);
        from = end + 1;
        continue;
      }
      to = lastLf + 1;
    }
    copyCodeUnits(text, from, to, codes);
    chunkBase = from;
    // Positions in internAt belong to one chunk: a new serial makes the older ones stale, and when the
    // serials wrap around, the old positions are forgotten so that none can pass for the current chunk's.
    chunkSerial = chunkSerial === 0x3fff_ffff ? 0 : chunkSerial + 1;
    if (chunkSerial === 0) internChunk.fill(-1);
    scanChunk(table, text, codes, from, to);
    from = to;
  }
  return table;
};

/**
 * The sockets as a table (netstat-table.ts): what the owners refresh reads. Never throws; garbage gives
 * an empty table.
 */
export const scanNetstat = neverThrow(scan, () => EMPTY_TABLE);

/** The sockets as row objects, for callers that want every row. Never throws; garbage gives []. */
export const parseNetstat = (text: string): ParsedNetstatEntry[] => scanNetstat(text).toArray();
