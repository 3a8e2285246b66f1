/**
 * `netsh interface ipv4|ipv6 show excludedportrange protocol=tcp|udp`.
 *
 * Rows are recognised by shape only: `<start> <end>` with an optional `*` (administered) after them.
 * Title, header and footer are localized (en, ko, de, zh-CN samples) and ignored.
 *
 * Decisions:
 * - Anything after the `*` is ignored: authors annotate rows (` (My precious!!!)` in
 *   session-winnat-stop-add-start.en.1-annotated.txt).
 * - Anything that is not a number after the end port is ignored too: ko.3 has `2180 2279\t# 여기!!`,
 *   a real reservation the author commented on. A third number is not a row.
 * - A `*` BEFORE the start port is an author's highlight, never netsh output (zh-CN.2-annotated):
 *   the row still counts, and only the trailing `*` makes it administered.
 * - One call parses one command's output. When the text holds several tables (a pasted session such as
 *   session-excludedportrange-winnat-restart.ko.1.txt, before and after a WinNAT restart), the LAST
 *   table wins: it is the most recent state, and the union of all tables would report ranges that no
 *   longer exist. A table starts at its two-column dash rule and ends at the next prompt or rule; text
 *   with no dash rule at all (trimmed output) is read as a single table.
 */
import { cleanLines, dashRuleGroups, isPromptLine } from './lines';
import { neverThrow } from './never-throw';

/** One table row; assignable to shared/model `ExcludedRange`. */
export interface ParsedExcludedRange {
  start: number;
  end: number;
  administered: boolean;
}

const RANGE_ROW = /^(?:\*\s+)?([0-9]+)\s+([0-9]+)(?:\s+(.*))?$/;

/** A port from digits RANGE_ROW already matched: at most five of them, 0..65535 (parsePortToken's rule). */
const portOf = (digits: string): number | null => {
  if (digits.length > 5) return null;
  const port = Number(digits);
  return port <= 65_535 ? port : null;
};

const parseRangeRow = (line: string): ParsedExcludedRange | null => {
  const match = RANGE_ROW.exec(line);
  if (!match) return null;
  const tail = match[3] ?? '';
  const first = tail.charCodeAt(0);
  if (first >= 0x30 && first <= 0x39) return null;
  const start = portOf(match[1] as string);
  const end = portOf(match[2] as string);
  if (start === null || end === null || start < 1 || end < start) return null;
  return { start, end, administered: tail.startsWith('*') };
};

/** The lines of the last table: after its dash rule, up to the next prompt or rule. */
const lastTableLines = (lines: readonly string[]): readonly string[] => {
  const isTableRule = (line: string): boolean => dashRuleGroups(line) === 2;
  const ruleIndex = lines.findLastIndex(isTableRule);
  if (ruleIndex === -1) return lines;
  const body = lines.slice(ruleIndex + 1);
  const end = body.findIndex((line) => isPromptLine(line) || dashRuleGroups(line) > 0);
  return end === -1 ? body : body.slice(0, end);
};

const parse = (text: string): ParsedExcludedRange[] =>
  lastTableLines(cleanLines(text))
    .map(parseRangeRow)
    .filter((row): row is ParsedExcludedRange => row !== null);

/** Never throws; garbage gives []. */
export const parseExcludedRanges = neverThrow(parse, () => []);
