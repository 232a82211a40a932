/**
 * The suppression page's worker: reads a chosen list with the lead wizard's file reader (same
 * parsers and limits), or a registry download with the server's line reader, previews it (list-preview.ts) off the main thread, and lists the countries
 * the phone normaliser knows (its metadata stays out of the page's bundle).
 */
import { getCountries } from 'libphonenumber-js/core';
import { isFileReadError } from '../../parse/errors.ts';
import { FILE_ERRORS } from '../../validate/file-messages.ts';
import { METADATA } from '../../validate/phone-plans.ts';
import { readFile, type RowSink } from '../preview/read-file.ts';
import { createListPreview, type ListPreview } from './list-preview.ts';
import { isRegistryFile, readRegistryFile } from './read-registry-file.ts';
import type { FromListWorker, ToListWorker } from './protocol.ts';

const post = (m: FromListWorker) => (self as unknown as Worker).postMessage(m);

async function preview(id: number, file: File, defaultCountry: string): Promise<void> {
  let list: ListPreview | null = null;
  let taken = 0;
  let failed = false;
  const sink: RowSink = {
    get taken() {
      return taken;
    },
    begin(headers) {
      list = createListPreview(headers, defaultCountry);
    },
    take(batch) {
      taken += batch.length;
      list?.take(batch);
    },
    backpressure: () => Promise.resolve(),
    post(m) {
      if (m.type === 'progress') post({ type: 'progress', id, bytesRead: m.bytesRead, totalBytes: m.totalBytes, rowsRead: m.rowsRead });
      else if (m.type === 'sheets') post({ type: 'sheet', id, sheet: m.sheet });
      else if (m.type === 'failed') {
        failed = true;
        post({ type: 'failed', id, error: m.error });
      }
    },
  };
  const registry = await isRegistryFile(file).catch(() => false);
  try {
    if (registry) {
      await readRegistryFile(file, {
        begin: (headers) => sink.begin(headers),
        take: (batch) => sink.take(batch),
        progress: (bytesRead, rowsRead) => post({ type: 'progress', id, bytesRead, totalBytes: file.size, rowsRead }),
      });
    } else await readFile(file, undefined, sink);
  } catch (e) {
    if (isFileReadError(e)) post({ type: 'failed', id, error: { code: e.code, message: e.message } });
    else post({ type: 'failed', id, error: FILE_ERRORS.unreadable() });
    return;
  }
  if (failed) return;
  const done = list as ListPreview | null;
  if (!done) {
    post({ type: 'failed', id, error: FILE_ERRORS.empty() });
    return;
  }
  const report = done.report();
  post({ type: 'done', id, summary: { ...done.summary(registry ? 'registry' : 'table') }, report: report === null ? null : new Blob([report], { type: 'text/csv;charset=utf-8' }) });
}

self.onmessage = (e: MessageEvent<ToListWorker>) => {
  const m = e.data;
  if (m.type === 'countries') post({ type: 'countries', countries: getCountries(METADATA) as string[] });
  else void preview(m.id, m.file, m.defaultCountry);
};
