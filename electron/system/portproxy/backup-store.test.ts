import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_ID_PATTERN } from '../../../shared/validate';
import { createFileBackupStore } from './backup-store';
import { deleteBackup, previewBackup } from './backups';
import { FORWARDING_RULES, WEB_8080 } from '../../../test/helpers/sample-rules';
import { tempDir } from '../../../test/helpers/portproxy-fixture';
import { createActivityLog } from '../activity-log';

const RULES = FORWARDING_RULES.map((rule) => ({ ...rule, firewall: rule.listenPort === 8080 }));
const at = (iso: string) => () => new Date(iso);

describe('createFileBackupStore', () => {
  it('writes <id>.json with version, createdAt, reason and the rules, and reads it back', async () => {
    const dir = tempDir();
    const store = createFileBackupStore(dir, { now: at('2026-03-04T05:06:07.089Z') });
    const info = await store.write('reset', RULES);
    expect(info).toEqual({
      id: '20260304T050607089Z-reset',
      createdAt: '2026-03-04T05:06:07.089Z',
      reason: 'reset',
      ruleCount: 5,
    });
    expect(info.id).toMatch(BACKUP_ID_PATTERN);
    expect(JSON.parse(readFileSync(join(dir, `${info.id}.json`), 'utf8'))).toEqual({
      version: 1,
      createdAt: '2026-03-04T05:06:07.089Z',
      reason: 'reset',
      rules: RULES,
    });
    expect(await store.read(info.id)).toEqual(RULES);
  });

  it('never overwrites: two backups in the same millisecond get the next free one', async () => {
    const dir = tempDir();
    const store = createFileBackupStore(dir, { now: at('2026-03-04T05:06:07.089Z') });
    const first = await store.write('import', RULES);
    const second = await store.write('import', []);
    // Another store (another process) on the same folder and clock.
    const third = await createFileBackupStore(dir, { now: at('2026-03-04T05:06:07.089Z') }).write('import', [
      RULES[0]!,
    ]);
    expect([first.id, second.id, third.id]).toEqual([
      '20260304T050607089Z-import',
      '20260304T050607090Z-import',
      '20260304T050607091Z-import',
    ]);
    expect(await store.read(first.id)).toHaveLength(5);
    expect(await store.read(second.id)).toEqual([]);
  });

  it('lists newest first and skips files that are not valid backups', async () => {
    const dir = tempDir();
    await createFileBackupStore(dir, { now: at('2026-03-04T05:06:07.089Z') }).write('reset', RULES);
    await createFileBackupStore(dir, { now: at('2026-03-05T00:00:00.000Z') }).write('restore', []);
    await createFileBackupStore(dir, { now: at('2026-03-01T00:00:00.000Z') }).write('import', [RULES[1]!]);
    writeFileSync(join(dir, '20260306T000000000Z-reset.json'), '{ not json');
    writeFileSync(join(dir, '20260307T000000000Z-reset.json'), JSON.stringify({ version: 2, rules: [] }));
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    const list = await createFileBackupStore(dir).list();
    expect(list.map((b) => [b.id, b.ruleCount])).toEqual([
      ['20260305T000000000Z-restore', 0],
      ['20260304T050607089Z-reset', 5],
      ['20260301T000000000Z-import', 1],
    ]);
  });

  it('lists nothing before the first backup', async () => {
    expect(await createFileBackupStore(join(tempDir(), 'not-yet')).list()).toEqual([]);
  });

  it.each([
    '../secret',
    '..\\..\\Windows\\win.ini',
    '20260304T050607089Z-reset/../../x',
    '/etc/passwd',
    '20260304T050607089Z-other',
    '',
  ])('refuses id %j before building a path', async (id) => {
    const root = tempDir();
    // A valid-looking backup one level up: a traversing id would reach it.
    writeFileSync(
      join(root, 'secret.json'),
      JSON.stringify({ version: 1, createdAt: '2026-03-04T05:06:07.089Z', reason: 'reset', rules: [] }),
    );
    expect(await createFileBackupStore(join(root, 'store')).read(id)).toBeNull();
  });

  it('treats tampered content as no backup (a rule that would smuggle a token, a reason that disagrees with the id)', async () => {
    const dir = tempDir();
    const write = (id: string, body: unknown) => writeFileSync(join(dir, `${id}.json`), JSON.stringify(body));
    const base = { version: 1, createdAt: '2026-03-04T05:06:07.089Z', reason: 'reset' };
    write('20260304T050607089Z-reset', {
      ...base,
      rules: [{ ...WEB_8080, connectAddress: '1.2.3.4 delete', firewall: false }],
    });
    write('20260304T050607090Z-reset', { ...base, rules: [{ ...WEB_8080, firewall: false, extra: 1 }] });
    write('20260304T050607091Z-import', { ...base, rules: [] });
    const store = createFileBackupStore(dir);
    expect(await store.read('20260304T050607089Z-reset')).toBeNull();
    expect(await store.read('20260304T050607090Z-reset')).toBeNull();
    expect(await store.read('20260304T050607091Z-import')).toBeNull();
    expect(await store.read('20260304T050607092Z-reset')).toBeNull();
  });

  it.skipIf(process.platform === 'win32')(
    'creates the folder 0700 and the files 0600 (on Windows the installer sets the ACL)',
    async () => {
      const dir = join(tempDir(), 'backups');
      const info = await createFileBackupStore(dir).write('reset', RULES);
      expect(statSync(dir).mode & 0o777).toBe(0o700);
      expect(statSync(join(dir, `${info.id}.json`)).mode & 0o777).toBe(0o600);
    },
  );

  it('throws when it cannot write, and leaves no file behind', async () => {
    const dir = tempDir();
    const blocker = join(dir, 'file');
    writeFileSync(blocker, '');
    await expect(createFileBackupStore(join(blocker, 'sub')).write('reset', RULES)).rejects.toThrow();
    expect(existsSync(join(blocker, 'sub'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['file']);
  });
});

describe('deleting a backup (backups:delete)', () => {
  it('removes only <id>.json, answers the list as re-read, and says not-found the second time', async () => {
    const dir = tempDir();
    const store = createFileBackupStore(dir, { now: at('2026-12-05T14:02:00.000Z') });
    const kept = await store.write('import', RULES);
    const gone = await store.write('reset', RULES);
    // Deleting a file runs no command: any command here would be a bug.
    const activity = createActivityLog({ run: () => Promise.reject(new Error('no command expected')) });
    const deleted = await deleteBackup(activity.begin('delete-backup'), store, gone.id);
    expect(deleted).toEqual({ ok: true, value: [kept] });
    expect(readdirSync(dir)).toEqual([`${kept.id}.json`]);
    const again = await deleteBackup(activity.begin('delete-backup'), store, gone.id);
    expect(again.ok ? null : again.error.code).toBe('not-found');
    // Each attempt is in the activity, as Portwarden's own action, with whether it deleted anything.
    expect(activity.list().map((r) => [r.command, ...r.args, r.exitCode])).toEqual([
      ['portwarden', 'delete-backup', `id=${gone.id}`, 0],
      ['portwarden', 'delete-backup', `id=${gone.id}`, 1],
    ]);
  });

  it('never turns an id that is not ours into a path, and leaves files that are not valid backups alone', async () => {
    const dir = tempDir();
    const store = createFileBackupStore(join(dir, 'backups'));
    writeFileSync(join(dir, 'victim.json'), '{}');
    expect(await store.remove('../victim')).toBe(false);
    expect(existsSync(join(dir, 'victim.json'))).toBe(true);
    await store.write('reset', []);
    const forged = '20260101T000000000Z-reset';
    writeFileSync(join(dir, 'backups', `${forged}.json`), 'not json');
    expect(await store.remove(forged)).toBe(false);
    expect(existsSync(join(dir, 'backups', `${forged}.json`))).toBe(true);
  });

  it('previews the rules inside a backup with their firewall flag', async () => {
    const store = createFileBackupStore(tempDir(), { now: at('2026-12-05T14:02:00.000Z') });
    const info = await store.write('reset', RULES);
    expect(await previewBackup(store, info.id)).toEqual({ ok: true, value: { backup: info, rules: RULES } });
    const missing = await previewBackup(store, '20200101T000000000Z-reset');
    expect(missing.ok ? null : missing.error.code).toBe('not-found');
  });
});
