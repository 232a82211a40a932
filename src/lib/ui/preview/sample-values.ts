/** A few values of a file as read, for the wizard to show next to the encoding: the first cells with letters beyond ASCII, else the first cells with letters. */
import type { SourceRow } from '../../types.ts';

const BEYOND_ASCII = /[^\x00-\x7f]/;
const LETTER = /\p{L}/u;

export function sampleValues(rows: SourceRow[], max = 4): string[] {
  const pick = (test: (cell: string) => boolean) => {
    const out: string[] = [];
    for (const row of rows) {
      for (const cell of row.cells) {
        const value = cell.trim();
        if (!value || !test(value) || out.includes(value)) continue;
        out.push(value.length > 40 ? `${value.slice(0, 39)}…` : value);
        if (out.length >= max) return out;
      }
      if (out.length >= max) break;
    }
    return out;
  };
  const beyond = pick((c) => BEYOND_ASCII.test(c) && LETTER.test(c));
  return beyond.length ? beyond : pick((c) => LETTER.test(c));
}
