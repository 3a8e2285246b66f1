/**
 * The plain-words answer for one cause and the owner explanation, shared by the doctor's cards, the
 * owners table and the map's tooltip, so the three never describe the same port differently.
 */
import type { TFunction } from 'i18next';
import type { DoctorCause, Endpoint } from '../../shared/model';
import { familyLabel, formatRange, lastPort } from './families';
import { connectEndpoint, endpoint as formatEndpoint, listenEndpoint } from './rules';

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
      return t('owners.explain.kernel');
    default:
      return '';
  }
};

/** "node.exe (PID 4242)", or the PID alone when the image could not be read. */
export const processLabel = (t: TFunction, { image, pid }: Pick<Endpoint, 'image' | 'pid'>): string =>
  image ? t('owners.process', { image, pid: pid ?? '?' }) : t('owners.unknownProcess', { pid: pid ?? '?' });

export const describeCause = (t: TFunction, cause: DoctorCause, port: number): string => {
  switch (cause.kind) {
    case 'excluded':
      return t(cause.range.administered ? 'cause.excludedAdministered' : 'cause.excludedSystem', {
        port,
        range: formatRange(cause.range),
        family: familyLabel(cause.range),
      });
    case 'owned': {
      const text = t('cause.owned', {
        process: processLabel(t, cause.endpoint),
        address: formatEndpoint(cause.endpoint.localAddress, cause.endpoint.localPort),
        family: familyLabel(cause.endpoint),
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
        family: familyLabel(cause.range),
      });
  }
};
