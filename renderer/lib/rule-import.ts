/**
 * Reads an import file (or pasted text) into rules. Accepts the app's export format `{ rules: [...] }`
 * and a bare array. A row's optional `firewall` flag (the export writes it) must be true or false; the
 * ports it asks to open are collected, and the dialog adds those firewall rules only after the user
 * confirms (issue #11). Every row is validated with the schema the main process uses; one invalid row
 * means nothing is applied, so the user fixes the file once instead of ending up with half of it.
 */
import type { ProxyRule } from '../../shared/model';
import { fieldIssues, proxyRuleInputSchema } from '../../shared/validate';
import { messageOf } from '../../shared/result';

/** The main process takes at most this many rules per import (importRulesSchema). */
export const IMPORT_LIMIT = 1000;

export interface ImportRowIssue {
  /** 1-based, as a user counts the rows of a file. */
  readonly row: number;
  readonly field: string;
  /** A validation key (shared/validate.ts). */
  readonly key: string;
}

export type RowsRead =
  | { readonly ok: true; readonly rows: readonly unknown[] }
  | { readonly ok: false; readonly problem: 'json' | 'shape' | 'too-many'; readonly detail?: string };

export type RowsValidated =
  | {
      readonly ok: true;
      readonly rules: readonly ProxyRule[];
      /** Listen ports of the rows with `"firewall": true`, distinct and sorted (one firewall rule per port). */
      readonly firewallPorts: readonly number[];
    }
  | { readonly ok: false; readonly issues: readonly ImportRowIssue[] };

export type ImportParse =
  RowsValidated | { readonly ok: false; readonly problem: 'json' | 'shape' | 'too-many'; readonly detail?: string };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const withoutFirewall = (row: unknown): unknown => {
  if (!isRecord(row) || !('firewall' in row)) return row;
  const { firewall: _firewall, ...rest } = row;
  return rest;
};

export const readImportRows = (text: string): RowsRead => {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: 'json', detail: messageOf(error) };
  }
  const rows = Array.isArray(data) ? data : isRecord(data) && Array.isArray(data.rules) ? data.rules : null;
  if (rows === null) return { ok: false, problem: 'shape' };
  if (rows.length > IMPORT_LIMIT) return { ok: false, problem: 'too-many' };
  return { ok: true, rows };
};

export const validateImportRows = (rows: readonly unknown[]): RowsValidated => {
  const rules: ProxyRule[] = [];
  const firewallPorts = new Set<number>();
  const issues: ImportRowIssue[] = [];
  rows.forEach((row, index) => {
    const firewall = isRecord(row) && 'firewall' in row ? row.firewall : false;
    // Named on its own: a "yes" or 1 must not silently open (or silently not open) a port.
    if (typeof firewall !== 'boolean') issues.push({ row: index + 1, field: 'firewall', key: 'boolean' });
    const parsed = proxyRuleInputSchema.safeParse(withoutFirewall(row));
    if (parsed.success) {
      rules.push(parsed.data);
      if (firewall === true) firewallPorts.add(parsed.data.listenPort);
      return;
    }
    // One line per field: zod can report a field twice (format and range), the first says enough.
    const seen = new Set<string>();
    for (const issue of fieldIssues(parsed.error)) {
      if (seen.has(issue.field)) continue;
      seen.add(issue.field);
      issues.push({ row: index + 1, field: issue.field, key: issue.key });
    }
  });
  return issues.length > 0
    ? { ok: false, issues }
    : { ok: true, rules, firewallPorts: [...firewallPorts].sort((a, b) => a - b) };
};

export const parseImportText = (text: string): ImportParse => {
  const read = readImportRows(text);
  return read.ok ? validateImportRows(read.rows) : read;
};
