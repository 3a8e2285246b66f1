import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Endpoint, OwnersChanges, OwnersView } from '../../../shared/model';
import { applyEndpointChanges } from '../../../shared/owners-delta';
import { ownerChangesSchema } from '../../../shared/validate';
import { sampleEndpoint } from '../../../test/helpers/fake-api';
import { createTestCore, OWN_SENDER } from '../../../test/helpers/test-core';
import { createSimulatedWindows } from '../run/choose-windows';
import { createOwnersFeed, MAX_WINDOWS } from './owners-feed';

const viewOf = (ports: readonly number[], readAt = '2026-01-01T00:00:00.000Z'): OwnersView => ({
  endpoints: ports.map((port) => sampleEndpoint({ localPort: port, pid: port })),
  readAt,
  nativeLayer: false,
});

/** What the renderer does with an answer (renderer/store/owners-slice.ts), minus the store. */
const applyAnswer = (held: OwnersView | null, heldRevision: number | null, answer: OwnersChanges) => {
  if (answer.kind === 'full') return answer.view;
  if (held === null || answer.base !== heldRevision) return null;
  const endpoints = applyEndpointChanges(held.endpoints, answer);
  return endpoints === null ? null : { ...answer.view, endpoints };
};

describe('owners feed', () => {
  it('answers in full first, then with the changes since the revision the window holds', () => {
    const feed = createOwnersFeed();
    const first = feed.answer(1, { allStates: false, revision: null }, viewOf([1, 2, 3]));
    expect(first).toMatchObject({ kind: 'full', view: viewOf([1, 2, 3]) });
    const second = feed.answer(1, { allStates: false, revision: first.revision }, viewOf([1, 3, 4], 'later'));
    expect(second).toMatchObject({
      kind: 'delta',
      base: first.revision,
      view: { readAt: 'later', nativeLayer: false },
      count: 3,
      removed: [1],
      added: [{ index: 2 }],
      changed: [],
    });
    expect(second.revision).toBeGreaterThan(first.revision);
    expect(applyAnswer(viewOf([1, 2, 3]), first.revision, second)).toEqual(viewOf([1, 3, 4], 'later'));
  });

  it('a made-up, old or other window’s revision, or another question, gets the full list', () => {
    const feed = createOwnersFeed();
    const a1 = feed.answer(1, { allStates: false, revision: null }, viewOf([1]));
    const b1 = feed.answer(2, { allStates: false, revision: null }, viewOf([1]));
    const a2 = feed.answer(1, { allStates: false, revision: a1.revision }, viewOf([1, 2]));
    expect(a2.kind).toBe('delta');
    for (const revision of [a1.revision, b1.revision, 999_999, Number.MAX_SAFE_INTEGER]) {
      expect(feed.answer(1, { allStates: false, revision }, viewOf([1, 2])).kind, String(revision)).toBe('full');
    }
    const a3 = feed.answer(1, { allStates: false, revision: null }, viewOf([1, 2]));
    expect(feed.answer(1, { allStates: true, revision: a3.revision }, viewOf([1, 2])).kind).toBe('full');
    // Window 2 still gets its delta: windows do not disturb each other.
    expect(feed.answer(2, { allStates: false, revision: b1.revision }, viewOf([1])).kind).toBe('delta');
  });

  it('remembers at most MAX_WINDOWS windows, one list each, forgetting the least recently polled', () => {
    const feed = createOwnersFeed();
    const revisions = new Map<number, number>();
    for (let window = 1; window <= 50; window++) {
      for (let poll = 0; poll < 3; poll++) {
        const answer = feed.answer(
          window,
          { allStates: false, revision: revisions.get(window) ?? null },
          viewOf([poll]),
        );
        revisions.set(window, answer.revision);
      }
    }
    expect(feed.windows).toBe(MAX_WINDOWS);
    expect(feed.answer(50, { allStates: false, revision: revisions.get(50) ?? null }, viewOf([1])).kind).toBe('delta');
    expect(feed.answer(1, { allStates: false, revision: revisions.get(1) ?? null }, viewOf([1])).kind).toBe('full');
  });

  it('the revision a renderer may send is validated: whole, positive, safe, or null', () => {
    for (const revision of [null, 1, Number.MAX_SAFE_INTEGER]) {
      expect(ownerChangesSchema.safeParse({ allStates: false, revision }).success, String(revision)).toBe(true);
    }
    for (const revision of [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 2, '1', Number.NaN, Infinity, {}, undefined]) {
      expect(ownerChangesSchema.safeParse({ allStates: false, revision }).success, String(revision)).toBe(false);
    }
    expect(ownerChangesSchema.safeParse({ allStates: false, revision: 1, extra: 1 }).success).toBe(false);
  });

  it('random polls from several windows with honest, stale and made-up revisions: each ends with the full list', () => {
    const port = fc.integer({ min: 1, max: 30 });
    const poll = fc.record({
      window: fc.integer({ min: 1, max: MAX_WINDOWS + 2 }),
      ports: fc.uniqueArray(port, { maxLength: 20 }).map((ports) => ports.sort((a, b) => a - b)),
      state: fc.constantFrom('LISTENING', 'ESTABLISHED'),
      allStates: fc.boolean(),
      lie: fc.option(fc.integer({ min: 1, max: 60 }), { freq: 4, nil: null }),
    });
    fc.assert(
      fc.property(fc.array(poll, { minLength: 1, maxLength: 40 }), (polls) => {
        const feed = createOwnersFeed();
        const held = new Map<number, { view: OwnersView; revision: number }>();
        for (const { window, ports, state, allStates, lie } of polls) {
          const full: OwnersView = {
            ...viewOf(ports),
            endpoints: viewOf(ports).endpoints.map((e): Endpoint => ({ ...e, state })),
          };
          const mine = held.get(window);
          const revision = lie ?? mine?.revision ?? null;
          const answer = feed.answer(window, { allStates, revision }, full);
          const view = applyAnswer(mine?.view ?? null, revision, answer);
          expect(view).toEqual(full);
          held.set(window, { view: view ?? full, revision: answer.revision });
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('owners:changes through the router', () => {
  it('answers the real read in full, then as changes that rebuild exactly what owners:list reads', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'portwarden-owners-feed-'));
    try {
      const sim = createSimulatedWindows({ scenario: 'hyperv-reserved', locale: 'de' });
      const core = createTestCore({ runner: sim.runner, probe: sim.probe, dataDir: dir });
      const ask = (revision: unknown) =>
        core.router.dispatch('owners:changes', OWN_SENDER, [{ allStates: true, revision }]);
      const first = await ask(null);
      if (!first.ok) throw new Error(first.error.message);
      const full = first.value as OwnersChanges;
      expect(full.kind).toBe('full');
      let held = full.kind === 'full' ? full.view : null;
      let revision = full.revision;
      // A socket closes and one opens between two polls.
      const sockets = sim.runner.machine.sockets;
      sim.runner.machine.sockets = [
        ...sockets.slice(1),
        { ...(sockets[0] as (typeof sockets)[number]), localPort: 61_000 },
      ];
      const second = await ask(revision);
      if (!second.ok) throw new Error(second.error.message);
      const delta = second.value as OwnersChanges;
      expect(delta.kind).toBe('delta');
      held = applyAnswer(held, revision, delta);
      revision = delta.revision;
      const listed = await core.router.dispatch('owners:list', OWN_SENDER, [{ allStates: true }]);
      if (!listed.ok) throw new Error(listed.error.message);
      expect(held?.endpoints).toEqual((listed.value as OwnersView).endpoints);
      // Hostile revisions never reach the feed.
      for (const bad of ['1', -1, 0.5, { revision }, 2 ** 60]) {
        const refused = await ask(bad);
        expect(refused.ok ? 'ok' : refused.error.code, JSON.stringify(bad)).toBe('invalid-input');
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
