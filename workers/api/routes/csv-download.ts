/** A CSV file answered as a download named after the imported file: `<name>-<suffix>.csv`. */
export function csvDownload(body: ReadableStream | null, fileName: string, suffix: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${downloadName(fileName)}-${suffix}.csv"`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}

/** The file's name without its extension, reduced to characters safe in a header. */
function downloadName(fileName: string): string {
  return fileName.replace(/\.[A-Za-z0-9]+$/, '').replace(/[^A-Za-z0-9_-]+/g, '_').slice(0, 80) || 'import';
}
