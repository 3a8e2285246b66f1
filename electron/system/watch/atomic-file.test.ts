import { describe, expect, it } from 'vitest';
import { renameWithRetry } from './atomic-file';

const errno = (code: string) => Object.assign(new Error(code), { code });

/** A rename that fails with the given codes first, then succeeds; records every attempt and wait. */
const flaky = (codes: string[]) => {
  const attempts: string[] = [];
  const waits: number[] = [];
  return {
    attempts,
    waits,
    options: {
      rename: async (from: string, to: string) => {
        attempts.push(`${from}->${to}`);
        const code = codes.shift();
        if (code) throw errno(code);
      },
      sleep: async (ms: number) => {
        waits.push(ms);
      },
    },
  };
};

describe('renameWithRetry', () => {
  it.each(['EPERM', 'EBUSY', 'EACCES'])('on win32 retries %s with backoff, then succeeds', async (code) => {
    const f = flaky([code, code, code]);
    await renameWithRetry('a.tmp', 'a.json', { ...f.options, platform: 'win32' });
    expect(f.attempts).toHaveLength(4);
    expect(f.waits).toEqual([10, 20, 40]);
  });

  it('gives up after the last delay with the original error', async () => {
    const f = flaky(Array(10).fill('EBUSY'));
    await expect(
      renameWithRetry('a', 'b', { ...f.options, platform: 'win32', delaysMs: [1, 2] }),
    ).rejects.toMatchObject({ code: 'EBUSY' });
    expect(f.attempts).toHaveLength(3);
  });

  it('never retries other errors, nor on other platforms', async () => {
    const enoent = flaky(['ENOENT']);
    await expect(renameWithRetry('a', 'b', { ...enoent.options, platform: 'win32' })).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(enoent.attempts).toHaveLength(1);
    const linux = flaky(['EPERM']);
    await expect(renameWithRetry('a', 'b', { ...linux.options, platform: 'linux' })).rejects.toMatchObject({
      code: 'EPERM',
    });
    expect(linux.waits).toEqual([]);
  });
});
