import { describe, expect, it } from 'vitest';
import { decodeXmlText, escapeXml, escapeXmlText, parseScheduledTaskXml } from './scheduled-task';

/** What `schtasks /Query /TN Portwarden /XML` prints for a task an older version made with /TR /SC ONLOGON /RL HIGHEST. */
const OLD_TASK = [
  '<?xml version="1.0" encoding="UTF-16"?>',
  '<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">',
  '  <RegistrationInfo>',
  '    <Date>2025-01-05T10:11:12</Date>',
  '    <Author>DESKTOP-7Q\\admin</Author>',
  '    <URI>\\Portwarden</URI>',
  '  </RegistrationInfo>',
  '  <Triggers>',
  '    <LogonTrigger>',
  '      <ExecutionTimeLimit>PT0S</ExecutionTimeLimit>',
  '      <Enabled>true</Enabled>',
  '    </LogonTrigger>',
  '  </Triggers>',
  '  <Principals>',
  '    <Principal id="Author">',
  '      <UserId>S-1-5-21-1-2-3-1001</UserId>',
  '      <LogonType>InteractiveToken</LogonType>',
  '      <RunLevel>HighestAvailable</RunLevel>',
  '    </Principal>',
  '  </Principals>',
  '  <Settings>',
  '    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>',
  '    <DisallowStartIfOnBatteries>true</DisallowStartIfOnBatteries>',
  '    <StopIfGoingOnBatteries>true</StopIfGoingOnBatteries>',
  '    <IdleSettings>',
  '      <Duration>PT10M</Duration>',
  '      <StopOnIdleEnd>true</StopOnIdleEnd>',
  '    </IdleSettings>',
  '    <Enabled>true</Enabled>',
  '    <ExecutionTimeLimit>PT72H</ExecutionTimeLimit>',
  '    <Priority>7</Priority>',
  '  </Settings>',
  '  <Actions Context="Author">',
  '    <Exec>',
  '      <Command>"C:\\Program Files\\Portwarden\\Portwarden.exe"</Command>',
  '      <Arguments>--hidden</Arguments>',
  '    </Exec>',
  '  </Actions>',
  '</Task>',
  '',
].join('\r\n');

describe('parseScheduledTaskXml', () => {
  it('reads a /Query /XML answer (CRLF, quoted command, a trigger-level time limit that is not the task one)', () => {
    expect(parseScheduledTaskXml(OLD_TASK)).toEqual({
      command: '"C:\\Program Files\\Portwarden\\Portwarden.exe"',
      arguments: '--hidden',
      runLevel: 'HighestAvailable',
      logonType: 'InteractiveToken',
      logonTrigger: true,
      executionTimeLimit: 'PT72H',
      disallowStartIfOnBatteries: true,
      stopIfGoingOnBatteries: true,
      multipleInstancesPolicy: 'IgnoreNew',
      priority: 7,
    });
  });

  it('tolerates prefixes, attributes in any order, one line, comments, self-closing tags and entities', () => {
    const text =
      '<?xml version="1.0"?><!-- <Exec><Command>nope</Command></Exec> -->' +
      '<t:Task xmlns:t="http://schemas.microsoft.com/windows/2004/02/mit/task" version="1.2"><t:Triggers><t:LogonTrigger/></t:Triggers>' +
      '<t:Principals><t:Principal id="Author"><t:RunLevel> HighestAvailable </t:RunLevel></t:Principal></t:Principals>' +
      '<t:Settings><t:DisallowStartIfOnBatteries>0</t:DisallowStartIfOnBatteries><t:StopIfGoingOnBatteries>false</t:StopIfGoingOnBatteries>' +
      '<t:ExecutionTimeLimit>PT0S</t:ExecutionTimeLimit><t:Priority>5</t:Priority></t:Settings>' +
      '<t:Actions Context="Author"><t:Exec><t:Arguments>--hidden &amp; more</t:Arguments><t:Command>C:\\A&amp;B\\&#x50;ortwarden&#46;exe</t:Command></t:Exec></t:Actions></t:Task>';
    expect(parseScheduledTaskXml(text)).toMatchObject({
      command: 'C:\\A&B\\Portwarden.exe',
      arguments: '--hidden & more',
      runLevel: 'HighestAvailable',
      logonTrigger: true,
      executionTimeLimit: 'PT0S',
      disallowStartIfOnBatteries: false,
      stopIfGoingOnBatteries: false,
      priority: 5,
    });
  });

  it('gives left-out elements the schema defaults Windows applies (72 hours, battery conditions, least privilege)', () => {
    const text =
      '<Task><Triggers><LogonTrigger><Enabled>false</Enabled></LogonTrigger></Triggers><Actions><Exec><Command>C:\\x.exe</Command></Exec></Actions></Task>';
    expect(parseScheduledTaskXml(text)).toEqual({
      command: 'C:\\x.exe',
      arguments: '',
      runLevel: 'LeastPrivilege',
      logonType: 'InteractiveToken',
      logonTrigger: false,
      executionTimeLimit: 'PT72H',
      disallowStartIfOnBatteries: true,
      stopIfGoingOnBatteries: true,
      multipleInstancesPolicy: 'IgnoreNew',
      priority: 7,
    });
  });

  it('finds no task in an error, an empty answer, a task without an Exec action, or garbage', () => {
    expect(parseScheduledTaskXml('ERROR: The system cannot find the file specified.\r\n')).toBeNull();
    expect(parseScheduledTaskXml('오류: 지정된 파일을 찾을 수 없습니다.\r\n')).toBeNull();
    expect(parseScheduledTaskXml('')).toBeNull();
    expect(parseScheduledTaskXml('<Task><Actions><Exec><Command></Command></Exec></Actions></Task>')).toBeNull();
    expect(parseScheduledTaskXml('<Task><Actions><ComHandler/></Actions>')).toBeNull();
    expect(parseScheduledTaskXml('\u0000<<<&#xFFFFFFFF;')).toBeNull();
    expect(parseScheduledTaskXml(42 as unknown as string)).toBeNull();
  });

  it('escapes and decodes XML text as inverses', () => {
    const value = `C:\\a&b <c> "d" 'e'`;
    expect(escapeXml(value)).toBe('C:\\a&amp;b &lt;c&gt; &quot;d&quot; &apos;e&apos;');
    expect(decodeXmlText(escapeXml(value))).toBe(value);
    expect(escapeXmlText(value)).toBe(`C:\\a&amp;b &lt;c&gt; "d" 'e'`);
    expect(decodeXmlText(escapeXmlText(value))).toBe(value);
    expect(decodeXmlText('&unknown; &#xFFFFFFFF;')).toBe('&unknown; &#xFFFFFFFF;');
  });
});
