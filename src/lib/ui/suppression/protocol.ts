/** Messages between the suppression page and its list-preview Web Worker. `id` ties answers to the request. */
import type { FileError } from '../../types.ts';
import type { ListPreviewSummary } from './list-preview.ts';

export type ToListWorker =
  | { type: 'countries' }
  | { type: 'preview'; id: number; file: File; defaultCountry: string };

export type FromListWorker =
  | { type: 'countries'; countries: string[] }
  | { type: 'progress'; id: number; bytesRead: number; totalBytes: number; rowsRead: number }
  | { type: 'sheet'; id: number; sheet: string }
  /** The whole file read; `report` is the CSV of the rows that are not numbers (null when every row is). */
  | { type: 'done'; id: number; summary: ListPreviewSummary; report: Blob | null }
  | { type: 'failed'; id: number; error: FileError };
