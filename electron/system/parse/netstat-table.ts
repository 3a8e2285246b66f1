/**
 * The sockets of one endpoint read, as a table the owners join walks by index.
 *
 * Why not an array of row objects: a busy machine lists 100,000 sockets on every owners refresh, and
 * the owners view (listeners only, its default) keeps a few thousand of them. As objects, every row
 * was allocated, survived the parse and was copied by the garbage collector into the old generation
 * (10 MB per parse, on fresh pages the kernel must fault in: half of a parse's time on this project's
 * 2-core machine), only to be dropped by the join. As columns, a parse of 100,000 rows writes about
 * 2.5 MB of typed arrays and a few dozen strings; a row becomes an object only when someone asks for it
 * (`at`), and `isListenerAt` answers the join's first question without that.
 *
 * Two kinds of table: the scanner's columns (netstat.ts, below) and `tableOfEntries` over rows that
 * are objects already (the native layer's decoded tables, tests).
 */
import { isListener } from '../../../shared/port-verdict';

/** One socket; assignable to shared/model `NetstatEntry`. */
export interface ParsedNetstatEntry {
  protocol: 'tcp' | 'udp';
  localAddress: string;
  localPort: number;
  remoteAddress: string | null;
  remotePort: number | null;
  state: string | null;
  pid: number | null;
}

export interface NetstatTable {
  readonly length: number;
  /** isListener (shared/port-verdict.ts) of row `index`, without building the row. */
  isListenerAt(index: number): boolean;
  /** Row `index` (0 <= index < length) as an object; a new object on every call for the scanner's columns. */
  at(index: number): ParsedNetstatEntry;
  /** Every row, in order. */
  toArray(): ParsedNetstatEntry[];
}

/** A table over rows that are objects already. */
export const tableOfEntries = (entries: readonly ParsedNetstatEntry[]): NetstatTable => ({
  length: entries.length,
  isListenerAt: (index) => isListener(entries[index] as ParsedNetstatEntry),
  at: (index) => entries[index] as ParsedNetstatEntry,
  toArray: () => [...entries],
});

export const EMPTY_TABLE: NetstatTable = tableOfEntries([]);

/** Bits of a row's `flags` column. */
export const ROW_UDP = 1;
export const ROW_HAS_PID = 2;
/** A TCP row with a remote endpoint, kept as its place in the text: most rows' remote is never read. */
export const ROW_HAS_REMOTE = 4;
/** A row the general path parsed (an unusual line shape): kept as an object in `objectRows`. */
export const ROW_OBJECT = 8;

/**
 * The scanner's table. Columns are sized once for the most rows the text can hold and filled by
 * netstat.ts; strings that repeat (local addresses, state words) are stored once in `strings` and
 * referred to by index. Remote addresses stay in the text ([remoteStart, remoteEnd)) until a row is
 * built: the listeners-only join never builds the 96 % of rows that are connections.
 */
export class NetstatColumns implements NetstatTable {
  length = 0;
  flags: Uint8Array;
  localAddress: Int32Array;
  localPort: Uint16Array;
  remoteStart: Int32Array;
  remoteEnd: Int32Array;
  remotePort: Uint16Array;
  /** Index into `strings`, or -1 for no state. */
  state: Int32Array;
  pid: Uint32Array;
  readonly strings: string[] = [];
  /** Per entry of `strings`: whether it is a state word isListener accepts (only meaningful for states). */
  readonly listenerWord: boolean[] = [];
  readonly objectRows = new Map<number, ParsedNetstatEntry>();

  constructor(
    private readonly text: string,
    capacity: number,
  ) {
    const size = Math.max(1, capacity);
    this.flags = new Uint8Array(size);
    this.localAddress = new Int32Array(size);
    this.localPort = new Uint16Array(size);
    this.remoteStart = new Int32Array(size);
    this.remoteEnd = new Int32Array(size);
    this.remotePort = new Uint16Array(size);
    this.state = new Int32Array(size);
    this.pid = new Uint32Array(size);
  }

  get capacity(): number {
    return this.flags.length;
  }

  /**
   * Twice the room. The scanner sizes the columns by the text's LFs; only a text whose lone CRs (line ends
   * as well) make more lines than that needs more.
   */
  grow(): void {
    const widen = <T extends Uint8Array | Uint16Array | Int32Array | Uint32Array>(
      column: T,
      make: (n: number) => T,
    ): T => {
      const wider = make(column.length * 2);
      wider.set(column);
      return wider;
    };
    this.flags = widen(this.flags, (n) => new Uint8Array(n));
    this.localAddress = widen(this.localAddress, (n) => new Int32Array(n));
    this.localPort = widen(this.localPort, (n) => new Uint16Array(n));
    this.remoteStart = widen(this.remoteStart, (n) => new Int32Array(n));
    this.remoteEnd = widen(this.remoteEnd, (n) => new Int32Array(n));
    this.remotePort = widen(this.remotePort, (n) => new Uint16Array(n));
    this.state = widen(this.state, (n) => new Int32Array(n));
    this.pid = widen(this.pid, (n) => new Uint32Array(n));
  }

  /** Index of a string for `strings`, added by the caller's intern table once per table. */
  addString(value: string): number {
    this.strings.push(value);
    this.listenerWord.push(/^LISTEN/i.test(value));
    return this.strings.length - 1;
  }

  addObjectRow(row: ParsedNetstatEntry): void {
    if (this.length === this.capacity) this.grow();
    this.flags[this.length] = ROW_OBJECT;
    this.objectRows.set(this.length, row);
    this.length++;
  }

  isListenerAt(index: number): boolean {
    const flags = this.flags[index] as number;
    if (flags & ROW_OBJECT) return isListener(this.objectRows.get(index) as ParsedNetstatEntry);
    if (flags & ROW_UDP) return true;
    const state = this.state[index] as number;
    return state >= 0 && (this.listenerWord[state] as boolean);
  }

  at(index: number): ParsedNetstatEntry {
    const flags = this.flags[index] as number;
    if (flags & ROW_OBJECT) return this.objectRows.get(index) as ParsedNetstatEntry;
    const udp = (flags & ROW_UDP) !== 0;
    const remote = (flags & ROW_HAS_REMOTE) !== 0;
    const state = this.state[index] as number;
    return {
      protocol: udp ? 'udp' : 'tcp',
      localAddress: this.strings[this.localAddress[index] as number] as string,
      localPort: this.localPort[index] as number,
      remoteAddress: remote ? this.text.slice(this.remoteStart[index], this.remoteEnd[index]) : null,
      remotePort: remote ? (this.remotePort[index] as number) : null,
      state: state >= 0 ? (this.strings[state] as string) : null,
      pid: flags & ROW_HAS_PID ? (this.pid[index] as number) : null,
    };
  }

  toArray(): ParsedNetstatEntry[] {
    const rows = new Array<ParsedNetstatEntry>(this.length);
    for (let i = 0; i < this.length; i++) rows[i] = this.at(i);
    return rows;
  }
}
