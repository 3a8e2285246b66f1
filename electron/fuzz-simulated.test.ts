/**
 * IPC fuzzing, part 3 of 3 (test/helpers/ipc-fuzz.ts): every route, elevated, over a simulated machine
 * with rules and ranges, so the change paths that first need a readable state also build argv from
 * fuzzed data; the depth pass.
 */
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { CHANNELS } from '../shared/ipc';
import {
  argumentLists,
  checkDispatch,
  countsFor,
  countsTable,
  fuzzCore,
  METHODS,
  SIMULATED_RUNS,
  type Counts,
} from '../test/helpers/ipc-fuzz';

const simulatedCounts = new Map<string, Counts>();

describe(`fuzz: ${SIMULATED_RUNS} argument lists per route, elevated, over a simulated machine with rules`, () => {
  for (const method of METHODS) {
    const channel = CHANNELS[method];
    it(
      channel,
      async () => {
        // The exclusion routes need the administered 50000-50059 row of hyperv-reserved; the rest need forwarding's rules.
        const core = fuzzCore(true, 'simulated', channel.startsWith('ranges:') ? 'hyperv-reserved' : 'forwarding');
        const counts = countsFor(simulatedCounts, channel);
        await fc.assert(
          fc.asyncProperty(argumentLists(method), async (args) => {
            await checkDispatch(core, channel, args, counts);
          }),
          { numRuns: SIMULATED_RUNS },
        );
      },
      120_000,
    );
  }
});

afterAll(() => {
  console.log([countsTable('IPC fuzz, elevated, simulated machine', simulatedCounts)].join('\n\n'));
});
