/**
 * Which URLs a webhook may be sent to (SSRF guard, pure): https only, no credentials, and no
 * host that names this machine or a private network: loopback, private, carrier-grade NAT,
 * link-local (cloud metadata at 169.254.169.254), unique-local and multicast addresses in any
 * spelling (the URL parser already turns `0x7f.1` or `2130706433` into `127.0.0.1`; IPv4 inside
 * IPv6 is unwrapped), and names such as `localhost` or `*.internal`. With `allowPrivate`
 * (WEBHOOK_ALLOW_PRIVATE=true, local development only) http and private hosts are allowed.
 * Deliveries never follow redirects, so a public URL cannot bounce a request inward.
 */

export const MAX_WEBHOOK_URL_LENGTH = 2048;

export type UrlVerdict = { ok: true; url: string } | { ok: false; message: string };

/** IPv4 ranges refused: [first octets as a 32-bit number, prefix length]. */
const BLOCKED_V4: [number, number][] = [
  [0x00000000, 8], // "this network"
  [0x0a000000, 8], // private
  [0x64400000, 10], // carrier-grade NAT
  [0x7f000000, 8], // loopback
  [0xa9fe0000, 16], // link-local, cloud metadata
  [0xac100000, 12], // private
  [0xc0000000, 24], // IETF protocol assignments
  [0xc0000200, 24], // documentation
  [0xc0a80000, 16], // private
  [0xc6120000, 15], // benchmarking
  [0xc6336400, 24], // documentation
  [0xcb007100, 24], // documentation
  [0xe0000000, 4], // multicast
  [0xf0000000, 4], // reserved, broadcast
];

const BLOCKED_NAMES = ['localhost', 'localdomain', 'local', 'internal', 'intranet', 'lan', 'home', 'corp', 'private', 'home.arpa'];

function v4Number(host: string): number | null {
  const parts = host.split('.');
  if (parts.length !== 4 || !parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return null;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

function blockedV4(n: number): boolean {
  return BLOCKED_V4.some(([base, bits]) => Math.floor(n / 2 ** (32 - bits)) === Math.floor(base / 2 ** (32 - bits)));
}

/** The eight 16-bit groups of an IPv6 address as the URL parser writes it (compressed, lower case), or null. */
function v6Groups(host: string): number[] | null {
  const halves = host.split('::');
  if (halves.length > 2) return null;
  const parse = (s: string) => (s === '' ? [] : s.split(':'));
  const head = parse(halves[0]!);
  const tail = halves.length === 2 ? parse(halves[1]!) : [];
  // The parser writes an embedded IPv4 tail as hex groups; accept a dotted one anyway.
  const expand = (groups: string[]) =>
    groups.flatMap((g) => {
      const v4 = v4Number(g);
      return v4 === null ? [g] : [(v4 >>> 16).toString(16), (v4 & 0xffff).toString(16)];
    });
  const h = expand(head);
  const t = expand(tail);
  const missing = 8 - h.length - t.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  const all = [...h, ...Array(missing).fill('0'), ...t];
  if (!all.every((g) => /^[0-9a-f]{1,4}$/.test(g))) return null;
  return all.map((g) => parseInt(g, 16));
}

function blockedV6(g: number[]): boolean {
  const [a, b] = g as [number, number];
  const zeroTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  const v4At = (i: number) => g[i]! * 65536 + g[i + 1]!;
  if (zeroTo(8)) return true; // ::
  if (zeroTo(7) && g[7] === 1) return true; // ::1
  if (zeroTo(5) && g[5] === 0xffff) return blockedV4(v4At(6)); // IPv4-mapped
  if (zeroTo(6)) return blockedV4(v4At(6)); // IPv4-compatible (deprecated)
  if (a === 0x64 && b === 0xff9b) return blockedV4(v4At(6)); // NAT64
  if (a === 0x2002) return blockedV4(b * 65536 + g[2]!); // 6to4
  if ((a & 0xfe00) === 0xfc00) return true; // unique local (fc00::/7), incl. fd00:ec2::254
  if ((a & 0xffc0) === 0xfe80 || (a & 0xffc0) === 0xfec0) return true; // link-local, site-local
  if ((a & 0xff00) === 0xff00) return true; // multicast
  if (a === 0x2001 && b === 0x0db8) return true; // documentation
  if (a === 0x0100 && g[1] === 0 && g[2] === 0 && g[3] === 0) return true; // discard
  return false;
}

/** Whether `host` (as the URL parser wrote it) is loopback, private, link-local or otherwise not on the public internet. */
export function isPrivateHost(host: string): boolean {
  let end = host.length;
  while (end > 0 && host.charCodeAt(end - 1) === 46) end--; // trailing dots (a scan: no regex on user bytes)
  const name = host.slice(0, end).toLowerCase();
  if (name.startsWith('[') && name.endsWith(']')) {
    const groups = v6Groups(name.slice(1, -1));
    return groups === null || blockedV6(groups);
  }
  const v4 = v4Number(name);
  if (v4 !== null) return blockedV4(v4);
  // A bare name (no dot) resolves inside the network it is asked in.
  if (!name.includes('.')) return true;
  return BLOCKED_NAMES.some((n) => name === n || name.endsWith(`.${n}`));
}

/** Checks a webhook URL; the normalised URL when it may be used. */
export function checkWebhookUrl(input: string, allowPrivate: boolean): UrlVerdict {
  if (input.length > MAX_WEBHOOK_URL_LENGTH) return { ok: false, message: `The URL is longer than ${MAX_WEBHOOK_URL_LENGTH} characters.` };
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return { ok: false, message: 'This is not a URL. Give the full address, such as https://example.com/hooks/leads.' };
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) {
    return { ok: false, message: `Webhooks are sent over https only; ${url.protocol.replace(':', '')} URLs are refused.` };
  }
  if (url.username || url.password) return { ok: false, message: 'Put no user name or password in the URL: every delivery is signed instead (webhook-signature).' };
  if (!allowPrivate && isPrivateHost(url.hostname)) {
    return { ok: false, message: `${url.hostname} is a loopback, private, link-local or internal address; webhooks go only to hosts on the public internet.` };
  }
  url.hash = '';
  return { ok: true, url: url.toString() };
}

/** WEBHOOK_ALLOW_PRIVATE=true (local development: .dev.vars.example sets it). */
export const allowsPrivate = (env: { WEBHOOK_ALLOW_PRIVATE?: string | undefined }) => env.WEBHOOK_ALLOW_PRIVATE?.trim().toLowerCase() === 'true';
