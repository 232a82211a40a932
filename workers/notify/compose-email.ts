/** The completion email: file, campaign, counts, the most frequent errors and links. No lead data. */
import type { ImportView } from '../../src/lib/import-view.ts';

export interface EmailLinks {
  importUrl: string;
  reportUrl: string;
  leadsUrl: string;
}

export function composeImportEmail(view: ImportView, campaignName: string, links: EmailLinks) {
  const top = Object.entries(view.errorCounts)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 5);
  const outcome =
    view.status === 'completed' ? 'completed' : view.status === 'cancelled' ? 'was cancelled' : 'failed';
  const subject = `Lead import ${outcome}: ${view.fileName} → ${campaignName} (${view.importedRows} imported, ${view.failedRows} failed)`;
  const lines = [
    `Your lead import ${outcome}.`,
    '',
    `File: ${view.fileName}`,
    `Campaign: ${campaignName}`,
    `Rows in file: ${view.totalRows}`,
    `Imported: ${view.importedRows}`,
    `Failed: ${view.failedRows}`,
  ];
  if (view.failure) lines.push('', `Reason: ${view.failure.message}`);
  if (top.length) {
    lines.push('', 'Most frequent errors:');
    for (const [code, n] of top) lines.push(`  ${code}: ${n} row${n === 1 ? '' : 's'}`);
  }
  lines.push('', `Import: ${links.importUrl}`);
  if (view.failedRows > 0) lines.push(`Error report (fix the rows and import this file again): ${links.reportUrl}`);
  lines.push(`Imported leads: ${links.leadsUrl}`);
  return { subject, text: lines.join('\n') + '\n' };
}
