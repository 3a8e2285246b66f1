import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assertSimulatorAllowed } from './guard';

describe('assertSimulatorAllowed', () => {
  it('throws only for a packaged Windows build', () => {
    expect(() => assertSimulatorAllowed({ isPackaged: true, platform: 'win32' })).toThrow(/packaged Windows build/);
    expect(() => assertSimulatorAllowed({ isPackaged: false, platform: 'win32' })).not.toThrow();
    expect(() => assertSimulatorAllowed({ isPackaged: true, platform: 'linux' })).not.toThrow();
    expect(() => assertSimulatorAllowed({ isPackaged: false, platform: 'darwin' })).not.toThrow();
  });

  it('no simulator module imports electron', () => {
    const dir = path.dirname(fileURLToPath(import.meta.url));
    const sources = readdirSync(dir).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
    expect(sources.length).toBeGreaterThan(10);
    for (const file of sources) {
      expect(readFileSync(path.join(dir, file), 'utf8'), file).not.toMatch(
        /from ['"]electron['"]|require\(['"]electron['"]\)/,
      );
    }
  });
});
