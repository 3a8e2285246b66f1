/**
 * MIB_TCP_STATE (page "MIB_TCPROW_OWNER_PID structure (tcpmib.h)", member dwState) to the English
 * words `netstat -ano` prints, which are the words parseNetstat produces (netstat-states.ts).
 */
const NETSTAT_WORD_BY_STATE: ReadonlyMap<number, string> = new Map([
  [1, 'CLOSED'],
  [2, 'LISTENING'], // MIB_TCP_STATE_LISTEN
  [3, 'SYN_SENT'],
  [4, 'SYN_RECEIVED'], // MIB_TCP_STATE_SYN_RCVD
  [5, 'ESTABLISHED'], // MIB_TCP_STATE_ESTAB
  [6, 'FIN_WAIT_1'], // MIB_TCP_STATE_FIN_WAIT1
  [7, 'FIN_WAIT_2'], // MIB_TCP_STATE_FIN_WAIT2
  [8, 'CLOSE_WAIT'],
  [9, 'CLOSING'],
  [10, 'LAST_ACK'],
  [11, 'TIME_WAIT'],
  [12, 'DELETE_TCB'],
]);

export const MIB_TCP_STATE_LISTEN = 2;
export const MIB_TCP_STATE_DELETE_TCB = 12;

/**
 * The netstat word for a state number. A number outside 1..12 (a future Windows, or
 * MIB_TCP_STATE_RESERVED = 100) has no word; it gives `UNKNOWN_<n>` so the row is still listed and
 * the value is visible rather than guessed.
 */
export const tcpStateWord = (state: number): string => NETSTAT_WORD_BY_STATE.get(state) ?? `UNKNOWN_${state >>> 0}`;
