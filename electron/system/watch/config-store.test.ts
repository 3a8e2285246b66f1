import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWatchConfigStore } from './config-store';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'portwarden-watch-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const POSIX = process.platform !== 'win32';

describe('watch config store', () => {
  it('a missing file is an empty list, without a log line', async () => {
    const log = vi.fn();
    expect(await createWatchConfigStore(join(root, 'none.json'), { log }).read()).toEqual([]);
    expect(log).not.toHaveBeenCalled();
  });

  it('round-trips the list as version 1 JSON, creating the folder', async () => {
    const file = join(root, 'data', 'watched-ports.json');
    const store = createWatchConfigStore(file);
    const ports = [
      { port: 3000, protocol: 'tcp' },
      { port: 5353, protocol: 'udp' },
    ] as const;
    await store.write(ports);
    expect(await store.read()).toEqual(ports);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, ports });
    expect(await createWatchConfigStore(file).read()).toEqual(ports);
  });

  it.runIf(POSIX)('keeps the file 0600 and a new folder 0700', async () => {
    const file = join(root, 'private', 'watched-ports.json');
    await createWatchConfigStore(file).write([{ port: 1, protocol: 'tcp' }]);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(root, 'private'))).mode & 0o777).toBe(0o700);
  });

  it.each([
    ['not JSON', '{"version":1,"ports":[', /not JSON/],
    ['a wrong version', '{"version":2,"ports":[]}', /not a valid version 1 list/],
    ['a port out of range', '{"version":1,"ports":[{"port":70000,"protocol":"tcp"}]}', /not a valid version 1 list/],
    [
      'a smuggled field',
      '{"version":1,"ports":[{"port":80,"protocol":"tcp","cmd":"x"}]}',
      /not a valid version 1 list/,
    ],
    [
      'a duplicate',
      '{"version":1,"ports":[{"port":80,"protocol":"tcp"},{"port":80,"protocol":"tcp"}]}',
      /not a valid version 1 list/,
    ],
    ['an array', '[]', /not a valid version 1 list/],
  ])('a file with %s reads as [] and is logged', async (_name, text, line) => {
    const file = join(root, 'watched-ports.json');
    await writeFile(file, text);
    const log = vi.fn();
    expect(await createWatchConfigStore(file, { log }).read()).toEqual([]);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(line));
  });

  it('a folder in place of the file reads as [] and is logged (never throws)', async () => {
    const log = vi.fn();
    expect(await createWatchConfigStore(root, { log }).read()).toEqual([]);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/cannot read/));
  });

  it('writes atomically: no temp file stays, and a failed write leaves the old file whole', async () => {
    const file = join(root, 'watched-ports.json');
    const store = createWatchConfigStore(file);
    await store.write([{ port: 3000, protocol: 'tcp' }]);
    expect(await readdir(root)).toEqual(['watched-ports.json']);
    // A folder squatting on the target makes the final rename fail, after the temp file was written.
    const blocked = join(root, 'blocked.json');
    await import('node:fs/promises').then((fs) => fs.mkdir(join(blocked, 'inner'), { recursive: true }));
    await expect(createWatchConfigStore(blocked).write([{ port: 1, protocol: 'tcp' }])).rejects.toThrow();
    expect((await readdir(root)).sort()).toEqual(['blocked.json', 'watched-ports.json']);
    expect(await store.read()).toEqual([{ port: 3000, protocol: 'tcp' }]);
  });

  it('serializes writes: the last call wins', async () => {
    const file = join(root, 'watched-ports.json');
    const store = createWatchConfigStore(file);
    await Promise.all([1, 2, 3, 4, 5].map((port) => store.write([{ port, protocol: 'tcp' }])));
    expect(await store.read()).toEqual([{ port: 5, protocol: 'tcp' }]);
    expect(await readdir(root)).toEqual(['watched-ports.json']);
  });
});
