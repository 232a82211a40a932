/**
 * A cell without the white space at its ends, as String.prototype.trim gives it: the cell itself,
 * without a call, when it starts and ends with a printable ASCII character (the common case on
 * every row); `''` for a missing cell. Pure.
 */
export function trimmedCell(cell: string | undefined): string {
  if (cell === undefined || cell === '') return '';
  const a = cell.charCodeAt(0);
  const z = cell.charCodeAt(cell.length - 1);
  return a > 32 && a < 127 && z > 32 && z < 127 ? cell : cell.trim();
}
