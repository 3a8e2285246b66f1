/**
 * The same flows through the real Electron app (Playwright's _electron), where an Electron binary
 * exists: a developer's Windows machine or a CI runner that downloaded it. Offline machines (this
 * repo's Linux CI) have none, and the suite says so in one line instead of failing.
 *
 * _electron launches the app with --inspect=0 and drives it through the Node inspector, so it runs the
 * unpackaged app on node_modules' Electron here. A packaged app needs the test build (`npm run
 * dist:test`, electron-builder.test.yml: the inspect fuse on, output in release-test/); the release
 * build turns that fuse off and cannot be driven this way, by design (docs/architecture.md §5).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { REPO_ROOT } from './harness/build';

/** node_modules/electron/path.txt names the binary inside dist/ once it has been downloaded. */
const electronBinary = (): string | null => {
  try {
    const dir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const relative = readFileSync(path.join(dir, 'path.txt'), 'utf8').trim();
    const binary = path.join(dir, 'dist', relative);
    return existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
};

const binary = electronBinary();
const built =
  existsSync(path.join(REPO_ROOT, 'out/main/main.js')) && existsSync(path.join(REPO_ROOT, 'out/preload/preload.cjs'));
const skipReason = !binary
  ? 'no Electron binary (offline install): the browser harness specs cover these flows (packaged: only the `npm run dist:test` build, inspect fuse on, can be driven)'
  : !built
    ? 'app not built: run `npm run build` first'
    : null;

test.describe('real Electron', () => {
  // One line that says why (test/skip-allow-list.json allows the no-binary reason only).
  test.skip(skipReason !== null, skipReason ?? '');
  test('starts, shows the excluded ranges over the simulated Windows, and protects a port', async () => {
    const app = await electron.launch({
      executablePath: binary!,
      args: [REPO_ROOT],
      env: { ...process.env, PORTWARDEN_SIMULATE: '1', PORTWARDEN_SCENARIO: 'hyperv-reserved' },
    });
    try {
      const page = await app.firstWindow();
      await page.waitForSelector('html[data-app-ready="true"]', { timeout: 30_000 });
      await expect.poll(() => page.getByTestId('ranges-table-tcp-ipv4').innerText()).toMatch(/8031/);
      // Sandboxed, context-isolated renderer: no require, no process, and only `api` from the preload.
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      expect(await page.evaluate(() => Object.keys(window).filter((k) => k === 'api' || k === 'ipcRenderer'))).toEqual([
        'api',
      ]);
    } finally {
      await app.close();
    }
  });
});
