/**
 * The completion email, as plain text and HTML with the same facts: file, campaign, counts, the
 * most frequent errors with how to fix them, and signed links to the import, its error report and
 * its imported leads. No lead data. File and campaign names come from users and are escaped.
 * Errors are named as the app names them ("Phone number not valid"), their codes in small print.
 */
import type { ImportView } from '../../src/lib/import-view.ts';
import { errorName } from '../../src/lib/validate/error-names.ts';
import type { ImportLinks } from '../links/urls.ts';

export type EmailLinks = ImportLinks;

export interface ComposedEmail {
  subject: string;
  text: string;
  html: string;
}

const TOP_ERRORS = 5;


export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const fmt = (n: number) => n.toLocaleString('en-US');
const rows = (n: number) => `${fmt(n)} row${n === 1 ? '' : 's'}`;

function outcomeOf(view: ImportView): string {
  return view.status === 'completed' ? 'completed' : view.status === 'cancelled' ? 'was cancelled' : 'failed';
}

export function composeImportEmail(view: ImportView, campaignName: string, links: EmailLinks): ComposedEmail {
  const top = Object.entries(view.errorCounts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_ERRORS);
  const outcome = outcomeOf(view);
  const subject = `Lead import ${outcome}: ${view.fileName} → ${campaignName} (${fmt(view.importedRows)} imported, ${fmt(view.failedRows)} failed)`;
  const hasReport = view.failedRows > 0;
  return { subject, text: plainText(view, campaignName, links, top, outcome, hasReport), html: html(view, campaignName, links, top, outcome, hasReport) };
}

function plainText(view: ImportView, campaignName: string, links: EmailLinks, top: [string, number][], outcome: string, hasReport: boolean): string {
  const lines = [
    `Your lead import ${outcome}.`,
    '',
    `File: ${view.fileName}`,
    `Campaign: ${campaignName}`,
    `Rows in file: ${fmt(view.totalRows)}`,
    `Imported: ${fmt(view.importedRows)}`,
    `Failed: ${fmt(view.failedRows)}`,
  ];
  if (view.failure) lines.push('', `Reason: ${view.failure.message}`);
  if (top.length) {
    lines.push('', 'Most frequent errors:');
    for (const [code, n] of top) {
      const e = errorName(code);
      lines.push(`  ${e.name}: ${rows(n)} (${code})`);
      if (e.guidance) lines.push(`    How to fix: ${e.guidance}`);
    }
  }
  lines.push('', `Open the import: ${links.importUrl}`);
  if (hasReport) lines.push(`Download the error report (fix the rows and import this file again): ${links.reportUrl}`);
  lines.push(`Download the imported leads: ${links.leadsUrl}`);
  lines.push('', 'These links work for 7 days without signing in. Anyone with the email can open them.');
  return lines.join('\n') + '\n';
}

const FONT = "font-family:-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

/** A button that every client draws: a link inside a coloured table cell (Outlook ignores padding on links). */
function button(href: string, label: string, primary: boolean): string {
  const bg = primary ? '#1d4ed8' : '#ffffff';
  const fg = primary ? '#ffffff' : '#1d4ed8';
  return (
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 12px 0"><tr>` +
    `<td style="background:${bg};border:2px solid #1d4ed8;border-radius:6px">` +
    `<a href="${escapeHtml(href)}" style="display:inline-block;padding:10px 18px;${FONT};font-size:15px;font-weight:600;color:${fg};text-decoration:none">${escapeHtml(label)}</a>` +
    `</td></tr></table>`
  );
}

function fact(label: string, value: string): string {
  return (
    `<tr><th scope="row" align="left" style="${FONT};font-size:14px;font-weight:normal;color:#4b5563;padding:4px 16px 4px 0">${escapeHtml(label)}</th>` +
    `<td style="${FONT};font-size:14px;font-weight:600;color:#111827;padding:4px 0">${escapeHtml(value)}</td></tr>`
  );
}

function html(view: ImportView, campaignName: string, links: EmailLinks, top: [string, number][], outcome: string, hasReport: boolean): string {
  const title = `Your lead import ${outcome}`;
  const errors = top.length
    ? `<h2 style="${FONT};font-size:16px;color:#111827;margin:24px 0 8px 0">Most frequent errors</h2>` +
      `<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%">` +
      top
        .map(([code, n]) => {
          const e = errorName(code);
          return (
            `<tr><td style="${FONT};font-size:14px;color:#111827;padding:6px 0;border-top:1px solid #e5e7eb">` +
            `<strong>${escapeHtml(e.name)}</strong>: ${escapeHtml(rows(n))} ` +
            `<code style="font-family:Consolas,Menlo,monospace;font-size:11px;color:#6b7280">${escapeHtml(code)}</code>` +
            (e.guidance ? `<br><span style="color:#4b5563">How to fix: ${escapeHtml(e.guidance)}</span>` : '') +
            `</td></tr>`
          );
        })
        .join('') +
      `</table>`
    : '';
  const failure = view.failure ? `<p style="${FONT};font-size:14px;color:#9b1c1c;margin:16px 0 0 0">Reason: ${escapeHtml(view.failure.message)}</p>` : '';
  return (
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
    `<title>${escapeHtml(title)}</title></head>` +
    `<body style="margin:0;padding:0;background:#f3f4f6">` +
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="100%" style="background:#f3f4f6"><tr><td align="center" style="padding:24px 12px">` +
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0" width="600" style="max-width:600px;width:100%;background:#ffffff;border-radius:8px"><tr><td style="padding:24px">` +
    `<h1 style="${FONT};font-size:20px;color:#111827;margin:0 0 16px 0">${escapeHtml(title)}</h1>` +
    `<table role="presentation" cellpadding="0" cellspacing="0" border="0">` +
    fact('File', view.fileName) +
    fact('Campaign', campaignName) +
    fact('Rows in file', fmt(view.totalRows)) +
    fact('Imported', fmt(view.importedRows)) +
    fact('Failed', fmt(view.failedRows)) +
    `</table>` +
    failure +
    errors +
    `<div style="margin-top:24px">` +
    button(links.importUrl, 'Open the import', true) +
    (hasReport ? button(links.reportUrl, 'Download the error report (CSV)', false) : '') +
    button(links.leadsUrl, 'Download the imported leads (CSV)', false) +
    `</div>` +
    (hasReport ? `<p style="${FONT};font-size:13px;color:#4b5563;margin:8px 0 0 0">Fix the rows in the error report and import that file again as it is.</p>` : '') +
    `<p style="${FONT};font-size:13px;color:#4b5563;margin:16px 0 0 0">These links work for 7 days without signing in. Anyone with this email can open them.</p>` +
    `</td></tr></table></td></tr></table></body></html>`
  );
}
