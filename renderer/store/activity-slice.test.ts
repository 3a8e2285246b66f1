import { describe, expect, it } from 'vitest';
import { ok } from '../../shared/result';
import { groupByOperation } from '../lib/command-line';
import { createAppStore } from './create-app-store';
import { createFakeApi, sampleRecord } from '../../test/helpers/fake-api';

describe('activity slice: verified results and earlier runs', () => {
  it('replaces a pending change record when it comes back verified, and never goes back to pending', () => {
    const store = createAppStore(createFakeApi());
    const pending = { ...sampleRecord(5, 'op-2'), verified: 'pending' as const };
    store.getState().recordActivity(pending);
    store.getState().recordActivity({ ...pending, verified: 'applied' });
    expect(store.getState().records.map((r) => r.verified)).toEqual(['applied']);
    store.getState().recordActivity(pending);
    expect(store.getState().records.map((r) => r.verified)).toEqual(['applied']);
  });

  it('lists earlier-run records (negative ids) before this run, grouped apart', async () => {
    const earlier = { ...sampleRecord(-1, 'run-a/op-1'), verified: 'interrupted' as const, earlierRun: true };
    const api = createFakeApi({ listActivity: ok([earlier, sampleRecord(1, 'op-1')]) });
    const store = createAppStore(api);
    await store.getState().loadActivity();
    expect(store.getState().records.map((r) => r.id)).toEqual([-1, 1]);
    const groups = groupByOperation(store.getState().records);
    expect(groups.map((g) => [g.operationId, g.earlierRun, g.verified])).toEqual([
      ['op-1', false, undefined],
      ['run-a/op-1', true, 'interrupted'],
    ]);
  });

  it('reports renderer errors clipped to the channel limits', () => {
    const api = createFakeApi();
    const store = createAppStore(api);
    store.getState().reportRendererError({
      kind: 'error',
      message: 'm'.repeat(5000),
      stack: 's'.repeat(20_000),
      source: 'x'.repeat(900),
    });
    const call = api.calls.find((c) => c.method === 'reportRendererError');
    const input = call?.args[0] as { message: string; stack: string; source: string };
    expect([input.message.length, input.stack.length, input.source.length]).toEqual([2000, 8000, 500]);
  });
});
