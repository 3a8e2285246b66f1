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
 * A word not in the tables gives `null`, and a rule whose words are not known never answers "No" for
 * a port it might open: ruleCoversTcpPort and tcpPortAllowedBy say "unknown" instead.
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

/**
 * The words of four display languages: en as in the real capture (advfirewall-show-rule.en.1); ko, de
 * and zh-CN as the project wrote them, with no capture in the repository to confirm them (SOURCES.md
 * §8). Any other language's words are unknown, and answers that hang on them are unknown too.
 */
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

/**
 * Local-port keywords of `netsh advfirewall firewall add rule` (`localport=0-65535|portrange[,...]|RPC|
 * RPC-EPMap|IPHTTPS|any`, Microsoft's netsh advfirewall reference): services' dynamic endpoints, not
 * a port a portproxy rule listens on.
 */
const PORT_KEYWORDS = new Set(['rpc', 'rpc-epmap', 'iphttps']);
/** Protocols that are not TCP, by the names netsh prints untranslated, or a protocol number. */
const OTHER_PROTOCOLS = new Set(['udp', 'icmpv4', 'icmpv6']);

/**
 * Whether a port list covers `port`: true, false, or null when a word in it may be the display
 * language's "Any" (`languageKnown` false: its words are not in the tables).
 */
const portSpecCovers = (spec: string, port: number, languageKnown: boolean): boolean | null => {
  let undecided = false;
  for (const part of spec.split(',')) {
    const item = part.trim().toLowerCase();
    if (ANY.has(item)) return true;
    const range = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(item);
    if (range) {
      const start = Number(range[1]);
      const end = range[2] === undefined ? start : Number(range[2]);
      if (start <= port && port <= end) return true;
    } else if (!PORT_KEYWORDS.has(item) && !languageKnown) undecided = true;
  }
  return undecided ? null : false;
};

/** Whether the rule's protocol and local port take in TCP `port`; null when a localized word decides. */
const tcpPortMatches = (rule: InboundRule, port: number, languageKnown: boolean): boolean | null => {
  const protocol = rule.protocol.trim().toLowerCase();
  if (ANY.has(protocol)) return true;
  if (protocol === 'tcp' || protocol === '6') {
    return rule.localPort === null ? false : portSpecCovers(rule.localPort, port, languageKnown);
  }
  if (OTHER_PROTOCOLS.has(protocol) || /^\d+$/.test(protocol)) return false;
  // An unrecognized protocol word may be an unknown language's "Any".
  return languageKnown ? false : null;
};

/**
 * Whether an inbound rule lets TCP connections to `port` in: enabled, Allow, protocol TCP or any,
 * local port covering it (a rule for any protocol has no port fields and covers every port).
 * true and false are certain; null means the answer hangs on words of a display language the tables
 * do not hold (only en, ko, de and zh-CN are known). The Enabled value is always Yes or No, so a
 * recognized one means the rule's language is known: then an unrecognized action is Bypass (allow
 * IPsec-secured connections only, not an open port) and an unrecognized port word is a keyword.
 */
export const ruleCoversTcpPort = (rule: InboundRule, port: number): boolean | null => {
  if (rule.enabled === false || rule.allow === false) return false;
  const languageKnown = rule.enabled !== null;
  const matches = tcpPortMatches(rule, port, languageKnown);
  if (matches === false) return false;
  if (!languageKnown) return null;
  return matches === true && rule.allow === true;
};

/** Certain yes only: a rule whose words are not known never counts as opening the port. */
export const ruleAllowsTcpPort = (rule: InboundRule, port: number): boolean => ruleCoversTcpPort(rule, port) === true;

/**
 * The Firewall column for one listen port: the names of the rules that open it (Yes), [] when none
 * does for certain and none might (No), and null (unknown) when no rule certainly opens it but one
 * in an unknown display language might. Never a guessed No.
 */
export const tcpPortAllowedBy = (rules: readonly InboundRule[], port: number): string[] | null => {
  const answers = rules.map((rule) => ({ name: rule.name, covers: ruleCoversTcpPort(rule, port) }));
  const names = [...new Set(answers.filter((a) => a.covers === true).map((a) => a.name))];
  if (names.length > 0) return names;
  return answers.some((a) => a.covers === null) ? null : [];
};
