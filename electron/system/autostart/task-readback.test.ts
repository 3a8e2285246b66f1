/**
 * `schtasks /Query /XML` is read back as UTF-16LE (what schtasks writes), so an install path outside
 * the console's OEM code page (a Korean or accented folder on an English console) reads back intact.
 * Decoded as CP437 it became "?" and the task looked foreign (needs repair) forever.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createActivityLog } from '../activity-log';
import { decodeCommandOutput } from '../run/console-encoding';
import { createScenarioMachine, createSimRunner } from '../simulated-windows';
import { getAutostart, setAutostart } from './autostart';

const scratch = mkdtempSync(path.join(tmpdir(), 'portwarden-readback-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('scheduled-task read-back', () => {
  it.each([
    ['en', 'C:\\Users\\Jörg\\AppData\\Local\\Programs\\포트워든\\Portwarden.exe'],
    ['ko', 'D:\\도구\\Portwarden — 설치\\Portwarden.exe'],
    ['en', 'C:\\Program Files\\Portwarden\\Portwarden.exe'],
  ] as const)('on a %s console, %s reads back as enabled and current', async (language, execPath) => {
    const runner = createSimRunner(createScenarioMachine('clean', { language }), {
      readFile: (file) => (existsSync(file) ? readFileSync(file) : null),
    });
    const activity = createActivityLog(runner);
    const host = {
      execPath,
      isPackaged: true,
      taskDefinitionDir: path.join(scratch, `${language}-${execPath.length}`),
    };
    expect(await setAutostart(activity.begin('test'), host, true)).toEqual({
      ok: true,
      value: { outcome: 'applied', autostart: { enabled: true, taskName: 'Portwarden' } },
    });
    expect(await getAutostart(activity.begin('test'), host)).toEqual({
      ok: true,
      value: { enabled: true, taskName: 'Portwarden' },
    });
    const query = runner.calls.find((c) => c.args.includes('/Query'));
    expect(query?.result?.stdout).toContain(execPath);
  });

  it('schtasks messages (not XML) are still console text', () => {
    const text = 'ERROR: The system cannot find the file specified.\r\n';
    expect(decodeCommandOutput('schtasks', new Uint8Array(Buffer.from(text, 'latin1')), 437)).toBe(text);
    const xml = '\ufeff<?xml version="1.0" encoding="UTF-16"?>\r\n<Command>C:\\포트\\a.exe</Command>';
    expect(decodeCommandOutput('schtasks', new Uint8Array(Buffer.from(xml, 'utf16le')), 437)).toBe(xml.slice(1));
  });
});
