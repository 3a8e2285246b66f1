/**
 * IPC fuzzing, part 2 of 3 (test/helpers/ipc-fuzz.ts): every route, elevated, over a runner that answers
 * every command with nothing; the volume pass.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../shared/ipc';
import {
  argumentLists,
  checkDispatch,
  countsFor,
  countsTable,
  ELEVATED_RUNS,
  fuzzCore,
  METHODS,
  type Counts,
} from '../test/helpers/ipc-fuzz';

const elevatedCounts = new Map<string, Counts>();

describe(`fuzz: ${ELEVATED_RUNS} argument lists per route, elevated`, () => {
  for (const method of METHODS) {
    const channel = CHANNELS[method];
    it(
      channel,
      async () => {
        const core = fuzzCore(true);
        const counts = countsFor(elevatedCounts, channel);
        await fc.assert(
          fc.asyncProperty(argumentLists(method), async (args) => {
            await checkDispatch(core, channel, args, counts);
          }),
          { numRuns: ELEVATED_RUNS },
        );
        // The route was really reached, not rejected wholesale: a fuzz pass that only ever fails validation proves little.
        expect(counts.tried - counts.invalid, `${channel} never got past validation`).toBeGreaterThan(0);
      },
      120_000,
    );
  }
});

afterAll(() => {
  console.log([countsTable('IPC fuzz, elevated, empty answers', elevatedCounts)].join('\n\n'));
});
