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

/**
 * One inbound rule as `show rule` lists it. Labels AND values are localized, so fields are taken by
 * POSITION (netsh prints them in a fixed order: Enabled, Direction, Profiles, Grouping, LocalIP,
 * RemoteIP, Protocol, [LocalPort, RemotePort: TCP/UDP rules only], Edge traversal, Action) and the
 * few values that decide anything are compared with the words netsh prints per display language.
 * A word not in the tables gives `null`: never counted as covering a port.
 */
export interface InboundRule {
  readonly name: string;
  readonly enabled: boolean | null;
  readonly allow: boolean | null;
  /** `TCP`, `UDP`, `Any` (or its translation), a protocol number. */
  readonly protocol: string;
  /** `2222`, `8000-8100`, `80,443`, `Any`; null for rules without ports (ICMP, Any protocol). */
  readonly localPort: string | null;
}

/** Yes / No as netsh writes them (en, ko, de, zh-CN). */
const YES = new Set(['yes', '예', 'ja', '是']);
const NO = new Set(['no', '아니요', 'nein', '否']);
const ALLOW = new Set(['allow', '허용', 'zulassen', '允许']);
const BLOCK = new Set(['block', '차단', 'blockieren', '阻止']);
const ANY = new Set(['any', '모두', 'beliebig', '任何']);

const word = (text: string | undefined, yes: ReadonlySet<string>, no: ReadonlySet<string>): boolean | null => {
  const lowered = (text ?? '').trim().toLowerCase();
  return yes.has(lowered) ? true : no.has(lowered) ? false : null;
};

const valueOf = (line: string): string => LABELLED.exec(line)?.[1]?.trim() ?? '';

const parseRules = (text: string): InboundRule[] => {
  const lines = cleanLines(text);
  const rules: InboundRule[] = [];
  lines.forEach((line, index) => {
    if (index === 0 || !DASH_LINE.test(line)) return;
    const name = valueOf(lines[index - 1] ?? '');
    if (!name) return;
    const fields: string[] = [];
    for (let i = index + 1; i < lines.length; i++) {
      const current = lines[i] ?? '';
      if (current === '' || DASH_LINE.test(lines[i + 1] ?? '') || !LABELLED.test(current)) break;
      fields.push(valueOf(current));
    }
    // Eleven fields: the rule has ports (TCP/UDP); nine: it has none.
    const withPorts = fields.length >= 11;
    rules.push({
      name,
      enabled: word(fields[0], YES, NO),
      allow: word(fields[fields.length - 1], ALLOW, BLOCK),
      protocol: fields[6] ?? '',
      localPort: withPorts ? (fields[7] ?? null) : null,
    });
  });
  return rules;
};

export const parseInboundRules = neverThrow(parseRules, () => []);

const portSpecCovers = (spec: string, port: number): boolean =>
  spec.split(',').some((part) => {
    const item = part.trim().toLowerCase();
    if (ANY.has(item)) return true;
    const range = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(item);
    if (!range) return false;
    const start = Number(range[1]);
    const end = range[2] === undefined ? start : Number(range[2]);
    return start <= port && port <= end;
  });

/**
 * Whether an inbound rule lets TCP connections to `port` in: enabled, Allow, protocol TCP or any,
 * local port covering it. A rule for any protocol has no port fields and covers every port.
 */
export const ruleAllowsTcpPort = (rule: InboundRule, port: number): boolean => {
  if (rule.enabled !== true || rule.allow !== true) return false;
  const protocol = rule.protocol.trim().toLowerCase();
  if (ANY.has(protocol)) return true;
  if (protocol !== 'tcp' && protocol !== '6') return false;
  return rule.localPort === null ? false : portSpecCovers(rule.localPort, port);
};
