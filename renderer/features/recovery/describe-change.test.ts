import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProxyRule, UnfinishedChange } from '../../../shared/model';
import { resources } from '../../i18n/i18n';
import { sampleUnfinishedChange } from '../../../test/helpers/fake-api';
import { describeChoices, describeDetails, describeProgress, describeWhat, rulesDiff } from './describe-change';

const rule = (listenPort: number, connectPort: number, listenAddress = '0.0.0.0'): ProxyRule => ({
  type: 'v4tov4',
  listenAddress,
  listenPort,
  connectAddress: '172.28.241.140',
  connectPort,
});
const r2222 = rule(2222, 22);
const r8080 = rule(8080, 80);
const r18080 = rule(18080, 80);

const exclusion = sampleUnfinishedChange;

const rules = (
  operation: string,
  before: ProxyRule[],
  target: ProxyRule[],
  now: ProxyRule[] | null,
  progress: UnfinishedChange['progress'] = 'partly-done',
): UnfinishedChange => ({
  id: 'b',
  operation,
  startedAt: '2025-01-02T03:04:05.000Z',
  intent: { kind: 'rules', before, target, firewall: { before: [], want: [], release: [] } },
  current: { kind: 'rules', rules: now },
  progress,
  recommended: 'finish',
  actions: ['finish', 'roll-back'],
});

let en: TFunction;
let ko: TFunction;
beforeAll(async () => {
  const make = async (lng: 'en' | 'ko') => {
    const instance = i18next.createInstance();
    await instance.init({ resources, lng, fallbackLng: 'en', interpolation: { escapeValue: false } });
    return instance.t;
  };
  en = await make('en');
  ko = await make('ko');
});

describe('describeWhat', () => {
  it('names exclusions, WinNAT restarts and dynamic-range resets', () => {
    expect(describeWhat(en, exclusion())).toBe('Protect port 8065 (TCP/IPv4)');
    const range = exclusion({
      intent: {
        kind: 'exclusion',
        family: { protocol: 'udp', ipVersion: 'ipv6' },
        start: 8000,
        end: 8010,
        winnatWasRunning: false,
      },
    });
    expect(describeWhat(en, range)).toBe('Protect ports 8000–8010 (UDP/IPv6)');
    expect(describeWhat(en, { operation: 'restart-winnat', intent: { kind: 'winnat-restart' } })).toBe(
      'Restart WinNAT',
    );
    expect(
      describeWhat(en, {
        operation: 'reset-dynamic-range',
        intent: {
          kind: 'dynamic-range',
          before: [
            { protocol: 'tcp', ipVersion: 'ipv4', start: 1024, count: 64511 },
            { protocol: 'udp', ipVersion: 'ipv4', start: 1024, count: 64511 },
          ],
          target: { start: 49152, count: 16384 },
        },
      }),
    ).toBe('Reset the dynamic port range to 49152–65535 (TCP/IPv4, UDP/IPv4)');
  });

  it('names rule changes from the difference between before and target', () => {
    expect(describeWhat(en, rules('edit-rule', [r2222, r8080], [r2222, r18080], null))).toBe(
      'Edit forwarding rule 0.0.0.0:8080 → 0.0.0.0:18080',
    );
    expect(describeWhat(en, rules('edit-rule', [r8080], [rule(8080, 81)], null))).toBe(
      'Edit forwarding rule 0.0.0.0:8080: target 172.28.241.140:80 → 172.28.241.140:81',
    );
    expect(describeWhat(en, rules('add-rule', [r2222], [r2222, r8080], null))).toBe(
      'Add forwarding rule 0.0.0.0:8080 → 172.28.241.140:80',
    );
    expect(describeWhat(en, rules('delete-rules', [r2222, r8080], [], null))).toBe('Delete 2 forwarding rules');
    expect(describeWhat(en, rules('delete-rules', [r2222, r8080], [r2222], null))).toBe(
      'Delete forwarding rule 0.0.0.0:8080 → 172.28.241.140:80',
    );
    expect(describeWhat(en, rules('import-rules', [r2222], [r2222, r8080, r18080, rule(3000, 3000)], null))).toBe(
      'Import 3 forwarding rules',
    );
    expect(describeWhat(en, rules('import-rules', [r2222], [r2222], null))).toBe('Import forwarding rules');
    expect(describeWhat(en, rules('reset-rules', [r2222, r8080], [], null))).toBe(
      'Delete all forwarding rules (2 rules)',
    );
    expect(describeWhat(en, rules('restore-backup', [], [r2222], null))).toBe('Restore a backup (1 forwarding rule)');
    expect(describeWhat(en, rules('something-new', [], [r2222], null))).toBe('Change forwarding rules');
    expect(
      describeWhat(
        en,
        rules(
          'edit-rule',
          [r8080],
          [rule(8080, 80, '::')].map((r) => ({ ...r, type: 'v6tov4' as const })),
          null,
        ),
      ),
    ).toBe('Edit forwarding rule 0.0.0.0:8080 → [::]:8080');
  });

  it('speaks Korean', () => {
    expect(describeWhat(ko, exclusion())).toBe('8065번 포트 보호 (TCP/IPv4)');
    expect(describeProgress(ko, exclusion())).toContain('절반만 진행됨');
  });
});

describe('describeProgress', () => {
  it('says how far the change got, from the fresh read', () => {
    expect(describeProgress(en, exclusion())).toBe('Half done: WinNAT is stopped and the port is not protected yet.');
    expect(describeProgress(en, exclusion({ current: { kind: 'exclusion', present: true, winnat: 'stopped' } }))).toBe(
      'Half done: the port is protected, but WinNAT is stopped.',
    );
    expect(describeProgress(en, exclusion({ progress: 'not-started' }))).toBe('Nothing was changed yet.');
    expect(describeProgress(en, exclusion({ progress: 'done' }))).toBe(
      'Everything is in place but was never confirmed.',
    );
    expect(describeProgress(en, exclusion({ progress: 'unreadable' }))).toMatch(/^Windows could not be read/);
    expect(describeProgress(en, rules('edit-rule', [r2222, r8080], [r2222, r18080], [r2222, r8080, r18080]))).toBe(
      'Half done: 1 of 2 rule changes are in place.',
    );
    expect(
      describeProgress(en, {
        ...exclusion(),
        operation: 'restart-winnat',
        intent: { kind: 'winnat-restart' },
        current: { kind: 'winnat-restart', winnat: 'stopped' },
        actions: ['finish'],
      }),
    ).toBe('Half done: WinNAT is stopped; it was not started again.');
  });

  it('explains the choices', () => {
    expect(describeChoices(en, exclusion().intent)).toMatch(/Either way WinNAT is started again/);
    expect(describeChoices(en, { kind: 'winnat-restart' })).toMatch(/cannot be rolled back/);
  });
});

describe('rulesDiff and details', () => {
  it('keeps to the touched rules and lists the unexpected and the missing ones', () => {
    const stray = rule(4000, 4000);
    const diff = rulesDiff(
      {
        kind: 'rules',
        before: [r2222, r8080],
        target: [r2222, r18080],
        firewall: { before: [], want: [], release: [] },
      },
      [r18080, stray],
    );
    expect(diff.touchedKeys).toHaveLength(2);
    expect(diff.before).toEqual([r8080]);
    expect(diff.intended).toEqual([r18080]);
    expect(diff.now).toEqual([r18080]);
    expect(diff.unexpected).toEqual([stray]);
    expect(diff.missing).toEqual([r2222]);
    expect(diff.doneCount).toBe(2);
  });

  it('gives before / intended / now lines', () => {
    const details = describeDetails(en, rules('edit-rule', [r2222, r8080], [r2222, r18080], [r2222, r8080, r18080]));
    expect(details.before).toEqual(['v4tov4 0.0.0.0:8080 → 172.28.241.140:80']);
    expect(details.intended).toEqual(['v4tov4 0.0.0.0:18080 → 172.28.241.140:80']);
    expect(details.now).toEqual([
      'v4tov4 0.0.0.0:8080 → 172.28.241.140:80',
      'v4tov4 0.0.0.0:18080 → 172.28.241.140:80',
    ]);
    expect(describeDetails(en, rules('edit-rule', [r8080], [r18080], null)).now).toBeNull();

    const ex = describeDetails(en, exclusion());
    expect(ex.before).toEqual(['Port 8065 (TCP/IPv4): not protected', 'WinNAT: running']);
    expect(ex.intended).toEqual(['Port 8065 (TCP/IPv4): protected', 'WinNAT: running']);
    expect(ex.now).toEqual(['Port 8065 (TCP/IPv4): not protected', 'WinNAT: stopped']);
  });
});
