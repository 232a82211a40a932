/** One CSV cell for a file opened in Excel: quoted when needed and neutralised against formula injection, reversibly. */

/**
 * A cell Excel would run as a formula starts with `=`, `+`, `-`, `@`, tab or CR. Such a cell is
 * written with one extra leading `'`; so is a cell that already starts with `'`s before one of
 * those characters, which keeps writing and reading exact inverses for every string.
 */
const NEEDS_NEUTRALISER = /^'*[=+\-@\t\r]/;
const HAS_NEUTRALISER = /^'+[=+\-@\t\r]/;
/** Quote when the cell holds a quote, a line break, any delimiter a reader might guess, or edge whitespace. */
const NEEDS_QUOTES = /[",;\t|\r\n]|^\s|\s$/;

/** Prefixes `'` to a cell Excel would otherwise evaluate as a formula (`+14155551234` → `'+14155551234`). */
export function neutraliseFormula(text: string): string {
  return NEEDS_NEUTRALISER.test(text) ? `'${text}` : text;
}

/** The inverse of neutraliseFormula, applied to every cell read from CSV: `'+14155551234` → `+14155551234`. */
export function stripNeutraliser(text: string): string {
  return text.charCodeAt(0) === 39 /* ' */ && HAS_NEUTRALISER.test(text) ? text.slice(1) : text;
}

/** A cell as CSV text (comma-delimited): neutralised, then quoted with `"` doubled when needed. */
export function escapeCsvCell(text: string): string {
  const cell = neutraliseFormula(text);
  return NEEDS_QUOTES.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

/**
 * A cell neutralised and always quoted. A line of two or more such cells is malformed CSV under
 * any delimiter but the comma, so a reader that guesses the delimiter always picks the comma.
 */
export function quoteCsvCell(text: string): string {
  return `"${neutraliseFormula(text).replaceAll('"', '""')}"`;
}
