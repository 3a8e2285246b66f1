/** The rules of the `forwarding` scenario (simulated-windows/scenarios.ts), as netsh lists them. */
import type { ProxyRule } from '../../shared/model';

const rule = (
  type: ProxyRule['type'],
  listenAddress: string,
  listenPort: number,
  connectAddress: string,
  connectPort: number,
): ProxyRule => ({
  type,
  listenAddress,
  listenPort,
  connectAddress,
  connectPort,
});

export const SSH_2222 = rule('v4tov4', '0.0.0.0', 2222, '172.28.241.140', 22);
export const WEB_8080 = rule('v4tov4', '0.0.0.0', 8080, '172.28.241.140', 80);
export const DEVBOX_8888 = rule('v4tov4', '127.0.0.1', 8888, 'devbox.lan', 8888);
export const V4TOV6_8081 = rule('v4tov6', '127.0.0.1', 8081, '::1', 80);
export const V6TOV4_9000 = rule('v6tov4', '::', 9000, '172.28.241.140', 9000);

export const FORWARDING_RULES: readonly ProxyRule[] = [SSH_2222, WEB_8080, DEVBOX_8888, V4TOV6_8081, V6TOV4_9000];

/** A rule the forwarding machine does not have. */
export const NEW_8090 = rule('v4tov4', '*', 8090, '172.28.241.140', 8090);

export { rule };
