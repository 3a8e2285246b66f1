import { describe, expect, it } from 'vitest';
import { AUTOSTART_ARGUMENTS, autostartTaskProblems, buildAutostartTaskXml, encodeTaskXml } from './task-xml';
import { parseScheduledTaskXml, type ParsedTaskDefinition } from '../parse';

const EXE = 'C:\\Program Files\\Portwarden\\Portwarden.exe';
const xml = buildAutostartTaskXml({ command: EXE, arguments: AUTOSTART_ARGUMENTS });

describe('buildAutostartTaskXml', () => {
  it('is a version 1.2 task with no time limit, no battery conditions, highest run level and normal priority', () => {
    expect(
      xml.startsWith(
        '<?xml version="1.0" encoding="UTF-16"?>\r\n<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">',
      ),
    ).toBe(true);
    for (const line of [
      '<LogonTrigger>',
      '<LogonType>InteractiveToken</LogonType>',
      '<RunLevel>HighestAvailable</RunLevel>',
      '<ExecutionTimeLimit>PT0S</ExecutionTimeLimit>',
      '<DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>',
      '<StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>',
      '<MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>',
      '<Priority>5</Priority>',
      `<Command>${EXE}</Command>`,
      '<Arguments>--hidden</Arguments>',
    ]) {
      expect(xml).toContain(line);
    }
    // Any user's logon (see the builder's comment): no UserId anywhere.
    expect(xml).not.toContain('UserId');
  });

  it('reads back as a current task', () => {
    const task = parseScheduledTaskXml(xml);
    expect(task).not.toBeNull();
    expect(autostartTaskProblems(task!, EXE)).toEqual([]);
  });

  it('escapes every value', () => {
    const odd = buildAutostartTaskXml({ command: `C:\\a&b\\<x> "y" 'z'.exe`, arguments: '--hidden <&>' });
    expect(odd).toContain(`<Command>C:\\a&amp;b\\&lt;x&gt; &quot;y&quot; &apos;z&apos;.exe</Command>`);
    expect(odd).toContain('<Arguments>--hidden &lt;&amp;&gt;</Arguments>');
    expect(parseScheduledTaskXml(odd)).toMatchObject({
      command: `C:\\a&b\\<x> "y" 'z'.exe`,
      arguments: '--hidden <&>',
    });
  });

  it('encodes UTF-16LE with a BOM', () => {
    const bytes = encodeTaskXml('<a>한</a>');
    expect([...bytes.subarray(0, 4)]).toEqual([0xff, 0xfe, 0x3c, 0x00]);
    expect(new TextDecoder('utf-16le').decode(bytes)).toBe('<a>한</a>');
  });
});

describe('autostartTaskProblems', () => {
  const current = parseScheduledTaskXml(xml)!;
  const with_ = (change: Partial<ParsedTaskDefinition>) => autostartTaskProblems({ ...current, ...change }, EXE);

  it('names each outdated setting, like those of a task made with /TR (72 hours, battery conditions)', () => {
    expect(with_({ executionTimeLimit: 'PT72H' })).toEqual(['time limit PT72H']);
    expect(with_({ disallowStartIfOnBatteries: true, stopIfGoingOnBatteries: true })).toEqual([
      'does not start on battery',
      'stops on battery',
    ]);
    expect(with_({ runLevel: 'LeastPrivilege' })).toEqual(['run level LeastPrivilege']);
    expect(with_({ arguments: '--shown' })).toEqual(['arguments "--shown" lack --hidden']);
    expect(with_({ logonTrigger: false })).toEqual(['no logon trigger']);
    expect(with_({ command: 'C:\\Other\\Portwarden.exe' })).toEqual(['runs C:\\Other\\Portwarden.exe']);
  });

  it('takes the program quoted or not and in any case; skips the program check without an exe', () => {
    expect(with_({ command: `"${EXE.toUpperCase()}"`, arguments: '--verbose --hidden' })).toEqual([]);
    expect(autostartTaskProblems({ ...current, command: 'C:\\elsewhere.exe' }, null)).toEqual([]);
  });
});
