import { describe, expect, it } from 'vitest';
import { nextCell } from '../utils/grid-keys.ts';

const caret = (value: string, at: number) => ({ value, selectionStart: at, selectionEnd: at });
const columns = [0, 2, 3];

describe('nextCell', () => {
  it('moves up and down in the same column, within the rows shown; Enter moves down, Shift+Enter up', () => {
    expect(nextCell({ key: 'ArrowDown' }, caret('a', 0), 4, 2, columns, 10)).toEqual({ position: 5, column: 2 });
    expect(nextCell({ key: 'ArrowDown' }, caret('a', 0), 9, 2, columns, 10)).toBeNull();
    expect(nextCell({ key: 'ArrowUp' }, caret('a', 0), 0, 2, columns, 10)).toBeNull();
    expect(nextCell({ key: 'Enter' }, caret('a', 1), 4, 2, columns, 10)).toEqual({ position: 5, column: 2 });
    expect(nextCell({ key: 'Enter', shiftKey: true }, caret('a', 1), 4, 2, columns, 10)).toEqual({ position: 3, column: 2 });
  });

  it('leaves a cell sideways only from the start or the end of its text, to the next shown column', () => {
    expect(nextCell({ key: 'ArrowRight' }, caret('abc', 1), 4, 2, columns, 10)).toBeNull();
    expect(nextCell({ key: 'ArrowRight' }, caret('abc', 3), 4, 2, columns, 10)).toEqual({ position: 4, column: 3 });
    expect(nextCell({ key: 'ArrowRight' }, caret('abc', 3), 4, 3, columns, 10)).toBeNull();
    expect(nextCell({ key: 'ArrowLeft' }, caret('abc', 0), 4, 2, columns, 10)).toEqual({ position: 4, column: 0 });
    expect(nextCell({ key: 'ArrowLeft', ctrlKey: true }, caret('abc', 0), 4, 2, columns, 10)).toBeNull();
    expect(nextCell({ key: 'a' }, caret('abc', 0), 4, 2, columns, 10)).toBeNull();
  });
});
