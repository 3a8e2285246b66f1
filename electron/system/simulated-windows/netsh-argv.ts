/**
 * How netsh reads its argv: each word is a context or command name matched case-insensitively by
 * unique prefix among its siblings (`int` = interface, `dynamicport` = dynamicportrange, `set dynamic`
 * in session-setdynamic-regadd-excludedportrange.ko.1.txt); the rest are `tag=value` tokens in any
 * order, tags also matched by unique prefix (`num=` = numberofports), or bare values filling the
 * parameters in their documented order (`show dynamicport tcp`).
 */

/** A word matched against the real sibling names (so ambiguity behaves like netsh), or null. */
export const matchKeyword = (token: string, candidates: readonly string[]): string | null => {
  const word = token.toLowerCase();
  if (candidates.includes(word)) return word;
  const hits = candidates.filter((candidate) => candidate.startsWith(word));
  return word.length > 0 && hits.length === 1 ? (hits[0] ?? null) : null;
};

export interface ParamSpec {
  readonly tag: string;
  readonly required?: boolean;
}

export type ParamParse =
  | { readonly kind: 'ok'; readonly values: Readonly<Record<string, string>> }
  /** `'<token>' is not a valid argument for this command.` (the tag only, for tag=value tokens). */
  | { readonly kind: 'invalid-argument'; readonly token: string }
  | { readonly kind: 'missing' };

export const parseParams = (tokens: readonly string[], specs: readonly ParamSpec[]): ParamParse => {
  const values: Record<string, string> = {};
  const tags = specs.map((spec) => spec.tag);
  for (const token of tokens) {
    const equals = token.indexOf('=');
    if (equals > 0) {
      const tag = matchKeyword(token.slice(0, equals), tags);
      if (tag === null || tag in values) return { kind: 'invalid-argument', token: token.slice(0, equals) };
      values[tag] = token.slice(equals + 1);
    } else {
      const next = tags.find((tag) => !(tag in values));
      if (next === undefined) return { kind: 'invalid-argument', token };
      values[next] = token;
    }
  }
  return specs.some((spec) => spec.required && !(spec.tag in values)) ? { kind: 'missing' } : { kind: 'ok', values };
};

/** netsh numbers: plain decimal digits only. */
export const parseInteger = (text: string | undefined): number | null =>
  text !== undefined && /^[0-9]{1,10}$/.test(text) ? Number(text) : null;
