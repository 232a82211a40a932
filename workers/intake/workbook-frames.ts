/**
 * What the workbook reader Worker sends back over RPC: a byte stream of frames, one JSON object a
 * line (JSON text never holds a raw line break). First the head (headers, sheet, header row taken),
 * then the rows as chunk-sized batches; or, at any point, the file's error, which ends the stream.
 */
import type { FileErrorCode } from '../../src/lib/codes.ts';
import type { HeaderRowChoice } from '../../src/lib/map/header-row.ts';
import type { ChunkBudget } from '../../src/lib/chunk/cut.ts';
import type { AssistantConfig, SourceRow } from '../../src/lib/types.ts';

/** What the API asks the reader for (plain data: it crosses the service binding). */
export interface WorkbookRequest {
  sheet?: string;
  /** Header row detection for this assistant, or the row named (headerRow, 1-based); without it, the first non-blank row. */
  header?: { assistant: AssistantConfig; headerRow?: number };
  /** How the rows are cut into batches (the chunks stored). */
  budget: ChunkBudget;
  /** Data rows the sheet may have (TOO_MANY_ROWS past it; default LIMITS.maxRows). */
  maxRows?: number;
}

export type WorkbookFrame =
  | { t: 'head'; headers: string[]; sheet: string; header: HeaderRowChoice | null }
  | { t: 'rows'; rows: SourceRow[] }
  | { t: 'error'; code: FileErrorCode; message: string };

const encoder = new TextEncoder();

export function encodeFrame(frame: WorkbookFrame): Uint8Array {
  return encoder.encode(JSON.stringify(frame) + '\n');
}

/** Reads a reader's stream frame by frame; `cancel` ends it at once, also while a read is waiting. */
export class FrameReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  /** Text received after the last complete frame, in pieces (a frame of a few MB arrives in many reads). */
  private pieces: string[] = [];
  /** Complete frames received and not yet taken. */
  private ready: string[] = [];

  constructor(stream: ReadableStream<Uint8Array>) {
    this.reader = stream.getReader();
  }

  /** The next frame; null at the end. Throws when the stream breaks or ends inside a frame. */
  async next(): Promise<WorkbookFrame | null> {
    while (this.ready.length === 0) {
      const { done, value } = await this.reader.read();
      if (done) {
        if (this.pieces.join('') + this.decoder.decode() !== '') throw new Error('the workbook reader stopped inside a frame');
        return null;
      }
      const text = this.decoder.decode(value, { stream: true });
      // Only the new text is searched for line breaks: linear in the stream's length.
      let from = 0;
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', from)) {
        this.pieces.push(text.slice(from, end));
        this.ready.push(this.pieces.join(''));
        this.pieces = [];
        from = end + 1;
      }
      if (from < text.length) this.pieces.push(text.slice(from));
    }
    return JSON.parse(this.ready.shift()!) as WorkbookFrame;
  }

  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => {});
  }
}
