/**
 * The shapes of consent evidence lead sellers send, checked without the network
 * (research/compliance-2026-12-07.md, §3): a TrustedForm certificate URL, a Jornaya LeadiD, an IP
 * address, and the consent time against the import's start. Every pattern is anchored and bounded,
 * and the scanners that run on every row read each character once (the value to store comes out of
 * the same pass), so a cell of any size costs linear time. Pure.
 */

/**
 * `https://cert.trustedform.com/<id>`: web ids are 40 lower-case hex digits, mobile ids longer
 * base64url, Facebook and ping ids start `0.`; an id is at most 255 characters.
 */
const TRUSTEDFORM = /^https:\/\/cert\.trustedform\.com\/(?:[0-9a-f]{40}|0\.[A-Za-z0-9_-]{1,253}|[A-Za-z0-9_-]{41,255})$/;

const CERT_PREFIX = 'https://cert.trustedform.com/';

/** Classes of a hexadecimal digit: HEX_CLASS maps each character code below 128 to one of them (0: not hex). */
const DIGIT = 1;
const LOWER = 2;
const UPPER = 4;
const HEX_CLASS = new Uint8Array(128);
for (let c = 48; c <= 57; c++) HEX_CLASS[c] = DIGIT;
for (let c = 97; c <= 102; c++) HEX_CLASS[c] = LOWER;
for (let c = 65; c <= 70; c++) HEX_CLASS[c] = UPPER;

/**
 * The classes of the characters of `text` from `start` to `end` (a non-empty run), OR-ed together:
 * DIGIT, LOWER (a-f) and UPPER (A-F) bits; 0 when one of them is not a hexadecimal digit. One
 * pass: the caller learns both "all hex" and "any capital" without a second scan.
 */
function hexClasses(text: string, start: number, end: number): number {
  let seen = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    const k = c < 128 ? HEX_CLASS[c]! : 0;
    if (k === 0) return 0;
    seen |= k;
  }
  return seen;
}

/**
 * Whether the text is a TrustedForm certificate URL of a well-formed id (the common 40-hex web id
 * checked without the pattern: the prefix compared as one string, the id by character).
 */
export function isTrustedFormCertUrl(text: string): boolean {
  if (text.length === CERT_PREFIX.length + 40 && text.slice(0, CERT_PREFIX.length) === CERT_PREFIX) {
    const seen = hexClasses(text, CERT_PREFIX.length, text.length);
    if (seen !== 0 && (seen & UPPER) === 0) return true;
  }
  return text.length <= 300 && TRUSTEDFORM.test(text);
}

/**
 * A Jornaya LeadiD as stored: a GUID (8-4-4-4-12 hexadecimal digits, either case) in capitals,
 * the same string when it has no lower-case digit; undefined when the text is not a GUID.
 */
export function jornayaLeadIdOf(text: string): string | undefined {
  if (text.length !== 36 || text.charCodeAt(8) !== 45 || text.charCodeAt(13) !== 45 || text.charCodeAt(18) !== 45 || text.charCodeAt(23) !== 45) return undefined;
  const a = hexClasses(text, 0, 8);
  const b = hexClasses(text, 9, 13);
  const c = hexClasses(text, 14, 18);
  const d = hexClasses(text, 19, 23);
  const e = hexClasses(text, 24, 36);
  if (a === 0 || b === 0 || c === 0 || d === 0 || e === 0) return undefined;
  // Only a-f can be lower case here, so toUpperCase changes nothing else.
  return ((a | b | c | d | e) & LOWER) === 0 ? text : text.toUpperCase();
}

/** A dotted quad: four numbers 0-255 without leading zeros. */
function isIpv4(text: string): boolean {
  let parts = 0;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 46;
    if (c === 46) {
      if (digits === 0 || value > 255 || ++parts > 4) return false;
      value = 0;
      digits = 0;
    } else if (c >= 48 && c <= 57) {
      if (digits === 1 && value === 0) return false; // a leading zero
      value = value * 10 + (c - 48);
      if (++digits > 3) return false;
    } else return false;
  }
  return parts === 4;
}

/**
 * An IP address as stored: an IPv4 address (dotted quad) as given, an IPv6 address (`::` once at
 * most, a trailing IPv4 allowed) with its hex digits in lower case (the same string when it has no
 * capital); undefined when the text is neither.
 */
export function ipAddressOf(text: string): string | undefined {
  if (text.length > 45) return undefined;
  if (isIpv4(text)) return text;
  const seen = ipv6Classes(text);
  if (seen < 0) return undefined;
  // Only A-F can be capitals here, so toLowerCase changes nothing else.
  return (seen & UPPER) === 0 ? text : text.toLowerCase();
}

/**
 * Groups of one to four hex digits between colons, eight of them, or fewer with one `::` standing
 * for the rest; a trailing dotted quad counts as two groups. One pass, no substrings but the quad.
 * The classes of its hex digits OR-ed together (see hexClasses; 0 for `::`), or -1 when the text
 * is not such an address.
 */
function ipv6Classes(text: string): number {
  const n = text.length;
  let i = 0;
  let groups = 0;
  let elided = false;
  let seen = 0;
  if (n >= 2 && text.charCodeAt(0) === 58 && text.charCodeAt(1) === 58) {
    elided = true;
    i = 2;
  }
  while (i < n) {
    let j = i;
    while (j < n && j - i <= 4) {
      const c = text.charCodeAt(j);
      const k = c < 128 ? HEX_CLASS[c]! : 0;
      if (k === 0) break;
      seen |= k;
      j++;
    }
    if (j < n && text.charCodeAt(j) === 46) {
      // A dotted quad ends the address.
      if (!isIpv4(text.slice(i))) return -1;
      groups += 2;
      break;
    }
    if (j === i || j - i > 4) return -1;
    groups++;
    if (j === n) break;
    if (text.charCodeAt(j) !== 58) return -1;
    if (j + 1 < n && text.charCodeAt(j + 1) === 58) {
      if (elided) return -1;
      elided = true;
      i = j + 2;
    } else {
      i = j + 1;
      if (i === n) return -1; // a trailing single colon
    }
  }
  // Without `::` all eight groups are written; with it, at least one is left out.
  return (elided ? groups <= 7 : groups === 8) ? seen : -1;
}

/** How far in the future a consent time may be, past the import's start (clocks differ). */
export const CONSENT_FUTURE_SLACK_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

/** What the consent time says against the import's start and the oldest age allowed. */
export function consentAge(at: number, startedAt: number, maxAgeDays: number | null): 'ok' | 'future' | 'expired' {
  if (at > startedAt + CONSENT_FUTURE_SLACK_MS) return 'future';
  if (maxAgeDays !== null && at < startedAt - maxAgeDays * DAY_MS) return 'expired';
  return 'ok';
}
