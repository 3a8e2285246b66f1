/**
 * Deleting a backup changes the admin-only data folder but runs no command, so until issue #11 it left
 * no line in audit.log. It is now recorded as Portwarden's own action and closed with its outcome.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/ipc';
import type { BackupInfo } from '../../../shared/model';
import type { Result } from '../../../shared/result';
import { NEW_8090 } from '../../../test/helpers/sample-rules';
import { createTestCore, OWN_SENDER } from '../../../test/helpers/test-core';
import { createSimulatedWindows } from '../run/choose-windows';
import { auditLineSchema, type AuditLine } from './audit-format';
import { readAuditRecords } from './audit-reader';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const auditLines = (dataDir: string): AuditLine[] => {
  const file = path.join(dataDir, 'logs', 'audit.log');
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .split(/\r?\n/)
        .filter(Boolean)
        .map((line) => auditLineSchema.parse(JSON.parse(line)))
    : [];
};

describe('audit log: deleting a backup', () => {
  it('writes a line naming the deleted backup and an outcome line, and a refused delete is audited too', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'portwarden-audit-backup-'));
    dirs.push(dataDir);
    const windows = createSimulatedWindows({ scenario: 'forwarding', locale: 'en', seed: 1 });
    const core = createTestCore({ runner: windows.runner, probe: windows.probe, dataDir, scenario: windows.scenario });
    // An import writes a backup first; that backup is the one deleted below.
    await core.router.dispatch(CHANNELS.importRules, OWN_SENDER, [{ rules: [NEW_8090], mode: 'merge' }]);
    const listed = (await core.router.dispatch(CHANNELS.listBackups, OWN_SENDER, [])) as Result<BackupInfo[]>;
    if (!listed.ok || listed.value.length !== 1) throw new Error('expected the import backup');
    const { id } = listed.value[0]!;

    const deleted = (await core.router.dispatch(CHANNELS.deleteBackup, OWN_SENDER, [{ id }])) as Result<BackupInfo[]>;
    expect(deleted).toEqual({ ok: true, value: [] });
    const again = (await core.router.dispatch(CHANNELS.deleteBackup, OWN_SENDER, [{ id }])) as Result<unknown>;
    expect(again.ok ? null : again.error.code).toBe('not-found');

    const lines = auditLines(dataDir).filter((line) => line.operation === 'delete-backup');
    expect(
      lines.map((line) =>
        line.kind === 'command' ? [line.kind, ...line.argv, line.exitCode] : [line.kind, line.verified],
      ),
    ).toEqual([
      ['command', 'portwarden', 'delete-backup', `id=${id}`, 0],
      ['outcome', 'applied'],
      ['command', 'portwarden', 'delete-backup', `id=${id}`, 1],
      ['outcome', 'not-found'],
    ]);
    const first = lines[0]!;
    expect(first.kind === 'command' && first.stdout).toBe(`Deleted the backup ${id}.`);

    // The next run of the app reads it back into the activity view as an earlier change.
    const earlier = readAuditRecords([path.join(dataDir, 'logs', 'audit.log')]).filter(
      (record) => record.operation === 'delete-backup',
    );
    expect(earlier.map((record) => record.verified)).toEqual(['applied', 'not-found']);
  });
});
