/**
 * The Reserved-ports box's question, "is this port excluded?", asked of the ONE verdict
 * (shared/port-verdict.ts) with the text the user typed. This module only parses the text and
 * filters the tables; whether a port is inside a range, and what an administered exclusion means,
 * is decided in shared/ so the box and the doctor cannot disagree.
 */
import type { DoctorCause, ExcludedRange, ExcludedRangeTable, IpVersion, Protocol } from '../../shared/model';
import { IP_VERSIONS, inRange, indexPortFacts, portCauses, type PortCauses } from '../../shared/port-verdict';
import { portSchema } from '../../shared/validate';
import type { ValidationKey } from '../../shared/validation-text';

export type ExcludedCause = Extract<DoctorCause, { kind: 'excluded' }>;

export interface ProtocolVerdict {
  readonly protocol: Protocol;
  /** The excluded causes (one per row, naming every IP version that has it). */
  readonly excluded: readonly ExcludedCause[];
  /** IP versions whose excluded-range table of this protocol could not be read. */
  readonly unreadable: readonly IpVersion[];
}

export type PortVerdict =
  | { readonly kind: 'empty' }
  | { readonly kind: 'invalid'; readonly key: ValidationKey }
  | { readonly kind: 'checked'; readonly port: number; readonly protocols: readonly ProtocolVerdict[] };

/** Parses the typed text with the same schema the main process uses (never Number()/parseInt, docs/architecture.md §5). */
export const parsePortText = (text: string): { ok: true; port: number } | { ok: false; key: ValidationKey } => {
  const parsed = portSchema.safeParse(text);
  if (parsed.success) return { ok: true, port: parsed.data };
  return { ok: false, key: (parsed.error.issues[0]?.message ?? 'port-format') as ValidationKey };
};

const PROTOCOLS: readonly Protocol[] = ['tcp', 'udp'];

const excludedOnly = (protocol: Protocol, verdict: PortCauses): ProtocolVerdict => ({
  protocol,
  excluded: verdict.causes.filter((c): c is ExcludedCause => c.kind === 'excluded'),
  unreadable: IP_VERSIONS.filter((v) => verdict.unreadable.includes(`${protocol}/${v}`)),
});

export const portVerdict = (text: string, tables: readonly ExcludedRangeTable[]): PortVerdict => {
  // Surrounding spaces are the field's, not the number's: "8065 " pasted from a log still means 8065.
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const parsed = parsePortText(trimmed);
  if (!parsed.ok) return { kind: 'invalid', key: parsed.key };
  const { port } = parsed;
  // The box is about the excluded tables only: owners and rules are the doctor's (same verdict).
  const index = indexPortFacts({ excluded: tables, dynamic: [], endpoints: [], rules: [] });
  return {
    kind: 'checked',
    port,
    protocols: PROTOCOLS.map((protocol) => excludedOnly(protocol, portCauses(index, port, protocol))),
  };
};

/** The ranges a table shows for the current filter: all of them, or only those containing the port. */
export const filterRanges = (ranges: readonly ExcludedRange[], verdict: PortVerdict): readonly ExcludedRange[] =>
  verdict.kind === 'checked' ? ranges.filter((range) => inRange(range, verdict.port)) : ranges;
