/**
 * The plain-words answer for one cause and the owner explanation, shared by the doctor's cards, the
 * owners table and the map's tooltip, so the three never describe the same port differently.
 */
import type { TFunction } from 'i18next';
import type { DoctorCause, Endpoint, IpVersion, Protocol } from '../../shared/model';
import { IP_VERSIONS, protectedVersions } from '../../shared/port-verdict';
import { kernelListenerOf, type KernelListener } from '../../shared/system-owners';
import { familyLabel, formatRange, lastPort } from './families';
import { connectEndpoint, endpoint as formatEndpoint, listenEndpoint } from './rules';
import { assertNever } from '../../shared/assert-never';

const KERNEL_KEYS = {
  smb: 'owners.explain.kernelSmb',
  netbios: 'owners.explain.kernelNetbios',
  'http-sys': 'owners.explain.kernelHttpSys',
  kernel: 'owners.explain.kernel',
} as const satisfies Record<KernelListener, string>;

/** "Docker published port"; empty for an ordinary process (its image says enough). */
export const ownerExplanation = (t: TFunction, endpoint: Endpoint): string => {
  switch (endpoint.owner) {
    case 'portproxy':
      return endpoint.rule
        ? t('owners.explain.portproxy', {
            listen: listenEndpoint(endpoint.rule),
            connect: connectEndpoint(endpoint.rule),
          })
        : t('owners.explain.portproxyUnknown');
    case 'wsl-relay':
      return t('owners.explain.wslRelay');
    case 'docker':
      return t('owners.explain.docker');
    case 'kernel':
      // Only where it is: 445 is SMB and 137-139 NetBIOS, never "HTTP.sys" (shared/system-owners.ts).
      return t(KERNEL_KEYS[kernelListenerOf(endpoint.protocol, endpoint.localPort)]);
    case 'process':
      return '';
    default:
      return assertNever(endpoint.owner);
  }
};

/** "node.exe (PID 4242)", or the PID alone when the image could not be read. */
export const processLabel = (t: TFunction, { image, pid }: Pick<Endpoint, 'image' | 'pid'>): string =>
  image ? t('owners.process', { image, pid: pid ?? '?' }) : t('owners.unknownProcess', { pid: pid ?? '?' });

/** "TCP/IPv4, TCP/IPv6": every IP version a cause holds in, so one card names both. */
export const familiesLabel = (protocol: Protocol, ipVersions: readonly IpVersion[]): string =>
  ipVersions.map((ipVersion) => familyLabel({ protocol, ipVersion })).join(', ');

/** The IP versions of the protocol in which the port is NOT protected (empty when both are). */
export const unprotectedVersions = (causes: readonly DoctorCause[]): IpVersion[] => {
  const covered = protectedVersions(causes);
  return covered.length === 0 ? [] : IP_VERSIONS.filter((v) => !covered.includes(v));
};

export const describeCause = (
  t: TFunction,
  cause: DoctorCause,
  port: number,
  all: readonly DoctorCause[] = [cause],
): string => {
  switch (cause.kind) {
    case 'excluded': {
      const args = {
        port,
        range: formatRange(cause.range),
        family: familiesLabel(cause.range.protocol, cause.ipVersions),
      };
      if (!cause.range.administered) return t('cause.excludedSystem', args);
      const missing = unprotectedVersions(all);
      const text = t('cause.excludedAdministered', args);
      return missing.length > 0
        ? `${text} ${t('cause.protectedOnly', { family: familiesLabel(cause.range.protocol, missing) })}`
        : text;
    }
    case 'owned': {
      const text = t('cause.owned', {
        process: processLabel(t, cause.endpoint),
        address: cause.endpoints.map((e) => formatEndpoint(e.localAddress, e.localPort)).join(', '),
        family: familiesLabel(cause.endpoint.protocol, cause.ipVersions),
      });
      const why = ownerExplanation(t, cause.endpoint);
      return why ? `${text} ${t('cause.ownedWhy', { why })}` : text;
    }
    case 'forwarded':
      return t('cause.forwarded', { port, listen: listenEndpoint(cause.rule), connect: connectEndpoint(cause.rule) });
    case 'dynamic-range':
      return t('cause.dynamicRange', {
        port,
        range: formatRange({ start: cause.range.start, end: lastPort(cause.range.start, cause.range.count) }),
        family: familiesLabel(cause.range.protocol, cause.ipVersions),
      });
  }
};
