/**
 * Rule names from `netsh advfirewall firewall show rule name=...`:
 *
 *   Rule Name:                            Remote Desktop - Shadow (TCP-In)
 *   ----------------------------------------------------------------------
 *   Enabled:                              Yes
 *
 * (advfirewall-show-rule.en.1-rem-prefixed.txt). Labels are localized (ko `규칙 이름:` per parsing
 * code, zh `规则名称:` per a test fixture; SOURCES.md §8), so a name is found by SHAPE: the line right
 * above a dash line is `<label>: <name>`; the label is whatever precedes the first colon. Pure, never
 * throws.
 */
import { cleanLines } from '../parse/lines';
import { neverThrow } from '../parse/never-throw';

/** The separator under each rule's name: 70 dashes in the capture; any long run of dashes here. */
const DASH_LINE = /^-{10,}$/;
/** ASCII or full-width colon (CJK consoles), then the padding up to column 38. */
const LABELLED = /^[^:：]+[:：]\s*(.*)$/;

const parse = (text: string): string[] => {
  const lines = cleanLines(text);
  const names: string[] = [];
  lines.forEach((line, index) => {
    if (index === 0 || !DASH_LINE.test(line)) return;
    const name = LABELLED.exec(lines[index - 1] ?? '')?.[1]?.trim();
    if (name) names.push(name);
  });
  return names;
};

export const parseFirewallRuleNames = neverThrow(parse, () => []);

/** Whether the output has the shape of a rule listing at all (usage text and error messages do not). */
export const hasFirewallRuleListing = (text: string): boolean => cleanLines(text).some((line) => DASH_LINE.test(line));
