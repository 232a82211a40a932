/** undo-report.csv: the leads an undo left as they were (phone_number, reason, changed_by_import), cells safe against formula injection. */
import type { Env } from '../env.ts';
import { undoSkips } from '../leads/changes.ts';
import { escapeCsvCell } from '../../src/lib/report/csv-cell.ts';

const PAGE = 1_000;

export function undoReportCsv(env: Env, workspaceId: string, importId: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let after = 0;
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode('phone_number,reason,changed_by_import\r\n'));
        return;
      }
      const page = await undoSkips(env, workspaceId, importId, after, PAGE);
      if (page.length) {
        const lines = page.map((s) => [s.phoneNumber, s.reason, s.changedByImport ?? ''].map(escapeCsvCell).join(',') + '\r\n');
        controller.enqueue(encoder.encode(lines.join('')));
        after = page[page.length - 1]!.leadId;
      }
      if (page.length < PAGE) controller.close();
    },
  });
}
