/**
 * The list-preview worker from the page's side: promises for the country list and for one file's
 * preview (a newer preview makes an older one's answer be ignored). The URL must stay relative for
 * Vite to bundle the worker.
 */
import type { FileError } from '../../types.ts';
import { FILE_ERRORS } from '../../validate/file-messages.ts';
import type { ListPreviewSummary } from './list-preview.ts';
import type { FromListWorker, ToListWorker } from './protocol.ts';

export interface PreviewProgress {
  bytesRead: number;
  totalBytes: number;
  rowsRead: number;
}

export interface PreviewResult {
  summary: ListPreviewSummary;
  /** CSV of the rows that are not numbers; null when there are none. */
  report: Blob | null;
  /** The sheet read, for a workbook. */
  sheet: string | null;
}

/** A preview that failed: the file cannot be read (its code and message are for people). */
export class PreviewFailed extends Error {
  override name = 'PreviewFailed';
  constructor(readonly error: FileError) {
    super(error.message);
  }
}

export interface ListWorker {
  countries(): Promise<string[]>;
  /** Resolves with the preview, or null when a newer preview was asked for meanwhile. */
  preview(file: File, defaultCountry: string, onProgress?: (p: PreviewProgress) => void): Promise<PreviewResult | null>;
  stop(): void;
}

export function startListWorker(): ListWorker {
  const worker = new Worker(new URL('./list-preview.worker.ts', import.meta.url), { type: 'module' });
  const send = (msg: ToListWorker) => worker.postMessage(msg);
  let countries: Promise<string[]> | null = null;
  let resolveCountries: ((c: string[]) => void) | null = null;
  let current: {
    id: number;
    sheet: string | null;
    onProgress?: (p: PreviewProgress) => void;
    resolve: (r: PreviewResult | null) => void;
    reject: (e: Error) => void;
  } | null = null;
  let nextId = 1;

  worker.onmessage = (e: MessageEvent<FromListWorker>) => {
    const m = e.data;
    if (m.type === 'countries') {
      resolveCountries?.(m.countries);
      return;
    }
    if (!current || m.id !== current.id) return;
    if (m.type === 'progress') current.onProgress?.(m);
    else if (m.type === 'sheet') current.sheet = m.sheet;
    else if (m.type === 'done') {
      current.resolve({ summary: m.summary, report: m.report, sheet: current.sheet });
      current = null;
    } else {
      current.reject(new PreviewFailed(m.error));
      current = null;
    }
  };
  worker.onerror = (e) => {
    current?.reject(new PreviewFailed(FILE_ERRORS.previewStopped(e.message)));
    current = null;
  };

  return {
    countries() {
      countries ??= new Promise((resolve) => {
        resolveCountries = resolve;
        send({ type: 'countries' });
      });
      return countries;
    },
    preview(file, defaultCountry, onProgress) {
      current?.resolve(null);
      const id = nextId++;
      return new Promise((resolve, reject) => {
        current = { id, sheet: null, onProgress, resolve, reject };
        send({ type: 'preview', id, file, defaultCountry });
      });
    },
    stop() {
      current?.resolve(null);
      current = null;
      worker.terminate();
    },
  };
}
