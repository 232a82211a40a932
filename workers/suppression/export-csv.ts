/**
 * GET /suppressions.csv: the whole list (expired entries included, with their expires_at), streamed
 * in phone-number order (a number in two sources on two lines, its source last), cells safe against
 * formula injection. It re-imports as is through POST /suppressions/import (created_at and source
 * are ignored there: a re-imported entry is created anew in the source the import names).
 */
import type { Env } from '../env.ts';
import { escapeCsvCell } from '../../src/lib/report/csv-cell.ts';
import { suppressionStore } from './store.ts';

export const SUPPRESSION_CSV_HEADERS = ['phone_number', 'reason', 'expires_at', 'created_at', 'source'] as const;

export function suppressionsCsv(env: Env, workspaceId: string): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const pages = suppressionStore(env, workspaceId).all();
  let header = false;
  return new ReadableStream({
    async pull(controller) {
      const lines: string[] = [];
      if (!header) {
        header = true;
        lines.push('\uFEFF' + SUPPRESSION_CSV_HEADERS.join(',') + '\r\n');
      }
      const next = await pages.next();
      if (!next.done) {
        for (const s of next.value) {
          lines.push([s.phoneNumber, s.reason ?? '', s.expiresAt ?? '', s.createdAt, s.source].map(escapeCsvCell).join(',') + '\r\n');
        }
      }
      if (lines.length) controller.enqueue(encoder.encode(lines.join('')));
      if (next.done) controller.close();
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}
