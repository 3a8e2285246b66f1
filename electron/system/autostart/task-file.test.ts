import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSafeLocalPath, taskDefinitionPath } from './task-file';

describe('task definition path', () => {
  it('accepts a Windows drive path with spaces and joins the fixed file name', () => {
    expect(taskDefinitionPath('C:\\ProgramData\\Portwarden', path.win32)).toBe(
      'C:\\ProgramData\\Portwarden\\autostart-task.xml',
    );
    expect(taskDefinitionPath('D:\\Program Data\\Port warden', path.win32)).toBe(
      'D:\\Program Data\\Port warden\\autostart-task.xml',
    );
    expect(isSafeLocalPath('C:\\Program Files\\Portwarden\\Portwarden.exe', path.win32)).toBe(true);
  });

  it('refuses relative, UNC, root-relative, switch-like, quoted, control-character and .. paths on Windows', () => {
    for (const bad of [
      '',
      'ProgramData\\Portwarden',
      '\\\\server\\share\\Portwarden',
      '\\ProgramData',
      '/XML',
      'C:\\Program"Data',
      'C:\\ProgramData\\Port\nwarden',
      'C:\\ProgramData\\Port\u0000warden',
      'C:\\ProgramData\\Port\u007fwarden',
      'C:\\ProgramData\\..\\Users',
    ]) {
      expect(taskDefinitionPath(bad, path.win32), JSON.stringify(bad)).toBeNull();
    }
  });

  it('accepts an absolute POSIX path in a simulated run, with the same character rules', () => {
    expect(taskDefinitionPath('/home/u/.config/Portwarden/simulated-windows', path.posix)).toBe(
      '/home/u/.config/Portwarden/simulated-windows/autostart-task.xml',
    );
    for (const bad of ['relative/dir', '/tmp/a"b', '/tmp/a\tb', '/tmp/../etc'])
      expect(taskDefinitionPath(bad, path.posix), bad).toBeNull();
  });
});
