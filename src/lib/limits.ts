/** Limits applied before work, in the browser and again in the Worker. The README lists them. */
export const LIMITS = {
  /** Largest CSV accepted (bytes). Files past Cloudflare's request cap go through multipart upload. */
  maxCsvBytes: 512 * 1024 * 1024,
  /** Largest Excel workbook accepted by the Worker (bytes); the browser reads larger ones itself. */
  maxExcelBytesServer: 20 * 1024 * 1024,
  /** Largest Excel workbook the browser will open. */
  maxExcelBytesBrowser: 200 * 1024 * 1024,
  /** Largest uncompressed XML inside an XLSX the browser opens (zip bomb guard). */
  maxXlsxUncompressedBytes: 256 * 1024 * 1024,
  /** The same in the Worker, whose isolate has 128 MB for every request it serves. */
  maxXlsxUncompressedBytesServer: 48 * 1024 * 1024,
  maxRows: 1_048_576,
  maxColumns: 200,
  maxCellLength: 10_000,
  maxSecondaryContacts: 10,
  /** Rows per chunk stored in R2 and named by one queue message. */
  chunkRows: 5_000,
  /** Largest chunk body accepted from the browser (bytes). */
  maxChunkBytes: 8 * 1024 * 1024,
  /** Imports of at most this many rows finish inline, larger ones run in the background. */
  inlineMaxRows: 1_000,
  /** Largest JSON body of an API request (bytes), refused before it is parsed. */
  maxJsonBodyBytes: 1024 * 1024,
  /** Largest browser import creation body (bytes): it carries the file's header row (200 columns). */
  maxImportCreateBytes: 4 * 1024 * 1024,
  /** Entries in a workspace's list of addresses that may receive import emails. */
  maxNotifyEmails: 100,
} as const;
