/**
 * How a file column is named to people: in error messages, in the mapping step and in the preview
 * grid. One spelling everywhere, so an error names the column the user sees.
 */

/** The name of a column whose header is blank: "(unnamed column 3)" for the third column. */
export const unnamedColumnLabel = (index: number): string => `(unnamed column ${index + 1})`;

/** A header as named in messages and lists: trimmed, and a blank one named by its position. */
export function columnLabel(headers: readonly string[], index: number): string {
  const header = (headers[index] ?? '').trim();
  return header === '' ? unnamedColumnLabel(index) : header;
}
