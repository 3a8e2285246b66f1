import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { RuleCheck } from '../../shared/model';
import { en } from '../i18n/en';
import { ko } from '../i18n/ko';
import { sampleCheck } from '../../test/helpers/fake-api';
import { ruleStatus, ruleStatusText, reasonText } from './rule-status';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, ko: { translation: ko } },
  lng: 'en',
  interpolation: { escapeValue: false },
  initAsync: false,
});
const t = i18n.getFixedT('en');
const tKo = i18n.getFixedT('ko');

const rule = {
  type: 'v4tov4',
  listenAddress: '0.0.0.0',
  listenPort: 9000,
  connectAddress: '172.28.241.140',
  connectPort: 9000,
} as const;
const text = (check: RuleCheck | undefined) => ruleStatusText(t, ruleStatus(check));

describe('rule status text', () => {
  it('says Not checked before the first check and OK when everything answers', () => {
    expect(text(undefined)).toBe('Not checked');
    expect(text(sampleCheck(rule))).toBe('OK');
    expect(ruleStatus(sampleCheck(rule)).tone).toBe('ok');
  });

  it('puts a stopped IP Helper first and does not repeat "not listening" under it', () => {
    const status = ruleStatus(
      sampleCheck(rule, {
        iphlpsvc: { state: 'problem', status: 'stopped' },
        listening: { state: 'problem' },
        target: { state: 'problem', detail: 'timed out' },
      }),
    );
    expect(status.tone).toBe('problem');
    expect(status.reasons.map((r) => reasonText(t, r))).toEqual([
      'IP Helper is stopped',
      'Port 9000 is not answering at 172.28.241.140',
    ]);
  });

  it('names the excluded range, the process holding the port, and a dead target', () => {
    expect(
      text(
        sampleCheck(rule, {
          excluded: {
            state: 'problem',
            range: { protocol: 'tcp', ipVersion: 'ipv4', start: 8031, end: 8130, administered: false },
          },
        }),
      ),
    ).toBe('Listen port is inside excluded range 8031–8130');
    expect(text(sampleCheck(rule, { listening: { state: 'problem', owner: 'node.exe (PID 123)' } }))).toBe(
      'Port is held by node.exe (PID 123)',
    );
    expect(text(sampleCheck(rule, { listening: { state: 'problem' } }))).toBe('Nothing listens on port 9000');
    expect(text(sampleCheck(rule, { target: { state: 'problem', detail: 'ECONNREFUSED' } }))).toBe(
      'Port 9000 is not answering at 172.28.241.140',
    );
  });

  it('says it could not check, with the detail, when a part is unknown', () => {
    expect(text(sampleCheck(rule, { target: { state: 'unknown', detail: 'probe timed out' } }))).toBe(
      'Could not check: probe timed out',
    );
    expect(ruleStatus(sampleCheck(rule, { iphlpsvc: { state: 'unknown', status: 'unknown' } })).tone).toBe('unknown');
  });

  it('reads naturally in Korean', () => {
    expect(
      ruleStatusText(tKo, ruleStatus(sampleCheck(rule, { iphlpsvc: { state: 'problem', status: 'stopped' } }))),
    ).toBe('IP 도우미 서비스: 중지됨');
    expect(ruleStatusText(tKo, ruleStatus(undefined))).toBe('점검 안 함');
  });
});
