// Guards the tier itself: every other Win32 test is only meaningful if it really runs on a Win32
// runtime (Windows Node.js, Windows 10 or later as Node 22 requires), not on Linux Node.
import assert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

test('runs on Windows Node.js', () => {
  assert.equal(process.platform, 'win32');
  assert.equal(path, path.win32);
  assert.match(process.execPath, /\\node\.exe$/i);
});

test('reports Windows 10 or later', () => {
  const [major] = os.release().split('.').map(Number);
  assert.ok((major ?? 0) >= 10, `os.release() is ${os.release()}`);
});

test('os.tmpdir() is a drive path', () => {
  assert.match(os.tmpdir(), /^[A-Za-z]:\\/);
});
