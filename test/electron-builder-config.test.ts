/**
 * The packaging settings docs/architecture.md §3 and §5 depend on, read from electron-builder.yml itself, the test
 * build's override (electron-builder.test.yml) and the installer hooks (build/installer.nsh).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveDataDir } from '../electron/data-dir';

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
  asarUnpack: string[];
  win: { target: Array<{ target: string; arch: string[] }>; icon: string; requestedExecutionLevel: string };
  nsis: { perMachine: boolean; oneClick: boolean; allowElevation: boolean; include: string };
  electronFuses: Record<string, boolean>;
}

const config = yaml.load(readFileSync(fromRoot('electron-builder.yml'), 'utf8')) as BuilderConfig;

const validate = async (candidate: unknown): Promise<void> => {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    validateConfiguration(config: unknown, logger: unknown): Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
  await validateConfiguration(candidate, new DebugLogger(false));
};

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema (a misspelt key would be silently ignored otherwise)", async () => {
    await expect(validate(config)).resolves.toBeUndefined();
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

  it('installs per machine into Program Files, with elevation', () => {
    // An elevated app must not load its files from a folder a user can write: no other folder on offer.
    expect(config.nsis).toMatchObject({
      perMachine: true,
      oneClick: false,
      allowElevation: true,
      allowToChangeInstallationDirectory: false,
    });
  });

  it('unpacks koffi and its Windows binary from the asar (a .node file cannot load from inside it)', () => {
    expect(config.asarUnpack).toEqual(
      expect.arrayContaining(['node_modules/koffi/**', 'node_modules/@koromix/koffi-win32-x64/**']),
    );
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

/**
 * What electron-builder itself makes of a config file, `extends` included (its own loader, not a
 * re-implementation: the merge rules are electron-builder's).
 */
const loadResolved = async (file: string): Promise<Record<string, unknown>> => {
  const { getConfig } = require('app-builder-lib/out/util/config/config') as {
    getConfig(projectDir: string, configPath: string): Promise<Record<string, unknown>>;
  };
  return getConfig(fromRoot(''), file);
};

describe('electron-builder.test.yml (the test build for Playwright _electron)', () => {
  it('extends the release file instead of copying it', () => {
    const source = yaml.load(readFileSync(fromRoot('electron-builder.test.yml'), 'utf8')) as Record<string, unknown>;
    expect(source.extends).toBe('./electron-builder.yml');
    expect(Object.keys(source).sort()).toEqual(['directories', 'electronFuses', 'extends', 'extraMetadata']);
    expect(source.extraMetadata).toEqual({ portwardenTestBuild: true });
  });

  it('turns the inspect fuse on for the test build only; release keeps it off', async () => {
    const [release, test] = await Promise.all([
      loadResolved('electron-builder.yml'),
      loadResolved('electron-builder.test.yml'),
    ]);
    const fuses = (c: Record<string, unknown>) => c.electronFuses as Record<string, boolean>;
    expect(fuses(release).enableNodeCliInspectArguments).toBe(false);
    expect(fuses(test).enableNodeCliInspectArguments).toBe(true);
    await expect(validate(test)).resolves.toBeUndefined();
  });

  it('differs from the release in nothing but that fuse, the test-build flag and the output folder', async () => {
    const [release, test] = await Promise.all([
      loadResolved('electron-builder.yml'),
      loadResolved('electron-builder.test.yml'),
    ]);
    const { extends: parent, ...rest } = test;
    expect(parent).toBe('./electron-builder.yml');
    expect((test.directories as { output: string }).output).toBe('release-test');
    const expected = structuredClone(release) as {
      directories: { output: string };
      electronFuses: Record<string, boolean>;
    };
    expected.directories.output = 'release-test';
    expected.electronFuses.enableNodeCliInspectArguments = true;
    expect(release.extraMetadata).toBeUndefined();
    expect(rest).toEqual({ ...expected, extraMetadata: { portwardenTestBuild: true } });
  });

  it('is built by `npm run dist:test`; `npm run dist` builds the release', () => {
    const { scripts } = JSON.parse(readFileSync(fromRoot('package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(scripts['dist:test']).toContain('--config electron-builder.test.yml');
    expect(scripts.dist).not.toContain('--config');
  });
});

/** build/installer.nsh as makensis sees it: `${NAME}` replaced by its `!define` value. */
const installerScript = (): string => {
  const source = readFileSync(fromRoot('build/installer.nsh'), 'utf8');
  const defines = new Map<string, string>();
  for (const match of source.matchAll(/^!define\s+(\w+)\s+"?([^"\r\n]*)"?\s*$/gm)) defines.set(match[1]!, match[2]!);
  return source.replace(/\$\{(\w+)\}/g, (whole, name: string) => defines.get(name) ?? whole);
};

/** NSIS text without its comment lines. */
const withoutComments = (text: string): string =>
  text
    .split(/\r?\n/)
    .filter((line) => !/^\s*[;#]/.test(line))
    .join('\n');

/** The body of `!macro NAME` ... `!macroend`, comments removed. */
const macroBody = (script: string, name: string): string => {
  const match = new RegExp(`^!macro ${name}\\b[^\\n]*$([\\s\\S]*?)^!macroend`, 'm').exec(script);
  expect(match, `macro ${name}`).not.toBeNull();
  return withoutComments(match![1]!);
};

describe('build/installer.nsh (the admin-only data folder, docs/architecture.md §5)', () => {
  const script = installerScript();
  const install = macroBody(script, 'customInstall');
  /** The icacls command lines customInstall runs, as PortwardenIcacls hands them to nsExec. */
  const runner = macroBody(script, 'PortwardenIcacls');
  const icaclsCommands = [...install.matchAll(/!insertmacro PortwardenIcacls '([^\n]*)'/g)].map((m) =>
    /nsExec::ExecToLog '([^\n]*)'/.exec(runner)![1]!.replace('${ARGS}', m[1]!),
  );

  it('is the NSIS include of electron-builder.yml', () => {
    expect(config.nsis.include).toBe('build/installer.nsh');
    expect(existsSync(fromRoot(config.nsis.include))).toBe(true);
  });

  it('creates the folder the app resolves, <system drive>\\ProgramData\\Portwarden, with its subfolders', () => {
    expect(install).toMatch(/SetShellVarContext all/);
    // With the all-users context, NSIS's $APPDATA is the ProgramData folder.
    const programData = 'C:\\ProgramData';
    const appDir = resolveDataDir({
      platform: 'win32',
      simulated: false,
      systemRoot: 'C:\\Windows',
      userDataDir: 'unused',
    });
    expect(appDir).toBe('C:\\ProgramData\\Portwarden');
    const nsisDir = '$APPDATA\\Portwarden';
    expect(nsisDir.replace('$APPDATA', programData)).toBe(appDir);
    expect(install).toContain(`CreateDirectory "${nsisDir}"`);
    for (const sub of ['logs', 'backups', 'journal'])
      expect(install).toContain(`!insertmacro PortwardenDataSubfolder "${sub}"`);
    expect(macroBody(script, 'PortwardenDataSubfolder')).toContain(`CreateDirectory "${nsisDir}\\\${NAME}"`);
  });

  it('grants only Administrators and SYSTEM by SID and removes inheritance', () => {
    expect(icaclsCommands).toContain(
      '"$SYSDIR\\icacls.exe" "$APPDATA\\Portwarden" /inheritance:r /grant:r *S-1-5-32-544:(OI)(CI)F *S-1-5-18:(OI)(CI)F /Q',
    );
    // Localized account names break on non-English Windows ("Administradores"); SIDs never do.
    expect(withoutComments(script)).not.toMatch(/Administrators|SYSTEM:|Users:|Everyone/);
  });

  it('makes Administrators the owner of everything inside, and resets what was inside', () => {
    expect(icaclsCommands).toEqual([
      '"$SYSDIR\\icacls.exe" "$APPDATA\\Portwarden" /setowner *S-1-5-32-544 /T /L /Q',
      expect.stringContaining('/inheritance:r'),
      '"$SYSDIR\\icacls.exe" "$APPDATA\\Portwarden\\*" /reset /T /L /Q',
    ]);
  });

  it('moves a pre-existing folder aside when it is a link or not owned by Administrators/SYSTEM', () => {
    expect(macroBody(script, 'PortwardenIsForeign')).toMatch(
      /GetNamedSecurityInfoW[\s\S]*"S-1-5-32-544"[\s\S]*"S-1-5-18"/,
    );
    expect(install).toMatch(/Rename "\$APPDATA\\Portwarden" "\$APPDATA\\Portwarden\.untrusted-\$9"/);
    // Moving aside, never adopting by a recursive delete that links could steer.
    expect(install).not.toMatch(/RMDir \/r/);
  });

  it('stops the install when icacls fails instead of leaving an open folder', () => {
    expect(runner).toMatch(/Pop \$9\s+\$\{If\} \$9 != 0[\s\S]*Abort/);
  });

  it("leaves the data on uninstall (the backups are the user's) and removes only the logon task", () => {
    const uninstall = macroBody(script, 'customUnInstall');
    expect(readFileSync(fromRoot('build/installer.nsh'), 'utf8')).toMatch(
      /!macro customUnInstall\s*\n\s*;[^\n]*backups[^\n]*user/,
    );
    expect(uninstall).not.toMatch(/^\s*(?:RMDir|Delete)\b|icacls/im);
    // The elevated logon task must not outlive the exe it starts.
    expect(uninstall).toContain(`nsExec::ExecToLog '"$SYSDIR\\schtasks.exe" /Delete /TN Portwarden /F'`);
  });
});
