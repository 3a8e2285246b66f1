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

/** Five 4-byte columns, two 2-byte ones and the flags. */
const BYTES_PER_ROW = 5 * 4 + 2 * 2 + 1;
/** Columns of no rows, before the first allocation: never written. */
const NO_FLAGS = new Uint8Array(0);
const NO_INT32 = new Int32Array(0);
const NO_UINT16 = new Uint16Array(0);
const NO_UINT32 = new Uint32Array(0);

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
  /** Rows the general path parsed, by index; made for the first such row (most tables have none). */
  private objectRows: Map<number, ParsedNetstatEntry> | null = null;

  constructor(
    private readonly text: string,
    capacity: number,
  ) {
    this.flags = NO_FLAGS;
    this.localAddress = this.remoteStart = this.remoteEnd = this.state = NO_INT32;
    this.localPort = this.remotePort = NO_UINT16;
    this.pid = NO_UINT32;
    this.allocate(Math.max(1, capacity));
  }

  get capacity(): number {
    return this.flags.length;
  }

  /**
   * Columns for `capacity` rows as views of one buffer, the rows so far copied over: one allocation per
   * table rather than eight (most tables are small: a doctor's or a rule check's read). The 4-byte
   * columns come first and the 2-byte ones next, so every view starts aligned to its element size.
   */
  private allocate(capacity: number): void {
    const buffer = new ArrayBuffer(capacity * BYTES_PER_ROW);
    const before = this.length > 0 ? { ...this } : null;
    this.localAddress = new Int32Array(buffer, 0, capacity);
    this.remoteStart = new Int32Array(buffer, 4 * capacity, capacity);
    this.remoteEnd = new Int32Array(buffer, 8 * capacity, capacity);
    this.state = new Int32Array(buffer, 12 * capacity, capacity);
    this.pid = new Uint32Array(buffer, 16 * capacity, capacity);
    this.localPort = new Uint16Array(buffer, 20 * capacity, capacity);
    this.remotePort = new Uint16Array(buffer, 22 * capacity, capacity);
    this.flags = new Uint8Array(buffer, 24 * capacity, capacity);
    if (before) {
      this.localAddress.set(before.localAddress);
      this.remoteStart.set(before.remoteStart);
      this.remoteEnd.set(before.remoteEnd);
      this.state.set(before.state);
      this.pid.set(before.pid);
      this.localPort.set(before.localPort);
      this.remotePort.set(before.remotePort);
      this.flags.set(before.flags);
    }
  }

  /**
   * Twice the room. The scanner sizes the columns by the text's LFs; only a text whose lone CRs (line ends
   * as well) make more lines than that needs more.
   */
  grow(): void {
    this.allocate(this.capacity * 2);
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
    (this.objectRows ??= new Map()).set(this.length, row);
    this.length++;
  }

  isListenerAt(index: number): boolean {
    const flags = this.flags[index] as number;
    if (flags & ROW_OBJECT) return isListener(this.objectRows?.get(index) as ParsedNetstatEntry);
    if (flags & ROW_UDP) return true;
    const state = this.state[index] as number;
    return state >= 0 && (this.listenerWord[state] as boolean);
  }

  at(index: number): ParsedNetstatEntry {
    const flags = this.flags[index] as number;
    if (flags & ROW_OBJECT) return this.objectRows?.get(index) as ParsedNetstatEntry;
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
