import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { DoctorCause, Endpoint } from '../../shared/model';
import { en } from '../i18n/en';
import { ko } from '../i18n/ko';
import { sampleEndpoint } from '../../test/helpers/fake-api';
import { describeCause, ownerExplanation } from './cause-wording';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, ko: { translation: ko } },
  lng: 'en',
  interpolation: { escapeValue: false },
  initAsync: false,
});
const t = { en: i18n.getFixedT('en'), ko: i18n.getFixedT('ko') };

const rule = {
  type: 'v4tov4',
  listenAddress: '0.0.0.0',
  listenPort: 8065,
  connectAddress: '172.28.241.140',
  connectPort: 80,
} as const;
const owned = (...endpoints: Endpoint[]): DoctorCause => ({
  kind: 'owned',
  endpoint: endpoints[0]!,
  endpoints,
  ipVersions: [...new Set(endpoints.map((e) => e.ipVersion))],
});
const causes: Record<string, DoctorCause> = {
  system: {
    kind: 'excluded',
    range: { protocol: 'tcp', ipVersion: 'ipv4', start: 8031, end: 8130, administered: false },
    ipVersions: ['ipv4', 'ipv6'],
  },
  administered: {
    kind: 'excluded',
    range: { protocol: 'tcp', ipVersion: 'ipv6', start: 8065, end: 8065, administered: true },
    ipVersions: ['ipv6'],
  },
  owned: owned(sampleEndpoint({ localPort: 8065 })),
  ownedDocker: owned(
    sampleEndpoint({ localPort: 8065, image: 'com.docker.backend.exe', owner: 'docker' }),
    sampleEndpoint({
      localPort: 8065,
      image: 'com.docker.backend.exe',
      owner: 'docker',
      ipVersion: 'ipv6',
      localAddress: '::',
    }),
  ),
  forwarded: { kind: 'forwarded', rule, ipVersions: ['ipv4'] },
  dynamic: {
    kind: 'dynamic-range',
    range: { protocol: 'udp', ipVersion: 'ipv4', start: 1024, count: 64511 },
    ipVersions: ['ipv4'],
  },
};

describe('describeCause', () => {
  it('English, one sentence per cause kind', () => {
    expect(describeCause(t.en, causes.system!, 8065)).toBe(
      '8065 is inside 8031–8130 (TCP/IPv4, TCP/IPv6), reserved by the system (WinNAT/Hyper-V).',
    );
    // Protected, never "delete to use"; a protection in one IP version names the other as unprotected.
    expect(describeCause(t.en, causes.administered!, 8065)).toBe(
      '8065 is protected in TCP/IPv6 by an exclusion an administrator added (8065): WinNAT cannot reserve it and Windows does not hand it out. Not protected in TCP/IPv4: WinNAT may still reserve it there.',
    );
    const both: DoctorCause = { ...causes.administered!, ipVersions: ['ipv4', 'ipv6'] } as DoctorCause;
    expect(describeCause(t.en, both, 8065)).toBe(
      '8065 is protected in TCP/IPv4, TCP/IPv6 by an exclusion an administrator added (8065): WinNAT cannot reserve it and Windows does not hand it out.',
    );
    expect(describeCause(t.en, causes.owned!, 8065)).toBe('node.exe (PID 4242) listens on 0.0.0.0:8065 (TCP/IPv4).');
    expect(describeCause(t.en, causes.ownedDocker!, 8065)).toBe(
      'com.docker.backend.exe (PID 4242) listens on 0.0.0.0:8065, [::]:8065 (TCP/IPv4, TCP/IPv6). Docker published port.',
    );
    expect(describeCause(t.en, causes.forwarded!, 8065)).toBe(
      'A portproxy rule listens on 0.0.0.0:8065 and forwards it to 172.28.241.140:80.',
    );
    expect(describeCause(t.en, causes.dynamic!, 8065)).toBe(
      '8065 is inside the dynamic range 1024–65534 (UDP/IPv4): Windows may hand it to any program as a temporary port.',
    );
  });

  it('Korean: every kind is translated, with the same numbers', () => {
    for (const [name, cause] of Object.entries(causes)) {
      const text = describeCause(t.ko, cause, 8065);
      expect(text, name).toMatch(/[가-힣]/);
      expect(text, name).not.toMatch(/cause\.|owners\./);
      expect(text, name).toContain('8065');
    }
    expect(describeCause(t.ko, causes.system!, 8065)).toBe(
      '8065번 포트는 시스템(WinNAT/Hyper-V)이 예약한 8031–8130 범위(TCP/IPv4, TCP/IPv6) 안에 있습니다.',
    );
  });

  it('an owner whose image could not be read still says the PID', () => {
    const cause = owned(sampleEndpoint({ image: null, pid: 77 }));
    expect(describeCause(t.en, cause, 3000)).toBe('Unknown process (PID 77) listens on 0.0.0.0:3000 (TCP/IPv4).');
  });
});

describe('ownerExplanation', () => {
  const kinds: [Endpoint['owner'], Partial<Endpoint>, string, string][] = [
    [
      'portproxy',
      { rule },
      'Forwarded by portproxy rule 0.0.0.0:8065 → 172.28.241.140:80',
      'portproxy 규칙 0.0.0.0:8065 → 172.28.241.140:80로 전달됨',
    ],
    ['portproxy', {}, 'Forwarded by a portproxy rule', 'portproxy 규칙으로 전달됨'],
    ['wsl-relay', {}, 'WSL localhost forwarding', 'WSL localhost 전달'],
    ['docker', {}, 'Docker published port', 'Docker 게시 포트'],
    // PID 4 explained by what the port is, never "HTTP.sys" where it is not.
    [
      'kernel',
      {},
      'A Windows kernel driver or an HTTP.sys URL reservation (System)',
      'Windows 커널 드라이버 또는 HTTP.sys URL 예약 (System)',
    ],
    ['kernel', { localPort: 445 }, 'SMB file sharing (Windows kernel, System)', 'SMB 파일 공유 (Windows 커널, System)'],
    [
      'kernel',
      { localPort: 137, protocol: 'udp', state: null },
      'NetBIOS over TCP/IP (Windows kernel, System)',
      'NetBIOS over TCP/IP (Windows 커널, System)',
    ],
    [
      'kernel',
      { localPort: 5985 },
      'HTTP.sys: a Windows service registered this port (System)',
      'HTTP.sys: Windows 서비스가 등록한 포트 (System)',
    ],
    ['process', {}, '', ''],
  ];
  it.each(kinds)('%s', (owner, extra, english, korean) => {
    const endpoint = sampleEndpoint({ owner, ...extra });
    expect(ownerExplanation(t.en, endpoint)).toBe(english);
    expect(ownerExplanation(t.ko, endpoint)).toBe(korean);
  });
});
