/**
 * A rule as typed in the add form or an inline edit: four texts, checked with the schema the main
 * process uses. Ports stay text until the schema accepts them (never Number()/parseInt, docs/architecture.md §5).
 */
import { addressKind } from '../../shared/addresses';
import type { ProxyRule, ProxyType } from '../../shared/model';
import { listenKey, netshAddCommand, netshDeleteCommand } from '../../shared/proxy-rules';
import { deriveProxyType } from '../../shared/proxy-rules';
import { fieldIssues, proxyRuleInputSchema } from '../../shared/validate';

export interface RuleDraft {
  readonly listenAddress: string;
  readonly listenPort: string;
  readonly connectAddress: string;
  readonly connectPort: string;
}

export type RuleField = keyof RuleDraft;
export const RULE_FIELDS: readonly RuleField[] = ['listenAddress', 'listenPort', 'connectAddress', 'connectPort'];

/** 0.0.0.0 rather than an empty listen address: netsh's own default, and what most people mean. */
export const NEW_DRAFT: RuleDraft = { listenAddress: '0.0.0.0', listenPort: '', connectAddress: '', connectPort: '' };

export const draftOf = (rule: ProxyRule): RuleDraft => ({
  listenAddress: rule.listenAddress,
  listenPort: String(rule.listenPort),
  connectAddress: rule.connectAddress,
  connectPort: String(rule.connectPort),
});

export interface DraftCheck {
  /** The rule the main process would get (type derived), or null while a field is invalid. */
  readonly rule: ProxyRule | null;
  /** First validation key per field. */
  readonly errors: ReadonlyMap<string, string>;
  /** Shown live, even while a field is still invalid. */
  readonly type: ProxyType;
  /** Windows resolves host names itself, when a connection arrives: worth a note. */
  readonly hostname: boolean;
}

export const checkDraft = (draft: RuleDraft): DraftCheck => {
  const parsed = proxyRuleInputSchema.safeParse(draft);
  const errors = new Map<string, string>();
  if (!parsed.success)
    for (const issue of fieldIssues(parsed.error)) if (!errors.has(issue.field)) errors.set(issue.field, issue.key);
  return {
    rule: parsed.success ? parsed.data : null,
    errors,
    type: deriveProxyType(draft.listenAddress, draft.connectAddress),
    hostname: addressKind(draft.listenAddress) === 'hostname' || addressKind(draft.connectAddress) === 'hostname',
  };
};

/**
 * The commands an edit runs, for "Copy as netsh command": the same listen key is changed in place with
 * `set` (same arguments as `add`); a new listen key is added before the old one is deleted.
 */
export const netshEditCommands = (original: ProxyRule, updated: ProxyRule): readonly string[] =>
  listenKey(original) === listenKey(updated)
    ? [netshAddCommand(updated).replace('netsh interface portproxy add', 'netsh interface portproxy set')]
    : [netshAddCommand(updated), netshDeleteCommand(original)];
