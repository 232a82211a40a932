/**
 * One uploaded file (request body, or an R2 object from a multipart upload) into an import: the
 * CSV is streamed and split into chunks (by rows and by bytes) as it arrives, each chunk queued for
 * validation at once; a file that fits one chunk of at most 1,000 rows runs inline and answers
 * with its final state.
 */
import type { Actor } from '../auth/principal.ts';
import { envNumber, type Env } from '../env.ts';
import type { AssistantConfig, SourceRow } from '../../src/lib/types.ts';
import { headlessMapping } from '../../src/lib/map/headless-mapping.ts';
import { savedMappingFor } from '../mappings/saved-mappings.ts';
import { intake } from '../intake/intake.ts';
import { putChunk } from '../chunk/put-chunk.ts';
import { createImport } from './create-import.ts';
import { runInline } from './run-inline.ts';
import { coordinator } from '../coordinator/coordinator.ts';
import { FileReadError, isFileReadError } from '../../src/lib/parse/errors.ts';
import { ImportUnavailableError } from './errors.ts';
import { Refusal } from '../refusal.ts';
import { checkColumns } from './check-columns.ts';
import type { ImportView, ImportWarning, OnExisting } from '../../src/lib/import-view.ts';
import { encodingWarnings } from '../../src/lib/parse/encoding/warnings.ts';
import { setImportEncoding } from '../imports/imports.ts';

export interface ImportFileInput {
  workspaceId: string;
  campaign: { id: string; defaultCountry: string | null };
  assistant: { variables: AssistantConfig['variables']; secondaryVariables: AssistantConfig['secondaryVariables'] };
  /** `encoding`: the WHATWG name the client gave (encoding=<label>, resolved); absent: detected. */
  options: { ignoreErrors: boolean; onExisting?: OnExisting; notifyEmail?: string; fileName?: string; sheet?: string; headerRow?: number; encoding?: string };
  body: ReadableStream<Uint8Array>;
  /** The body's declared size, when known (a workbook declared past its limit is refused unread). */
  declaredBytes?: number;
  /** Who sent the file (the audit log). */
  actor?: Actor;
}

/** What the headless answer adds to the import: columns that go nowhere, the header row taken, and the remembered mapping applied. */
export interface ImportFileExtras {
  unknownColumns: string[];
  /** The 1-based file row taken as the header (blank lines counted). */
  headerRow: number;
  /** The saved mapping applied when `mappingSource` is `remembered`; null otherwise. */
  rememberedMapping: { id: string; fileName: string; savedAt: string } | null;
}

export async function importFile(env: Env, input: ImportFileInput): Promise<{ status: 201 | 202; view: ImportView & ImportFileExtras }> {
  const { workspaceId, campaign, options } = input;
  const assistant: AssistantConfig = { variables: input.assistant.variables, secondaryVariables: input.assistant.secondaryVariables };
  let importId: string | null = null;
  try {
    const upload = await intake(env, input.body, {
      fileName: options.fileName,
      sheet: options.sheet,
      header: { assistant, headerRow: options.headerRow },
      encoding: options.encoding,
      declaredBytes: input.declaredBytes,
    });
    /** The encoding recorded with the import, and its warning when it was a guess (none for workbooks). */
    const readAs = () => {
      const d = upload.detection();
      return { encoding: d?.encoding ?? null, warnings: encodingWarnings(d) };
    };
    // Set when the import is created (a cast, not a narrowed null: start() assigns it).
    let recorded = null as ReturnType<typeof readAs> | null;
    // Same request, same result: the automatic mapping, or this campaign's mapping for these very headers.
    const saved = await savedMappingFor(env, workspaceId, campaign.id, upload.headers);
    const { mapping, mappingSource } = headlessMapping(upload.headers, assistant, saved);
    const check = checkColumns(upload.headers, mapping, assistant);
    const fileName = options.fileName ?? `upload.${upload.kind}`;
    const extras = (): ImportFileExtras => ({
      unknownColumns: check.unknownColumns,
      headerRow: (upload.header?.index ?? 0) + 1,
      rememberedMapping: saved && mappingSource === 'remembered' ? { id: saved.id, fileName: saved.fileName, savedAt: saved.savedAt } : null,
    });
    const start = async (inline: boolean) => {
      const config = await createImport(env, {
        workspaceId,
        campaignId: campaign.id,
        assistant,
        defaultCountry: campaign.defaultCountry,
        fileName,
        source: 'api',
        ignoreErrors: options.ignoreErrors,
        onExisting: options.onExisting,
        notifyEmail: options.notifyEmail ?? null,
        headers: upload.headers,
        mapping,
        mappingSource,
        inline,
        actor: input.actor,
        ...(recorded = readAs()),
      });
      importId = config.importId;
      return config.importId;
    };

    // The reader's batches are the chunks (cut by rows and bytes). The first is held until a second
    // arrives: a file that is one small chunk runs inline, anything larger through the queue.
    let chunkIndex = 0;
    let total = 0;
    let first: SourceRow[] | null = null;
    for await (const batch of upload.rows) {
      total += batch.length;
      if (!importId && !first) {
        first = batch;
        continue;
      }
      const id = importId ?? (await start(false));
      if (first) {
        await putChunk(env, workspaceId, id, { v: 1, index: chunkIndex++, rows: first }, true);
        first = null;
      }
      await putChunk(env, workspaceId, id, { v: 1, index: chunkIndex++, rows: batch }, true);
    }
    if (!importId) {
      const inline = total <= envNumber(env, 'INLINE_MAX_ROWS');
      const id = await start(inline);
      await putChunk(env, workspaceId, id, { v: 1, index: chunkIndex++, rows: first! }, !inline);
      if (inline) return { status: 201, view: { ...(await runInline(env, workspaceId, id, chunkIndex)), ...extras() } };
    }
    // A file whose first 64 KB were plain ASCII chose its encoding at its first other byte, maybe after the import was created.
    const final = readAs();
    if (recorded && final.encoding !== recorded.encoding) await recordEncoding(env, importId!, final);
    const { view, missingChunks } = await coordinator(env, importId!).seal(chunkIndex);
    // Every chunk was stored above: one missing now is a store that lost it, not the file's fault.
    if (missingChunks) throw new Error(`${missingChunks} chunks missing at seal`);
    return { status: 202, view: { ...view, ...extras() } };
  } catch (err) {
    throw await failureOf(env, err, importId);
  }
}

/**
 * What a failed import of a file answers, the import (if created) failed with it. Only the readers'
 * errors are the file's fault; anything else is a store that failed (the intake turns a parser's
 * own crash, and the workbook reader's, into FILE_CORRUPT before it gets here).
 */
async function failureOf(env: Env, err: unknown, importId: string | null): Promise<Error> {
  const failure = isFileReadError(err)
    ? new FileReadError(err, importId ? { importId } : err.details)
    : err instanceof Refusal
      ? err
      : new ImportUnavailableError(err, importId);
  if (importId) {
    const code = failure instanceof ImportUnavailableError ? 'SERVICE_UNAVAILABLE' : failure.code;
    // The store that failed may be the coordinator itself: the original failure is the answer either way.
    await coordinator(env, importId).fail(code, failure.message).catch(() => {});
  }
  return failure;
}

/** Records the encoding settled after the import was created, in its D1 row and its coordinator. */
async function recordEncoding(env: Env, importId: string, read: { encoding: string | null; warnings: ImportWarning[] }): Promise<void> {
  await coordinator(env, importId).setEncoding(read.encoding, read.warnings);
  await setImportEncoding(env, importId, read.encoding, read.warnings);
}
