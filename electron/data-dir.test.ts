import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './data-dir';

const win = (env: Record<string, string | undefined>) => resolveDataDir({ platform: 'win32', simulated: false, env, userDataDir: 'C:\\Users\\u\\AppData' });

describe('resolveDataDir', () => {
  it('uses %ProgramData%\\Portwarden on Windows', () => {
    expect(win({ ProgramData: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\Portwarden');
  });

  it.each([undefined, '', 'relative\\dir', '\\\\server\\share', 'C:\\x\\..\\Users\\evil', 'C:\\a"b'])(
    'falls back to C:\\ProgramData for an untrustworthy value %s',
    (value) => {
      expect(win({ ProgramData: value })).toBe('C:\\ProgramData\\Portwarden');
    },
  );

  it('keeps simulated runs apart from real data', () => {
    expect(resolveDataDir({ platform: 'linux', simulated: true, env: {}, userDataDir: '/home/u/.config/Portwarden' })).toBe(
      '/home/u/.config/Portwarden/simulated-windows',
    );
  });
});
