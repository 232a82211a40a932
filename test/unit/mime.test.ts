/** The MIME builder and the completion email's content. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildMime, encodeHeaderValue, quotedPrintable } from '../../workers/notify/mime.ts';
import { composeImportEmail } from '../../workers/notify/compose-email.ts';
import { decodeHeader, decodeMail } from '../mail.ts';
import type { ImportView } from '../../src/lib/import-view.ts';

const lines = (s: string) => s.split('\r\n');

describe('quoted-printable', () => {
  it('escapes "=", non-ASCII bytes, a space ending a line and a dot starting one', () => {
    expect(quotedPrintable('a=b')).toBe('a=3Db');
    expect(quotedPrintable('Café')).toBe('Caf=C3=A9');
    expect(quotedPrintable('end \nnext\t')).toBe('end=20\r\nnext=09');
    expect(quotedPrintable('.\n.x')).toBe('=2E\r\n=2Ex');
    expect(quotedPrintable('a b')).toBe('a b');
  });

  it('keeps every line at 76 characters or fewer and decodes back to the same text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), fc.constantFrom('\n', '\r\n'), (s, eol) => {
        const text = s.replace(/\r\n|\r|\n/g, eol);
        const qp = quotedPrintable(text);
        for (const line of lines(qp)) expect(line.length).toBeLessThanOrEqual(76);
        expect(qp).not.toMatch(/[^\r]\n|\r(?!\n)/);
        expect(qp).not.toMatch(/[ \t]\r\n|[ \t]$/);
        const body = decodeMail(`Content-Type: multipart/alternative; boundary="b"\r\n\r\n--b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${qp}\r\n--b--\r\n`);
        expect(body.text).toBe(text.replace(/\r\n|\r/g, '\n'));
      }),
      { numRuns: 300 },
    );
  });

  it('never puts a dot at the start of a soft-wrapped line', () => {
    const qp = quotedPrintable('x'.repeat(75) + '.tail');
    expect(lines(qp)[1]).toBe('=2Etail');
  });
});

describe('RFC 2047 subject', () => {
  it('leaves short printable ASCII as it is and encodes anything else as UTF-8 "B" words', () => {
    expect(encodeHeaderValue('Lead import completed', 7)).toBe('Lead import completed');
    expect(encodeHeaderValue('Café', 7)).toBe('=?UTF-8?B?Q2Fmw6k=?=');
    expect(encodeHeaderValue('a → b', 7)).toBe(`=?UTF-8?B?${btoa('a \xe2\x86\x92 b')}?=`);
  });

  it('splits long values into words of at most 75 characters holding whole characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 300 }), (s) => {
        const flat = s.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
        const encoded = encodeHeaderValue(s, 7);
        for (const line of lines(encoded)) expect(line.length).toBeLessThanOrEqual(76);
        for (const word of encoded.match(/=\?UTF-8\?B\?[^?]*\?=/g) ?? []) {
          expect(word.length).toBeLessThanOrEqual(75);
          // Each word decodes on its own (fatal decoder): no character is cut in two.
          expect(() => decodeHeader(word)).not.toThrow();
        }
        expect(decodeHeader(encoded)).toBe(flat);
      }),
      { numRuns: 300 },
    );
  });

  it('turns CR and LF into spaces so a value cannot add headers', () => {
    const encoded = encodeHeaderValue('x.csv\r\nBcc: victim@example.com', 7);
    expect(encoded).not.toMatch(/\r\nBcc:/);
    expect(decodeHeader(encoded)).toBe('x.csv Bcc: victim@example.com');
  });
});

describe('buildMime', () => {
  const msg = {
    from: 'imports@example.com',
    fromName: 'Lead import',
    to: 'ops@example.com',
    subject: 'Import of Liste_Größe.csv → Frühling',
    text: 'Hallo Jürgen.\nLink: https://x.example/imports/imp_1?exp=1&sig=ab\n',
    html: '<p>Hallo J&uuml;rgen — <a href="https://x.example/?a=1&amp;b=2">open</a></p>',
    date: new Date(Date.UTC(2026, 11, 2, 3, 21, 0)),
  };

  it('writes multipart/alternative with a text and an HTML part that decode to the input', () => {
    const raw = buildMime(msg);
    const mail = decodeMail(raw);
    expect(mail.headers['mime-version']).toBe('1.0');
    expect(mail.headers['from']).toBe('"Lead import" <imports@example.com>');
    expect(mail.headers['to']).toBe('ops@example.com');
    expect(mail.headers['date']).toBe('Wed, 02 Dec 2026 03:21:00 +0000');
    expect(mail.headers['message-id']).toMatch(/^<[0-9a-f]{32}@example\.com>$/);
    expect(mail.headers['content-type']).toMatch(/^multipart\/alternative;\s+boundary="=_/);
    expect(mail.subject).toBe(msg.subject);
    expect(mail.text).toBe(msg.text);
    expect(mail.html).toBe(msg.html);
    // Text first, HTML last: clients show the last alternative they can render.
    expect(raw.indexOf('text/plain')).toBeLessThan(raw.indexOf('text/html'));
  });

  it('uses CRLF only, 7-bit ASCII only, and no line over 78 characters', () => {
    const raw = buildMime({ ...msg, text: 'ü'.repeat(500), subject: 'ö'.repeat(200) });
    expect(raw).not.toMatch(/[^\r]\n/);
    expect(raw).toMatch(/^[\x00-\x7f]*$/);
    for (const line of lines(raw)) expect(line.length).toBeLessThanOrEqual(78);
  });

  it('uses a new Message-ID and boundary for every message', () => {
    const a = decodeMail(buildMime(msg)).headers;
    const b = decodeMail(buildMime(msg)).headers;
    expect(a['message-id']).not.toBe(b['message-id']);
    expect(a['content-type']).not.toBe(b['content-type']);
  });
});

describe('completion email content', () => {
  const view: ImportView = {
    id: 'imp_1',
    campaignId: 'cmp_1',
    fileName: '<img src=x onerror=alert(1)>.csv',
    status: 'completed',
    ignoreErrors: true,
    onExisting: 'skip',
    mappingSource: 'automatic',
    createdRows: 6,
    updatedRows: 0,
    unchangedRows: 0,
    undoneRows: 0,
    undoDeletedRows: 0,
    undoRestoredRows: 0,
    undoSkippedRows: 0,
    totalRows: 10,
    validatedRows: 10,
    processedRows: 10,
    importedRows: 6,
    failedRows: 4,
    errorCounts: { PHONE_INVALID: 3, DUPLICATE_IN_FILE: 1 },
    failure: null,
    createdAt: '2026-12-02T03:00:00.000Z',
    finishedAt: '2026-12-02T03:01:00.000Z',
    encoding: 'utf-8',
    warnings: [],
  };
  const links = {
    importUrl: 'https://app.example.com/imports/imp_1?exp=1&sig=aa',
    reportUrl: 'https://app.example.com/api/v1/links/imports/imp_1/errors.csv?exp=1&sig=bb',
    leadsUrl: 'https://app.example.com/api/v1/links/imports/imp_1/leads.csv?exp=1&sig=cc',
  };

  it('gives the same facts in text and HTML, with guidance for each frequent error and the three links', () => {
    const mail = composeImportEmail(view, 'Spring "VIP" & friends', links);
    for (const fact of [/Imported: 6/, /Failed: 4/, /PHONE_INVALID: 3 rows/, /DUPLICATE_IN_FILE: 1 row\b/, /How to fix: Use international format/]) expect(mail.text).toMatch(fact);
    expect(mail.text).toContain('Campaign: Spring "VIP" & friends');
    for (const url of Object.values(links)) {
      expect(mail.text).toContain(url);
      expect(mail.html).toContain(`href="${url.replace(/&/g, '&amp;')}"`);
    }
    expect(mail.html).toMatch(/<th[^>]*>Imported<\/th><td[^>]*>6<\/td>/);
    expect(mail.html).toMatch(/<th[^>]*>Failed<\/th><td[^>]*>4<\/td>/);
    expect(mail.html).toContain('How to fix: Use international format');
    for (const label of ['Open the import', 'Download the error report (CSV)', 'Download the imported leads (CSV)']) expect(mail.html).toContain(`>${label}</a>`);
  });

  it('escapes the file and campaign names in HTML', () => {
    const mail = composeImportEmail(view, '<script>x()</script>', links);
    expect(mail.html).not.toContain('<img src=x');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;.csv');
    expect(mail.html).toContain('&lt;script&gt;x()&lt;/script&gt;');
  });

  it('leaves out the error report link when no row failed', () => {
    const mail = composeImportEmail({ ...view, failedRows: 0, importedRows: 10, errorCounts: {} }, 'Spring', links);
    expect(mail.text).not.toContain(links.reportUrl);
    expect(mail.html).not.toContain('errors.csv');
    expect(mail.html).toContain('leads.csv');
  });
});
