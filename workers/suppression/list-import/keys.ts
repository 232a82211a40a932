/** R2 keys of a background list import, under its workspace: `ws/<workspace>/suppression-imports/<import>/…`. */
export function listImportPrefix(workspaceId: string, importId: string): string {
  return `ws/${workspaceId}/suppression-imports/${importId}/`;
}

const part = (n: number) => String(n).padStart(6, '0');

export const listImportKeys = {
  /** The file's rows, one chunk of the reader's batches ({v, index, rows}). */
  chunk: (ws: string, id: string, n: number) => `${listImportPrefix(ws, id)}chunks/${part(n)}.json`,
  /** The chunk's rows that were not numbers, as report lines (CSV, no header). */
  errors: (ws: string, id: string, n: number) => `${listImportPrefix(ws, id)}errors/${part(n)}.csv`,
};
