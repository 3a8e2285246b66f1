/** The packaging settings DESIGN §3 and §5 depend on, read from electron-builder.yml itself. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// js-yaml comes with electron-builder; required untyped rather than adding a dependency for a test.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(source: string): unknown };
const fromRoot = (relative: string): string => fileURLToPath(new URL(`../${relative}`, import.meta.url));

interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string };
  files: string[];
  extraResources: Array<{ from: string; to: string }>;
  asar: boolean;
  win: { target: Array<{ target: string; arch: string[] }>; icon: string; requestedExecutionLevel: string };
  nsis: { perMachine: boolean; oneClick: boolean; allowElevation: boolean };
  electronFuses: Record<string, boolean>;
}

const config = yaml.load(readFileSync(fromRoot('electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema (a misspelt key would be silently ignored otherwise)", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app', () => {
    expect(config.appId).toBe('dev.portwarden.app');
    expect(config.productName).toBe('Portwarden');
    expect(config.directories.output).toBe('release');
  });

  it('packages only the built app, in an asar', () => {
    expect(config.asar).toBe(true);
    expect(config.files.length).toBeGreaterThan(0);
    for (const pattern of config.files) expect(pattern).toMatch(/^!?out\//);
    expect(config.files).toEqual(expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**']));
  });

  it('ships the tray icons where electron/tray.ts looks for them', () => {
    expect(config.extraResources).toContainEqual({ from: 'build/tray', to: 'tray' });
    for (const kind of ['normal', 'warning']) expect(existsSync(fromRoot(`build/tray/tray-${kind}.ico`))).toBe(true);
  });

  it('builds an x64 NSIS installer that requires administrator', () => {
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(config.win.requestedExecutionLevel).toBe('requireAdministrator');
    expect(existsSync(fromRoot(config.win.icon))).toBe(true);
  });

  it('installs per machine, with a choice and elevation', () => {
    expect(config.nsis).toMatchObject({ perMachine: true, oneClick: false, allowElevation: true });
  });

  it.each([
    ['runAsNode', false],
    ['enableNodeOptionsEnvironmentVariable', false],
    ['enableNodeCliInspectArguments', false],
    ['enableEmbeddedAsarIntegrityValidation', true],
    ['onlyLoadAppFromAsar', true],
    ['grantFileProtocolExtraPrivileges', false],
    ['enableCookieEncryption', true],
  ])('sets the fuse %s to %s', (fuse, value) => {
    expect(config.electronFuses[fuse]).toBe(value);
  });
});
