/**
 * Keyboard moves in the preview grid, as in a spreadsheet: up and down keep the column, Enter saves
 * and moves down, left and right leave a cell only from the start or end of its text.
 */
export interface CellKey {
  key: string;
  shiftKey?: boolean;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
}

/** Where the caret is in the cell's input (null when its type has none). */
export interface Caret {
  value: string;
  selectionStart: number | null;
  selectionEnd: number | null;
}

/**
 * The cell to move to from (position, column), or null to let the key do what it does in the
 * input. `columns`: the columns shown, in order; `rows`: how many rows the grid shows.
 */
export function nextCell(e: CellKey, caret: Caret, position: number, column: number, columns: readonly number[], rows: number): { position: number; column: number } | null {
  if (position < 0 || e.altKey || e.ctrlKey || e.metaKey) return null;
  const k = columns.indexOf(column);
  const start = caret.selectionStart === 0 && caret.selectionEnd === 0;
  const end = caret.selectionStart === caret.value.length && caret.selectionEnd === caret.value.length;
  switch (e.key) {
    case 'ArrowDown':
      return position + 1 < rows ? { position: position + 1, column } : null;
    case 'ArrowUp':
      return position > 0 ? { position: position - 1, column } : null;
    case 'Enter':
      if (e.shiftKey) return position > 0 ? { position: position - 1, column } : null;
      return position + 1 < rows ? { position: position + 1, column } : null;
    case 'ArrowLeft':
      return start && k > 0 ? { position, column: columns[k - 1]! } : null;
    case 'ArrowRight':
      return end && k >= 0 && k + 1 < columns.length ? { position, column: columns[k + 1]! } : null;
    default:
      return null;
  }
}
