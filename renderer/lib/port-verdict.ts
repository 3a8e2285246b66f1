/**
 * The answer to "why can't I use this port?" from the excluded-range tables: which ranges contain the
 * typed port, per family. Pure, so the sentence logic is tested without a browser.
 */
import type { ExcludedRange, ExcludedRangeTable, ProtocolFamily } from '../../shared/model';
import { portSchema, type ValidationKey } from '../../shared/validate';

export interface FamilyVerdict {
  readonly family: ProtocolFamily;
  /** Ranges of this family that contain the port (netsh can list overlapping rows). */
  readonly matches: readonly ExcludedRange[];
  /** The table could not be read: the port may be excluded there, we cannot say. */
  readonly unreadable: boolean;
}

export type PortVerdict =
  | { readonly kind: 'empty' }
  | { readonly kind: 'invalid'; readonly key: ValidationKey }
  | {
      readonly kind: 'checked';
      readonly port: number;
      /** Only the families that matter: with a match, or unreadable. Empty means "not excluded". */
      readonly families: readonly FamilyVerdict[];
    };

export const containsPort = (range: ExcludedRange, port: number): boolean => range.start <= port && port <= range.end;

/** Parses the typed text with the same schema the main process uses (never Number()/parseInt, docs/architecture.md §5). */
export const parsePortText = (text: string): { ok: true; port: number } | { ok: false; key: ValidationKey } => {
  const parsed = portSchema.safeParse(text);
  if (parsed.success) return { ok: true, port: parsed.data };
  return { ok: false, key: (parsed.error.issues[0]?.message ?? 'port-format') as ValidationKey };
};

export const portVerdict = (text: string, tables: readonly ExcludedRangeTable[]): PortVerdict => {
  // Surrounding spaces are the field's, not the number's: "8065 " pasted from a log still means 8065.
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const parsed = parsePortText(trimmed);
  if (!parsed.ok) return { kind: 'invalid', key: parsed.key };
  const { port } = parsed;
  const families = tables
    .map((table) => ({
      family: { protocol: table.protocol, ipVersion: table.ipVersion },
      matches: table.ranges.filter((range) => containsPort(range, port)),
      unreadable: table.error !== undefined,
    }))
    .filter((verdict) => verdict.matches.length > 0 || verdict.unreadable);
  return { kind: 'checked', port, families };
};

/** The ranges a table shows for the current filter: all of them, or only those containing the port. */
export const filterRanges = (ranges: readonly ExcludedRange[], verdict: PortVerdict): readonly ExcludedRange[] =>
  verdict.kind === 'checked' ? ranges.filter((range) => containsPort(range, verdict.port)) : ranges;
