/**
 * A small MIME builder for the completion email: multipart/alternative with a plain-text and an
 * HTML part, both UTF-8 in quoted-printable, and RFC 2047 encoded words for a non-ASCII subject.
 * Lines end in CRLF (RFC 5322); no line is longer than 76 characters apart from short headers.
 */

export interface MimeMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A display name for From (encoded when not ASCII). */
  fromName?: string;
  date?: Date;
  /** Random by default; tests pass fixed values. */
  messageId?: string;
  boundary?: string;
}

const CRLF = '\r\n';
const encoder = new TextEncoder();

function randomHex(bytes: number): string {
  let hex = '';
  for (const b of crypto.getRandomValues(new Uint8Array(bytes))) hex += b.toString(16).padStart(2, '0');
  return hex;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

const HEX = '0123456789ABCDEF';
const escapeByte = (b: number) => `=${HEX[b >> 4]}${HEX[b & 15]}`;

/**
 * Quoted-printable (RFC 2045 §6.7) of UTF-8 text. Line breaks of any style become CRLF hard breaks;
 * `=` and bytes outside printable ASCII are escaped, as is a space or tab ending a line (transports
 * strip it) and a `.` starting one (SMTP's end-of-data marker); soft breaks keep lines ≤ 76.
 */
export function quotedPrintable(text: string): string {
  const out: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const bytes = encoder.encode(line);
    let current = '';
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      const last = i === bytes.length - 1;
      const literal = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
      let token = literal ? String.fromCharCode(b) : escapeByte(b);
      // 75 + the soft break's "=" is the 76-character limit.
      if (current.length + token.length > 75) {
        out.push(current + '=');
        current = '';
      }
      if (token === '.' && current === '') token = escapeByte(b);
      current += token;
    }
    out.push(current);
  }
  return out.join(CRLF);
}

/** Control characters (CR and LF above all) never reach a header: they would start new headers. */
const flatten = (value: string) => value.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();

/**
 * A header value as RFC 2047 "B" encoded words when it is not plain printable ASCII or would make
 * a long line; each word is at most 75 characters and holds whole UTF-8 characters, and the words
 * are folded onto continuation lines.
 */
export function encodeHeaderValue(value: string, nameLength = 0, force = false): string {
  const flat = flatten(value);
  if (!force && /^[\x20-\x7e]*$/.test(flat) && !flat.includes('=?') && nameLength + 2 + flat.length <= 78) return flat;
  const words: number[][] = [];
  let chunk: number[] = [];
  // A word is "=?UTF-8?B?" + base64 + "?=" (12 + 4n characters). Continuation lines hold 45 bytes
  // (60 characters, a 73-character line); the first shares its line with "Name: ".
  const firstBytes = Math.max(3, Math.min(45, Math.floor((78 - nameLength - 2 - 12) / 4) * 3));
  for (const ch of flat) {
    const bytes = encoder.encode(ch);
    if (chunk.length + bytes.length > (words.length ? 45 : firstBytes)) {
      words.push(chunk.slice());
      chunk = [];
    }
    chunk.push(...bytes);
  }
  if (chunk.length || !words.length) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${base64(new Uint8Array(w))}?=`).join(`${CRLF} `);
}

/** RFC 5322 date, e.g. "Wed, 02 Dec 2026 03:21:00 +0000". */
export function mailDate(d: Date): string {
  return d.toUTCString().replace(/GMT$/, '+0000');
}

function header(name: string, value: string): string {
  return `${name}: ${value}`;
}

function address(email: string, name?: string): string {
  const addr = flatten(email);
  if (!name) return addr;
  const display = flatten(name);
  const shown = /^[A-Za-z0-9 !#$%&'*+\-/=?^_`{|}~.]*$/.test(display) ? `"${display}"` : encodeHeaderValue(display, 'From'.length, true);
  return `${shown} <${addr}>`;
}

function part(contentType: string, body: string): string {
  return [header('Content-Type', `${contentType}; charset=utf-8`), header('Content-Transfer-Encoding', 'quoted-printable'), '', quotedPrintable(body)].join(CRLF);
}

/** The whole message, headers and body, ready for `new EmailMessage(from, to, raw)`. */
export function buildMime(msg: MimeMessage): string {
  const domain = /@([^@>\s]+)$/.exec(flatten(msg.from))?.[1] ?? 'localhost';
  const messageId = msg.messageId ?? `<${randomHex(16)}@${domain}>`;
  // "=_" cannot occur in quoted-printable text (every "=" there is escaped or ends a line), so the
  // boundary can never appear inside a part.
  const boundary = msg.boundary ?? `=_lead-import_${randomHex(12)}`;
  const headers = [
    header('From', address(msg.from, msg.fromName)),
    header('To', address(msg.to)),
    header('Subject', encodeHeaderValue(msg.subject, 'Subject'.length)),
    header('Date', mailDate(msg.date ?? new Date())),
    header('Message-ID', messageId),
    header('MIME-Version', '1.0'),
    header('Content-Type', `multipart/alternative;${CRLF} boundary="${boundary}"`),
  ];
  return [
    ...headers,
    '',
    'This is a multi-part message in MIME format.',
    `--${boundary}`,
    part('text/plain', msg.text),
    `--${boundary}`,
    part('text/html', msg.html),
    `--${boundary}--`,
    '',
  ].join(CRLF);
}
