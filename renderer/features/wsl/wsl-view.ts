/**
 * Pure helpers for the WSL and Docker parts of the window: whether a rule can follow a distro now (and
 * why not), the distro a rule follows, and the container behind a published port.
 */
import type { DockerView, Endpoint, WslDistro, WslStatus, WslTarget } from '../../../shared/model';
import type { AppError } from '../../../shared/result';

/** Why "A WSL distro" cannot be chosen in the Add rule dialog, as an i18n key with its values; null: it can. */
export type WslUnavailable =
  | { readonly key: 'wsl.loadingReason' }
  | { readonly key: 'wsl.failedReason'; readonly values: { readonly message: string } }
  | { readonly key: 'wsl.absentReason'; readonly values: { readonly note: string } }
  | { readonly key: 'wsl.noDistroReason' }
  | { readonly key: 'wsl.mirroredReason' }
  | { readonly key: 'wsl.unknownReason'; readonly values: { readonly error: string } };

export const wslUnavailable = (status: WslStatus | null, error: AppError | null): WslUnavailable | null => {
  if (status === null)
    return error ? { key: 'wsl.failedReason', values: { message: error.message } } : { key: 'wsl.loadingReason' };
  if (!status.available) return { key: 'wsl.absentReason', values: { note: status.note ?? '' } };
  if (status.networking.mode === 'mirrored') return { key: 'wsl.mirroredReason' };
  if (status.networking.mode === 'unknown')
    return { key: 'wsl.unknownReason', values: { error: status.networking.error } };
  if (status.distros.length === 0) return { key: 'wsl.noDistroReason' };
  return null;
};

/** Why this distro cannot take a rule right now (main refuses the same); null when it can. */
export const distroRefusal = (
  distro: WslDistro,
): {
  key: 'wsl.stoppedReason' | 'wsl.wsl1Reason' | 'wsl.otherReason';
  values: { name: string; state: string };
} | null => {
  const values = { name: distro.name, state: distro.stateText };
  if (distro.version !== 2) return { key: 'wsl.wsl1Reason', values };
  if (distro.state === 'stopped') return { key: 'wsl.stoppedReason', values };
  if (distro.state !== 'running') return { key: 'wsl.otherReason', values };
  return null;
};

/** The distro a new rule should preselect: a running WSL 2 one (the default first), else the default. */
export const preferredDistro = (distros: readonly WslDistro[]): string => {
  const usable = distros.filter((d) => distroRefusal(d) === null);
  const pick = usable.find((d) => d.isDefault) ?? usable[0] ?? distros.find((d) => d.isDefault) ?? distros[0];
  return pick?.name ?? '';
};

export const targetOf = (status: WslStatus | null, key: string): WslTarget | undefined =>
  status?.targets.find((target) => target.listenKey === key);

/**
 * "5 min. ago" in the UI language, or null under a minute (the caller says "just now": "0 sec. ago"
 * reads like a glitch); `now` is passed so a ticking clock re-renders it.
 */
export const relativeTime = (iso: string, now: number, language: string | undefined): string | null => {
  const seconds = Math.min(0, Math.round((Date.parse(iso) - now) / 1000));
  const format = new Intl.RelativeTimeFormat(language, { numeric: 'always', style: 'short' });
  const abs = Math.abs(seconds);
  if (abs < 60) return null;
  if (abs < 3600) return format.format(Math.round(seconds / 60), 'minute');
  if (abs < 86400) return format.format(Math.round(seconds / 3600), 'hour');
  return format.format(Math.round(seconds / 86400), 'day');
};

/**
 * The containers that publish this endpoint's port, as "redis-cache (6379→6379/tcp)": only for the
 * processes that carry Docker's published ports (com.docker.backend.exe, vpnkit, wslrelay.exe).
 */
export const containersFor = (
  endpoint: Pick<Endpoint, 'owner' | 'localPort' | 'protocol'>,
  docker: DockerView | null,
): string[] => {
  if (docker === null || !docker.available) return [];
  if (endpoint.owner !== 'docker' && endpoint.owner !== 'wsl-relay') return [];
  const found: string[] = [];
  for (const container of docker.containers) {
    const mappings = [
      ...new Set(
        container.ports
          .filter((p) => p.publicPort === endpoint.localPort && p.protocol === endpoint.protocol)
          .map((p) => `${p.publicPort}→${p.privatePort}/${p.protocol}`),
      ),
    ];
    if (mappings.length > 0) found.push(`${container.name} (${mappings.join(', ')})`);
  }
  return found;
};
