/** Small imports (≤ 1000 rows) run every pass inside the request, through the same functions the queue runs. */
import type { Env } from '../env.ts';
import type { Next } from '../coordinator/state.ts';
import type { ImportView } from '../../src/lib/import-view.ts';
import { coordinator } from '../coordinator/coordinator.ts';
import { validatePass } from '../revalidate/validate-pass.ts';
import { writePass } from '../write/write-pass.ts';
import { finalizeImport } from '../report/finalize.ts';
import { failImport } from './fail-import.ts';
import { isQuotaRefusal } from '../quota/refusal.ts';

export async function runInline(env: Env, workspaceId: string, importId: string, chunkCount: number): Promise<ImportView> {
  try {
    const sealed = await coordinator(env, importId).seal(chunkCount);
    // The caller stored every chunk: one missing here is a store that lost it, and the import fails.
    if (sealed.missingChunks) throw new Error(`${sealed.missingChunks} chunks missing at seal`);
    let next: Next = sealed.next;
    const queue: Next[] = [];
    for (let i = 0; i < chunkCount; i++) queue.push(await validatePass(env, workspaceId, importId, i));
    queue.push(next);
    while ((next = queue.shift() ?? { kind: 'none' }) && (next.kind !== 'none' || queue.length)) {
      if (next.kind === 'write') for (const chunk of next.chunks) queue.push(await writePass(env, workspaceId, importId, chunk));
      else if (next.kind === 'finalize') await finalizeImport(env, workspaceId, importId);
    }
  } catch (err) {
    if (isQuotaRefusal(err)) {
      await failImport(env, importId, err.code, err.message);
    } else {
      console.error(`import ${importId}: inline run failed (${err instanceof Error ? err.name : 'error'})`);
      await failImport(env, importId, 'PROCESSING_FAILED', 'The import could not be processed. Nothing was imported twice; retry the import.');
    }
  }
  return coordinator(env, importId).view();
}
