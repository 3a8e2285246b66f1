// Types of test-summary.mjs for test/test-summary.test.ts (the script itself is plain JS, run by Node).
export interface Skip {
  readonly name: string;
  readonly reason: string | null;
}
export interface Outcome {
  readonly passed: number;
  /** One message per failed test, or per problem that counts as one failed test. */
  readonly failed: string[];
  readonly skips: Skip[];
}
export interface AllowEntry {
  readonly pattern: RegExp;
  readonly reason: string;
  readonly when: RegExp | null;
  readonly platforms: readonly string[] | null;
}
export function vitestOutcome(report: unknown, options: { suite: string; root: string }): Outcome;
export function playwrightOutcome(report: unknown, options: { suite: string }): Outcome;
export function win32Outcome(report: unknown, options: { suite: string }): Outcome | { tierSkipped: string };
export function parseAllowList(text: string): AllowEntry[];
export function judgeSkips(
  skips: readonly Skip[],
  allowList: readonly AllowEntry[],
  platform?: string,
): { allowed: (Skip & { allowedBecause: string })[]; unlisted: Skip[] };
