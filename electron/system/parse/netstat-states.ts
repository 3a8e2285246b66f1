/**
 * TCP state words of `netstat`. Every real fr/ja/ko/zh capture shows the English words; German is the
 * only locale seen that translates them (netstat-an.de.1-cp850-mojibake-fragment.txt).
 */

const ENGLISH_TCP_STATES = new Set([
  'CLOSED',
  'LISTENING',
  'SYN_SENT',
  'SYN_RECEIVED',
  'ESTABLISHED',
  'FIN_WAIT_1',
  'FIN_WAIT_2',
  'CLOSE_WAIT',
  'CLOSING',
  'LAST_ACK',
  'TIME_WAIT',
  'DELETE_TCB',
  'BOUND',
]);

/**
 * German words, keyed with every non-ASCII character folded to `?`: CP850 text decoded with the wrong
 * code page turns `ABHÖREN` into `ABH™REN` (CP1252, as in the sample) or `ABH\uFFFDREN` (UTF-8), and
 * `LETZTE_BESTÄTIGUNG` into `LETZTE_BESTŽTIGUNG`; the folded key is the same for all of them.
 */
const GERMAN_TCP_STATES = new Map([
  ['ABH?REN', 'LISTENING'],
  ['HERGESTELLT', 'ESTABLISHED'],
  ['WARTEND', 'TIME_WAIT'],
  ['SCHLIESSEN_WARTEN', 'CLOSE_WAIT'],
  ['FIN_WARTEN_1', 'FIN_WAIT_1'],
  ['FIN_WARTEN_2', 'FIN_WAIT_2'],
  ['SYN_GESENDET', 'SYN_SENT'],
  ['SYN_EMPFANGEN', 'SYN_RECEIVED'],
  ['LETZTE_BEST?TIGUNG', 'LAST_ACK'],
  ['GESCHLOSSEN', 'CLOSED'],
]);

const foldNonAscii = (word: string): string => word.toUpperCase().replace(/[^\x20-\x7e]/g, '?');

/** The English upper-case state; an unknown (localized) word is returned as printed. */
export const normalizeTcpState = (word: string): string => {
  const upper = word.toUpperCase();
  if (ENGLISH_TCP_STATES.has(upper)) return upper;
  return GERMAN_TCP_STATES.get(foldNonAscii(word)) ?? word;
};
