/**
 * About how many rows a file holds, from its size and its first rows' size as packed JSON, at most
 * the row limit: a guess, used only to size the preview's tables once (the worker's duplicate
 * index, the page's per-row arrays) instead of doubling them — copies of megabytes — while a
 * million rows arrive. JSON is longer than the file's text (quotes around every cell: 106 against
 * 83 bytes a row in the bench's file), so half as much again is allowed: an estimate still short
 * only means one doubling later, one too long costs about ten bytes a row never used.
 */
import { LIMITS } from '../../limits.ts';

export function expectedRows(fileBytes: number, jsonBytesPerRow: number): number {
  return jsonBytesPerRow > 0 ? Math.min(LIMITS.maxRows, Math.ceil((1.5 * fileBytes) / jsonBytesPerRow)) : 0;
}
