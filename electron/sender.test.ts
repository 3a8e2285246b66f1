import { describe, expect, it } from 'vitest';
import { isTrustedSender, type SenderPolicy } from './sender';

const policy: SenderPolicy = { origins: ['app://portwarden', 'http://localhost:5173'], webContentsIds: () => [7] };
const sender = (frameUrl: string | null, isMainFrame = true, webContentsId = 7) => ({
  frameUrl,
  isMainFrame,
  webContentsId,
});

describe('isTrustedSender', () => {
  it('accepts our main frame on our origins', () => {
    expect(isTrustedSender(sender('app://portwarden/index.html'), policy)).toBe(true);
    expect(isTrustedSender(sender('http://localhost:5173/#/ranges'), policy)).toBe(true);
  });

  it.each([
    ['a null frame', sender(null)],
    ['a subframe', sender('app://portwarden/index.html', false)],
    ['another webContents', sender('app://portwarden/index.html', true, 8)],
    ['a foreign origin', sender('https://evil.example/')],
    ['a look-alike host', sender('app://portwarden.evil/index.html')],
    ['userinfo tricks', sender('app://bundle@evil/')],
    ['file URLs', sender('file:///C:/Windows/win.ini')],
    ['another port', sender('http://localhost:5174/')],
    ['garbage', sender('not a url')],
  ])('rejects %s', (_name, info) => {
    expect(isTrustedSender(info, policy)).toBe(false);
  });
});
