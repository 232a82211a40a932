/**
 * Reads the raw MIME of a sent message back for assertions (tests only): headers, RFC 2047 words,
 * multipart/alternative parts, quoted-printable or base64 bodies. Kept independent of
 * workers/notify/mime.ts so that an encoding bug there cannot cancel out here.
 */
export interface DecodedMail {
  headers: Record<string, string>;
  subject: string;
  text: string;
  html: string;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function decodeQp(body: string): string {
  const soft = body.replace(/=\r\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const c = soft[i]!;
    if (c === '=') {
      const hex = soft.slice(i + 1, i + 3);
      if (!/^[0-9A-F]{2}$/.test(hex)) throw new Error(`bad quoted-printable escape "=${hex}"`);
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(c.charCodeAt(0));
  }
  return decoder.decode(new Uint8Array(bytes));
}

function decodeB64(body: string): string {
  return decoder.decode(Uint8Array.from(atob(body.replace(/\s+/g, '')), (c) => c.charCodeAt(0)));
}

/** Unfolds a header value and decodes its encoded words (whitespace between two words is dropped, RFC 2047 §6.2). */
export function decodeHeader(value: string): string {
  return value
    .replace(/\r\n[ \t]/g, ' ')
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, enc: string, data: string) => (enc.toUpperCase() === 'B' ? decodeB64(data) : decodeQp(data.replace(/_/g, ' '))));
}

function splitHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.split(/\r\n(?![ \t])/)) {
    const at = line.indexOf(':');
    if (at > 0) headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
  }
  return headers;
}

export function decodeMail(raw: string): DecodedMail {
  const split = raw.indexOf('\r\n\r\n');
  if (split < 0) throw new Error('no blank line after the headers');
  const headers = splitHeaders(raw.slice(0, split));
  const boundary = /boundary="([^"]+)"/.exec(headers['content-type'] ?? '')?.[1];
  if (!boundary) throw new Error('not multipart');
  const body = raw.slice(split + 4);
  if (!body.includes(`\r\n--${boundary}--`)) throw new Error('no closing boundary');
  const parts = body.split(`--${boundary}`).slice(1, -1);
  const out: DecodedMail = { headers, subject: decodeHeader(headers['subject'] ?? ''), text: '', html: '' };
  for (const p of parts) {
    const part = p.replace(/^\r\n/, '').replace(/\r\n$/, '');
    const at = part.indexOf('\r\n\r\n');
    const h = splitHeaders(part.slice(0, at));
    const content = part.slice(at + 4);
    const enc = (h['content-transfer-encoding'] ?? '7bit').toLowerCase();
    const decoded = enc === 'quoted-printable' ? decodeQp(content) : enc === 'base64' ? decodeB64(content) : content;
    if (/^text\/plain/i.test(h['content-type'] ?? '')) out.text = decoded.replace(/\r\n/g, '\n');
    if (/^text\/html/i.test(h['content-type'] ?? '')) out.html = decoded;
  }
  return out;
}
