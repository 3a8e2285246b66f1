import { describe, expect, it, vi } from 'vitest';
import { openNativeWindows } from './index';

describe('openNativeWindows', () => {
  it('is null off Windows, and says why', () => {
    const onUnavailable = vi.fn();
    expect(openNativeWindows({ platform: 'linux', onUnavailable })).toBeNull();
    expect(onUnavailable).toHaveBeenCalledExactlyOnceWith('not Windows (linux)');
  });

  it('is null in a 32-bit process (the decoders read 64-bit layouts)', () => {
    const onUnavailable = vi.fn();
    expect(openNativeWindows({ platform: 'win32', arch: 'ia32', onUnavailable })).toBeNull();
    expect(onUnavailable).toHaveBeenCalledExactlyOnceWith('unsupported architecture (ia32)');
  });

  it('is null, never a throw, when koffi fails to load', () => {
    const onUnavailable = vi.fn();
    const loadKoffi = () => {
      throw new Error('Cannot find the native Koffi module');
    };
    expect(openNativeWindows({ platform: 'win32', arch: 'x64', loadKoffi, onUnavailable })).toBeNull();
    expect(onUnavailable.mock.calls[0]?.[0]).toMatch(/failed to load: Cannot find the native Koffi module/);
  });

  it('is null when a DLL fails to load (the real koffi asked for kernel32.dll on Linux)', () => {
    const onUnavailable = vi.fn();
    expect(openNativeWindows({ platform: 'win32', arch: 'x64', onUnavailable })).toBeNull();
    expect(onUnavailable.mock.calls[0]?.[0]).toMatch(/failed to load/);
  });

  it('stays null when the callback itself throws', () => {
    const onUnavailable = () => {
      throw new Error('logger down');
    };
    expect(openNativeWindows({ platform: 'darwin', onUnavailable })).toBeNull();
    expect(openNativeWindows({ platform: 'linux' })).toBeNull();
  });
});
