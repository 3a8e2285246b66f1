/**
 * `netsh int ipv4|ipv6 show dynamicport tcp|udp`:
 *
 *   Protocol tcp Dynamic Port Range
 *   ---------------------------------
 *   Start Port      : 1024
 *   Number of Ports : 64511
 *
 * The labels are localized (zh-CN `启动端口        : 49152` / `端口数          : 16383` in
 * dynamicport-tcp.zh-CN.1.txt), so the values are read by shape: two ADJACENT `<label> : <number>`
 * lines are start and count. Requiring adjacency keeps unrelated `Label: 3389` lines apart (e.g.
 * `netsh advfirewall` rule listings) from being paired. If a pasted session holds several outputs, the
 * last pair wins (the most recent output).
 */
import { cleanLines, parsePortToken } from './lines';
import { neverThrow } from './never-throw';

/** Spread into shared/model `DynamicRange` together with the protocol family. */
export interface ParsedDynamicPortRange {
  start: number;
  count: number;
}

/** `<label with a letter> : <digits>`; the colon may be full-width in CJK locales. */
const LABELLED_NUMBER = /^.*\p{L}.*?\s*[:：]\s*([0-9]{1,5})$/u;

const labelledNumber = (line: string): string | undefined => LABELLED_NUMBER.exec(line)?.[1];

const toRange = (startToken: string, countToken: string): ParsedDynamicPortRange | null => {
  const start = parsePortToken(startToken);
  const count = Number(countToken);
  if (start === null || start < 1 || count < 1 || start + count - 1 > 65_535) return null;
  return { start, count };
};

const parse = (text: string): ParsedDynamicPortRange | null => {
  const values = cleanLines(text).map(labelledNumber);
  let latest: ParsedDynamicPortRange | null = null;
  for (const [index, value] of values.entries()) {
    const next = values[index + 1];
    const startsRun = index === 0 || values[index - 1] === undefined;
    if (value !== undefined && next !== undefined && startsRun) latest = toRange(value, next) ?? latest;
  }
  return latest;
};

/**
 * `{ start, count }` as netsh prints them (count is "Number of Ports", not an end port).
 * Returns null only when the text holds no valid start/count pair (an error message, usage text,
 * garbage); never throws.
 */
export const parseDynamicPortRange = neverThrow(parse, () => null);
