/**
 * The CSP of the BUILT index.html (global setup builds it with the production renderer config):
 * docs/architecture.md §5 forbids unsafe-inline/eval in script-src and any remote source.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { extractCsp } from '../electron/csp';
import { RENDERER_DIR } from './harness/build';

const directives = () => {
  const policy = extractCsp(readFileSync(path.join(RENDERER_DIR, 'index.html'), 'utf8')) ?? '';
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
};

test.describe('built index.html CSP', () => {
  test('allows only our own scripts', () => {
    const csp = directives();
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
  });

  test('names no remote source and nothing unsafe anywhere', () => {
    for (const [name, values] of directives()) {
      for (const value of values) {
        expect(value, `${name} ${value}`).not.toMatch(/unsafe-|https?:|wss?:|\*|data:.*script/);
      }
    }
  });

  test('allows styles only from us plus the hash of the empty <style> Griffel creates', () => {
    expect(directives().get('style-src')).toEqual(["'self'", "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"]);
  });
});
