import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ko } from './ko';
import { detectLanguage } from './language';
import type { ErrorCode } from '../../shared/result';
import type { ValidationKey } from '../../shared/validation-text';

const flatten = (tree: object, prefix = ''): Map<string, unknown> => {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === 'object') for (const [k, v] of flatten(value, path)) out.set(k, v);
    else out.set(path, value);
  }
  return out;
};

const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('i18n parity', () => {
  const enKeys = flatten(en);
  const koKeys = flatten(ko);

  it('ko has every en key', () => {
    expect([...enKeys.keys()].filter((k) => !koKeys.has(k))).toEqual([]);
  });

  it('ko has no key that en lacks', () => {
    expect([...koKeys.keys()].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('every text is a non-empty string and uses the same placeholders in both languages', () => {
    for (const [key, value] of enKeys) {
      expect(typeof value, key).toBe('string');
      expect(String(value).trim(), key).not.toBe('');
      expect(placeholders(koKeys.get(key)), key).toEqual(placeholders(value));
    }
  });

  it('translates every error code and validation key', () => {
    const codes: Record<ErrorCode, true> = {
      'invalid-input': true,
      'forbidden-sender': true,
      'not-elevated': true,
      'command-failed': true,
      'storage-failed': true,
      'not-found': true,
      refused: true,
      conflict: true,
      internal: true,
    };
    const keys: Record<ValidationKey, true> = {
      distro: true,
      'ipv4-connection': true,
      'lookup-addresses': true,
      'note-name': true,
      'note-group': true,
      'note-comment': true,
      'note-control': true,
      drift: true,
      'firewall-ports': true,
      'port-format': true,
      'port-range': true,
      'count-format': true,
      'count-range': true,
      'range-end': true,
      protocol: true,
      'ip-version': true,
      'ip-version-or-both': true,
      families: true,
      'unknown-field': true,
      required: true,
      arguments: true,
      address: true,
      'listen-address': true,
      'type-mismatch': true,
      'rule-type': true,
      rules: true,
      'backup-id': true,
      boolean: true,
      'import-mode': true,
      pid: true,
      image: true,
      watched: true,
      'error-report': true,
      'journal-id': true,
      'recovery-action': true,
    };
    for (const code of Object.keys(codes)) expect(enKeys.has(`errors.${code}`), code).toBe(true);
    for (const key of Object.keys(keys)) expect(enKeys.has(`validation.${key}`), key).toBe(true);
  });
});

describe('detectLanguage', () => {
  it('prefers the remembered choice', () => expect(detectLanguage('en', 'ko-KR')).toBe('en'));
  it('maps ko* to ko', () => {
    expect(detectLanguage(null, 'ko-KR')).toBe('ko');
    expect(detectLanguage(null, 'ko')).toBe('ko');
  });
  it('falls back to en', () => {
    expect(detectLanguage(null, 'de-DE')).toBe('en');
    expect(detectLanguage('fr', undefined)).toBe('en');
  });
});
