/**
 * @file Which Host names the server answers (a guard against DNS rebinding), and the
 * warning printed when it listens on more than loopback.
 */
import os from 'node:os';

/** Names a browser on this machine uses for a loopback server. */
export const LOOPBACK_NAMES: readonly string[] = ['localhost', '127.0.0.1', '::1'];

const WILDCARD_HOSTS = new Set(['0.0.0.0', '::', '']);

export function isLoopback(host: string): boolean {
  return LOOPBACK_NAMES.includes(host) || /^127\./.test(host);
}

/** The addresses of this machine's interfaces: what a wildcard bind is reachable at. */
function interfaceAddresses(): string[] {
  return Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).map((i) => i.address));
}

/**
 * Host names requests may be addressed to: the loopback names, the bound address (every
 * interface address for 0.0.0.0 or ::), and the names given with --allow-host.
 */
export function allowedHostNames(host: string, extra: readonly string[] = []): string[] {
  const bound = WILDCARD_HOSTS.has(host) ? interfaceAddresses() : [host];
  return [...new Set([...LOOPBACK_NAMES, ...bound, ...extra].map((name) => name.toLowerCase()))];
}

/** The warning for a server bound beyond loopback; undefined for loopback. */
export function exposureWarning(host: string, url: string, allowed: readonly string[]): string | undefined {
  if (isLoopback(host)) return undefined;
  const where = WILDCARD_HOSTS.has(host) ? 'every network interface' : `the interface at ${host}`;
  return [
    `paperscope: WARNING: --host ${host} exposes the search API and the map (${url}) on ${where}, to anyone who can reach this machine: there is no login, and the index's titles and abstracts are readable by all of them.`,
    `paperscope: only requests addressed to ${allowed.join(', ')} are answered; add the name others use with --allow-host NAME.`,
  ].join('\n');
}
