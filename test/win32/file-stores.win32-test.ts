// The app's file stores on a Win32 runtime. On Windows the data folder is
// C:\ProgramData\Portwarden: backslash paths, rename-over-existing through MoveFileEx, NTFS sharing
// rules and drive letters all behave differently from the Linux file system the unit tests use. Each
// store's public API is exercised in a temp folder whose name holds spaces and non-ASCII letters.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { ProxyRule } from '../../shared/model';
import { createFileJournal } from '../../electron/system/journal/store';
import { createFileBackupStore } from '../../electron/system/portproxy/backup-store';
import type { BackupRule } from '../../electron/system/portproxy/types';
import { ensurePrivateDir, writeFileAtomic } from '../../electron/system/watch/atomic-file';
import { createWatchConfigStore } from '../../electron/system/watch/config-store';
import {
  isSafeLocalPath,
  removeTaskDefinition,
  taskDefinitionPath,
  writeTaskDefinition,
} from '../../electron/system/autostart/task-file';
import { AUTOSTART_ARGUMENTS, buildAutostartTaskXml, encodeTaskXml } from '../../electron/system/autostart/task-xml';
import { resolveDataDir } from '../../electron/data-dir';
import {
  DEFAULT_SYSTEM_ROOT,
  programDataOf,
  resolveSystemRoot,
  systemRootFromKernel,
} from '../../electron/system/run/windows-dirs';

const base = mkdtempSync(path.join(os.tmpdir(), 'Portwarden Ä 端口 '));
after(() => rmSync(base, { recursive: true, force: true }));

let folders = 0;
/** A fresh folder per test, named like the data folder could be on a localized system. */
const folder = (name: string): string => path.join(base, `${(folders += 1)} ${name} Ü`);

const leftovers = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

const RULE: ProxyRule = {
  type: 'v4tov6',
  listenAddress: '0.0.0.0',
  listenPort: 2222,
  connectAddress: 'fe80::1',
  connectPort: 22,
};

describe('path.win32 on this runtime', () => {
  test('the default path module is path.win32 and the temp folder is on a drive', () => {
    assert.equal(path, path.win32);
    assert.equal(path.sep, '\\');
    assert.match(base, /^[A-Za-z]:\\/);
  });

  test('forward slashes and case name the same file', () => {
    const dir = folder('slashes');
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir.replace(/\\/g, '/')}/Mixed Case.json`, 'x');
    assert.equal(readFileSync(path.join(dir, 'MIXED CASE.JSON'), 'utf8'), 'x');
    assert.equal(path.join(dir, 'a/b\\c'), `${dir}\\a\\b\\c`);
  });
});

describe('atomic writer (watch/atomic-file.ts)', () => {
  test('creates the missing folders and writes the text', async () => {
    const file = path.join(folder('atomic'), 'nested dir', 'watched ports.json');
    await writeFileAtomic(file, 'first ✓\n');
    assert.equal(readFileSync(file, 'utf8'), 'first ✓\n');
    assert.deepEqual(leftovers(path.dirname(file)), []);
  });

  test('replaces an existing file in place (MoveFileEx with replace)', async () => {
    const file = path.join(folder('replace'), 'config.json');
    await writeFileAtomic(file, 'old');
    await writeFileAtomic(file, 'new, longer than the old content');
    assert.equal(readFileSync(file, 'utf8'), 'new, longer than the old content');
    assert.deepEqual(readdirSync(path.dirname(file)), ['config.json']);
  });

  test('ensurePrivateDir is idempotent on an existing folder', async () => {
    const dir = folder('private');
    await ensurePrivateDir(dir);
    await ensurePrivateDir(dir);
    assert.ok(statSync(dir).isDirectory());
  });
});

describe('journal store (journal/store.ts)', () => {
  const at = new Date('2026-01-31T14:25:01.123Z');

  test('begin, list, read and complete round trip', async () => {
    const dir = folder('journal');
    const journal = createFileJournal(dir, { now: () => at });
    assert.deepEqual(await journal.list(), []);
    const entry = await journal.begin('winnat-restart', { kind: 'winnat-restart' });
    assert.match(entry.id, /^20260131T142501123Z-[0-9a-f]{8}$/);
    assert.deepEqual(readdirSync(dir), [`${entry.id}.json`]);
    assert.deepEqual(await journal.list(), [entry]);
    assert.deepEqual(await journal.read(entry.id), entry);
    await journal.complete(entry.id);
    assert.deepEqual(await journal.list(), []);
    assert.deepEqual(readdirSync(dir), []);
  });

  test('a rules entry with IPv6 addresses survives the file', async () => {
    const journal = createFileJournal(folder('rules'), { now: () => at });
    const intent = {
      kind: 'rules',
      before: [],
      target: [RULE],
      firewall: { before: null, want: [2222], release: [] },
    } as const;
    const entry = await journal.begin('add-rule', intent);
    assert.deepEqual((await journal.read(entry.id))?.intent, intent);
  });

  test('ids that would leave the folder are refused', async () => {
    const dir = folder('escape');
    const outside = path.join(path.dirname(dir), 'planted.json');
    writeFileSync(outside, '{}');
    const journal = createFileJournal(dir);
    for (const id of ['..\\planted', '../planted', `${dir}\\..\\planted`, 'C:planted', '..']) {
      assert.equal(await journal.read(id), null, id);
      await journal.complete(id);
    }
    assert.ok(statSync(outside).isFile());
  });

  test('an entry copied under another id is not that entry', async () => {
    const dir = folder('copied');
    const journal = createFileJournal(dir, { now: () => at });
    const entry = await journal.begin('winnat-restart', { kind: 'winnat-restart' });
    const otherId = `${entry.id.slice(0, -8)}00000000`;
    writeFileSync(path.join(dir, `${otherId}.json`), readFileSync(path.join(dir, `${entry.id}.json`)));
    assert.equal(await journal.read(otherId), null);
    assert.deepEqual(await journal.list(), [entry]);
  });
});

describe('backup store (portproxy/backup-store.ts)', () => {
  const rules: BackupRule[] = [
    { ...RULE, firewall: true },
    { ...RULE, listenPort: 8080, firewall: false },
  ];

  test('write, list (newest first) and read round trip', async () => {
    const dir = folder('backups');
    let ms = Date.parse('2026-01-31T14:25:01.123Z');
    const store = createFileBackupStore(dir, { now: () => new Date(ms) });
    const first = await store.write('reset', rules);
    ms += 1000;
    const second = await store.write('import', rules.slice(0, 1));
    assert.equal(first.id, '20260131T142501123Z-reset');
    assert.deepEqual(
      (await store.list()).map((b) => b.id),
      [second.id, first.id],
    );
    assert.deepEqual(await store.read(first.id), rules);
    assert.deepEqual(readdirSync(dir).sort(), [`${first.id}.json`, `${second.id}.json`]);
  });

  test('two backups in the same millisecond get distinct files (exclusive create)', async () => {
    const store = createFileBackupStore(folder('same ms'), { now: () => new Date('2026-01-31T14:25:01.123Z') });
    const [a, b] = await Promise.all([store.write('restore', rules), store.write('restore', rules)]);
    assert.notEqual(a.id, b.id);
    assert.equal((await store.list()).length, 2);
  });

  test('ids that would leave the folder are refused', async () => {
    const dir = folder('backup escape');
    const store = createFileBackupStore(dir);
    await store.write('reset', rules);
    const outside = path.join(path.dirname(dir), '20260131T142501123Z-reset.json');
    writeFileSync(outside, readFileSync(path.join(dir, readdirSync(dir)[0] ?? '')));
    for (const id of ['..\\20260131T142501123Z-reset', '../20260131T142501123Z-reset', `${dir}\\x`]) {
      assert.equal(await store.read(id), null, id);
    }
  });
});

describe('watch config store (watch/config-store.ts)', () => {
  test('write then read; the last of concurrent writes wins with nothing left over', async () => {
    const file = path.join(folder('watch'), 'watched-ports.json');
    const store = createWatchConfigStore(file, { log: () => undefined });
    assert.deepEqual(await store.read(), []);
    const writes = Array.from({ length: 8 }, (_, i) => store.write([{ port: 8000 + i, protocol: 'tcp' }]));
    await Promise.all(writes);
    assert.deepEqual(await store.read(), [{ port: 8007, protocol: 'tcp' }]);
    assert.deepEqual(leftovers(path.dirname(file)), []);
  });

  test('an unreadable file reads as an empty list and is logged', async () => {
    const dir = folder('broken watch');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, 'watched-ports.json');
    writeFileSync(file, '{ not json');
    const lines: string[] = [];
    const store = createWatchConfigStore(file, { log: (line) => lines.push(line) });
    assert.deepEqual(await store.read(), []);
    assert.equal(lines.length, 1);
  });
});

describe('task definition file (autostart/task-file.ts)', () => {
  test('writes the UTF-16 definition into a new folder with spaces and non-ASCII, then removes it', async () => {
    const file = taskDefinitionPath(folder('task'));
    assert.ok(file, 'the temp folder is a safe local path');
    const bytes = encodeTaskXml(
      buildAutostartTaskXml({
        command: 'C:\\Program Files\\Portwarden Ä\\Portwarden.exe',
        arguments: AUTOSTART_ARGUMENTS,
      }),
    );
    await writeTaskDefinition(file, bytes);
    assert.deepEqual(readFileSync(file), bytes);
    await writeTaskDefinition(file, bytes.subarray(0, 10));
    assert.equal(readFileSync(file).length, 10);
    await removeTaskDefinition(file);
    await removeTaskDefinition(file);
    assert.deepEqual(readdirSync(path.dirname(file)), []);
  });

  test('only drive paths without quotes or `..` are accepted, with the runtime path module', () => {
    assert.equal(
      taskDefinitionPath('C:\\ProgramData\\Portwarden Ä'),
      'C:\\ProgramData\\Portwarden Ä\\autostart-task.xml',
    );
    for (const unsafe of ['\\\\server\\share', '\\ProgramData', 'ProgramData', 'C:\\a\\..\\b', 'C:\\a"b', 'C:relative'])
      assert.equal(taskDefinitionPath(unsafe), null, unsafe);
    assert.equal(isSafeLocalPath(base), true);
  });
});

describe('data folder rules (data-dir.ts, run/windows-dirs.ts)', () => {
  test('the kernel system root resolves to an existing Windows folder', () => {
    const systemRoot = systemRootFromKernel();
    assert.match(systemRoot, /^[A-Za-z]:\\[^\\]+$/);
    assert.ok(statSync(systemRoot).isDirectory(), systemRoot);
  });

  test('the data folder is ProgramData\\Portwarden on the system drive, never from the environment', () => {
    const dir = resolveDataDir({
      platform: process.platform,
      simulated: false,
      systemRoot: 'd:\\Windows',
      userDataDir: base,
    });
    assert.equal(dir, 'D:\\ProgramData\\Portwarden');
    assert.equal(programDataOf(systemRootFromKernel()).slice(1), ':\\ProgramData');
  });

  test('a simulated run keeps its files under the user data folder', () => {
    const dir = resolveDataDir({
      platform: process.platform,
      simulated: true,
      systemRoot: 'C:\\Windows',
      userDataDir: base,
    });
    assert.equal(dir, path.win32.join(base, 'simulated-windows'));
  });

  test('SystemRoot: case-insensitive name, plain drive paths only', () => {
    assert.equal(resolveSystemRoot({ systemroot: 'E:\\WINNT\\' }), 'E:\\WINNT');
    assert.equal(resolveSystemRoot(process.env).toLowerCase(), (process.env.SystemRoot ?? '').toLowerCase());
    for (const unsafe of ['\\\\evil\\share\\Windows', 'C:\\Users\\me\\..\\Windows', '\\\\?\\C:\\Windows', 'Windows'])
      assert.equal(resolveSystemRoot({ SystemRoot: unsafe }), DEFAULT_SYSTEM_ROOT, unsafe);
  });
});
