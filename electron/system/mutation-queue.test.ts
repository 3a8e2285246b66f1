import { describe, expect, it } from 'vitest';
import { createMutationQueue } from './mutation-queue';

const deferred = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

describe('mutation queue', () => {
  it('runs one task at a time in submission order', async () => {
    const queue = createMutationQueue();
    const events: string[] = [];
    const gates = [deferred(), deferred(), deferred()];
    const tasks = gates.map((gate, i) =>
      queue.enqueue(async () => {
        events.push(`start ${i}`);
        await gate.promise;
        events.push(`end ${i}`);
        return i;
      }),
    );
    await Promise.resolve();
    expect(events).toEqual(['start 0']);
    expect(queue.pending).toBe(3);
    gates[1]!.resolve();
    gates[2]!.resolve();
    gates[0]!.resolve();
    expect(await Promise.all(tasks)).toEqual([0, 1, 2]);
    expect(events).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
    expect(queue.pending).toBe(0);
  });

  it('keeps going after a failed task and hands the failure to its caller', async () => {
    const queue = createMutationQueue();
    const failed = queue.enqueue(async () => {
      throw new Error('boom');
    });
    const next = queue.enqueue(async () => 'after');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('after');
  });
});
