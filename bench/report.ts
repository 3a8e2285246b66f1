/**
 * The shape every benchmark returns and its printed form: one table per benchmark (a row per measured
 * case with min / median / p95 over its runs, plus numbers derived from the median such as lines/s),
 * then the ratios between cases, then a benchmark's own checks. The same objects go to
 * out/bench/results.json. Numbers are not judged here; a failed check (a leak) fails the run (run.ts).
 */
import type { Summary } from './stats';

export interface BenchRow {
  readonly label: string;
  /** Unit of the summary values ('ms', 'spawns/min', ...). */
  readonly unit: string;
  readonly summary: Summary;
  /** Figures derived from the median (throughput, counts), printed after the summary. */
  readonly derived?: Readonly<Record<string, number | string>>;
}

export interface BenchRatio {
  readonly label: string;
  readonly value: number;
}

export interface BenchCheck {
  readonly label: string;
  readonly pass: boolean;
}

export interface BenchResult {
  readonly id: string;
  readonly title: string;
  /** What is measured and why, in one or two sentences. */
  readonly measures: string;
  readonly rows: readonly BenchRow[];
  readonly ratios: readonly BenchRatio[];
  /** Setup facts (input sizes, sanity counts) and anything not measured, with the reason. */
  readonly notes: readonly string[];
  /** The benchmark's own pass/fail checks (a leak, a wrong answer); any failed one makes `npm run bench` exit 1. */
  readonly checks?: readonly BenchCheck[];
  readonly durationMs: number;
}

export const formatNumber = (value: number): string => {
  if (!Number.isFinite(value)) return 'n/a';
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  const abs = Math.abs(value);
  if (abs >= 1e12) return value.toExponential(2);
  if (abs >= 1000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(1);
  if (abs >= 1 || abs === 0) return value.toFixed(2);
  return value.toFixed(3);
};

const cell = (value: number | string): string => (typeof value === 'number' ? formatNumber(value) : value);

const renderTable = (header: readonly string[], rows: readonly (readonly string[])[]): string[] => {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((text, i) => (i === 0 ? text.padEnd(widths[i] ?? 0) : text.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
};

export const formatResult = (result: BenchResult): string => {
  const derivedKeys = [...new Set(result.rows.flatMap((row) => Object.keys(row.derived ?? {})))];
  const header = ['case', 'runs', 'min', 'median', 'p95', 'unit', ...derivedKeys];
  const rows = result.rows.map((row) => [
    row.label,
    String(row.summary.runs),
    formatNumber(row.summary.min),
    formatNumber(row.summary.median),
    formatNumber(row.summary.p95),
    row.unit,
    ...derivedKeys.map((key) => {
      const value = row.derived?.[key];
      return value === undefined ? '' : cell(value);
    }),
  ]);
  const out = [`== ${result.title} (${(result.durationMs / 1000).toFixed(1)} s)`, `   ${result.measures}`];
  if (rows.length > 0) out.push('', ...renderTable(header, rows));
  if (result.ratios.length > 0) {
    out.push('', 'ratios (of medians):');
    for (const r of result.ratios)
      out.push(`  ${r.label}: ${Number.isFinite(r.value) ? `${formatNumber(r.value)}x` : 'n/a'}`);
  }
  if (result.checks && result.checks.length > 0) {
    out.push('', 'checks:');
    for (const check of result.checks) out.push(`  ${check.pass ? 'PASS' : 'FAIL'} ${check.label}`);
  }
  if (result.notes.length > 0) {
    out.push('', 'notes:');
    for (const note of result.notes) out.push(`  - ${note}`);
  }
  return out.join('\n');
};
