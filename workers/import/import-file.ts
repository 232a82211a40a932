/**
 * One uploaded file (request body, or an R2 object from a multipart upload) into an import: the
 * CSV is streamed and split into chunks (by rows and by bytes) as it arrives, each chunk queued for
 * validation at once; a file that fits one chunk of at most 1,000 rows runs inline and answers
 * with its final state.
 */
import { envNumber, type Env } from '../env.ts';
import type { AssistantConfig, SourceRow } from '../../src/lib/types.ts';
import { autoMap } from '../../src/lib/map/columns.ts';
import { headerPick, type HeaderRowChoice } from '../../src/lib/map/header-row.ts';
import type { MappingSource } from '../../src/lib/map/remembered.ts';
import { matchMapping, rememberQuietly } from '../mappings/saved-mappings.ts';
import { openUpload, uploadLimits, type UploadKind } from '../chunk/read-upload.ts';
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
  kind: UploadKind;
  body: ReadableStream<Uint8Array>;
}

/** What the headless answer adds to the import: columns that go nowhere, the header row taken, and the remembered mapping applied. */
export interface ImportFileExtras {
  unknownColumns: string[];
  /** The 1-based file row taken as the header (blank lines counted). */
  headerRow: number;
  mappingSource: MappingSource | null;
}

export async function importFile(env: Env, input: ImportFileInput): Promise<{ status: 201 | 202; view: ImportView & ImportFileExtras }> {
  const { workspaceId, campaign, options } = input;
  const assistant: AssistantConfig = { variables: input.assistant.variables, secondaryVariables: input.assistant.secondaryVariables };
  let importId: string | null = null;
  try {
    const taken: HeaderRowChoice = { index: 0, reason: 'first-row' };
    const pick = headerPick(assistant, { headerRow: options.headerRow, onChoice: (choice) => Object.assign(taken, choice) });
    const upload = await openUpload(input.body, input.kind, uploadLimits(env), { sheet: options.sheet, header: pick, encoding: options.encoding });
    /** The encoding recorded with the import, and its warning when it was a guess. */
    const readAs = () => {
      const d = upload.detection();
      return { encoding: d?.encoding ?? null, warnings: encodingWarnings(d) };
    };
    // A mapping remembered for these headers (this campaign's first, then the workspace's) wins over automatic matching.
    const remembered = await matchMapping(env, workspaceId, campaign.id, upload.headers, assistant);
    const mapping = remembered?.mapping ?? autoMap(upload.headers, assistant);
    const check = checkColumns(upload.headers, mapping, assistant);
    const fileName = options.fileName ?? `upload.${input.kind}`;
    const extras = (): ImportFileExtras => ({
      unknownColumns: check.unknownColumns,
      headerRow: taken.index + 1,
      mappingSource: remembered?.source ?? null,
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
        inline,
        ...(recorded = readAs()),
      });
      importId = config.importId;
      await rememberQuietly(env, { workspaceId, campaignId: campaign.id, fileName, headers: upload.headers, mapping });
      return config.importId;
    };

    // The reader's batches are the chunks (cut by rows and bytes). The first is held until a second
    // arrives: a file that is one small chunk runs inline, anything larger through the queue.
    let chunkIndex = 0;
    let total = 0;
    let recorded = null as ReturnType<typeof readAs> | null;
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
 * errors are the file's fault; anything else is a store that failed (openUpload turns a parser's
 * own crash into FILE_CORRUPT before it gets here).
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
