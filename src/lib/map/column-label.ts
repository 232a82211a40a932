/**
 * How a file column is named to people: in error messages, in the mapping step and in the preview
 * grid. One spelling everywhere, so an error names the column the user sees.
 */

/** Characters a column's name takes in a message at most (a header may have 10,000). */
export const MAX_LABEL_LENGTH = 60;

/** The name of a column whose header is blank: "(unnamed column 3)" for the third column. */
export const unnamedColumnLabel = (index: number): string => `(unnamed column ${index + 1})`;

/**
 * A header as named in messages and lists: trimmed, a blank one named by its position, and a long
 * one cut to MAX_LABEL_LENGTH characters with its position, "Customer notes from the…" (column 7):
 * every row error repeats its column's name, so a name must stay short, and two long headers that
 * begin alike still get different labels.
 */
export function columnLabel(headers: readonly string[], index: number): string {
  const header = (headers[index] ?? '').trim();
  if (header === '') return unnamedColumnLabel(index);
  if (header.length <= MAX_LABEL_LENGTH) return header;
  const where = `… (column ${index + 1})`;
  let keep = MAX_LABEL_LENGTH - where.length;
  // Never cut a character in two (a surrogate pair).
  if (keep > 0 && (header.charCodeAt(keep - 1) & 0xfc00) === 0xd800) keep--;
  return header.slice(0, keep).trimEnd() + where;
}
