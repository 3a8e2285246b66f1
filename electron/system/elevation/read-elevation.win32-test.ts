/**
 * The `net session` fallback against the real net.exe of the Win32 tier (Wine, or Windows in CI).
 * Wine's net.exe knows no SESSION verb and prints its usage text with exit 0: the probe must not
 * read that as elevated. On Windows the probe's answer must match the token's TokenElevation.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { elevationProbe } from '../commands';
import { loadKoffi } from '../native/koffi-loader';
import { openNativeWindows } from '../native';
import { createWindowsRunner } from '../run/windows-runner';
import { netSessionSaysElevated } from './read-elevation';

/** Wine's ntdll exports wine_get_version; Windows' does not. */
const underWine = ((): boolean => {
  try {
    loadKoffi().load('ntdll.dll').func('const char *wine_get_version()');
    return true;
  } catch {
    return false;
  }
})();

describe('net session as the elevation probe, on a Win32 runtime', () => {
  test(underWine ? 'Wine: usage text with exit 0 is not elevated' : 'Windows: agrees with the token', async () => {
    const line = elevationProbe();
    const result = await createWindowsRunner().run(line.command, line.args, { timeoutMs: 30_000 });
    if (underWine) {
      // What makes this case: exit 0 and a syntax line, which the exit-code-only probe took for a yes.
      assert.equal(result.exitCode, 0, JSON.stringify(result));
      assert.match(result.stdout, /^NET\s/m);
      assert.equal(netSessionSaysElevated(result), false);
    } else {
      const native = openNativeWindows();
      assert.ok(native, 'the native layer opens on Windows');
      // net session also says no while the Server service is stopped; a yes must be a true yes.
      if (netSessionSaysElevated(result)) assert.equal(native.isElevated(), true);
      if (native.isElevated() && result.exitCode === 0) assert.equal(netSessionSaysElevated(result), true);
    }
  });
});
