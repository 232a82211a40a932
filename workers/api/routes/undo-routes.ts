/** Undoing an import, and the report of the leads an undo left as they were. */
import { Hono } from 'hono';
import { ApiError } from '../errors.ts';
import { requestUndo } from '../../undo/request-undo.ts';
import { undoReportCsv } from '../../undo/undo-report-csv.ts';
import { findImport, rowToView } from '../../imports/imports.ts';
import { csvDownload } from './csv-download.ts';
import { actor, can } from '../middleware/can.ts';
import type { AppEnv } from '../app-env.ts';

export const undoRoutes = new Hono<AppEnv>()
  /** Undo: deletes the leads the import created and restores the ones it updated (202; 200 once undone). */
  .post('/:id/undo', can('imports.write'), async (c) => {
    const workspaceId = c.get('workspaceId');
    const row = await findImport(c.env, workspaceId, c.req.param('id'));
    const outcome = await requestUndo(c.env, row, Date.now(), actor(c));
    return c.json(rowToView(await findImport(c.env, workspaceId, row.id)), outcome === 'done' ? 200 : 202);
  })
  /** The leads an undo left as they were, because a later import changed them. */
  .get('/:id/undo-report.csv', can('imports.read'), async (c) => {
    const workspaceId = c.get('workspaceId');
    const row = await findImport(c.env, workspaceId, c.req.param('id'));
    if (row.changesDeletedAt) throw new ApiError(410, 'UNDO_EXPIRED', "This import's change records have been deleted (their lifetime is over), and its undo report with them.");
    if (row.status !== 'undoing' && row.status !== 'undone') throw new ApiError(404, 'REPORT_NOT_READY', 'This import has not been undone.');
    return csvDownload(undoReportCsv(c.env, workspaceId, row.id), row.fileName, 'undo-report');
  });
