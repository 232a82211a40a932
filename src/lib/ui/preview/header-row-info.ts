import type { HeaderRowInfo } from './protocol.ts';

/** What the wizard shows of the header row: which one, and the first rows to choose from (shortened). */
export function headerRowInfo(index: number, reason: HeaderRowInfo['reason'], records: string[][]): HeaderRowInfo {
  const candidates: HeaderRowInfo['candidates'] = [];
  records.forEach((cells, i) => {
    const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
    if (filled.length && candidates.length < 20) candidates.push({ row: i + 1, cells: filled.slice(0, 6).map((c) => (c.length > 40 ? `${c.slice(0, 39)}…` : c)) });
  });
  return { row: index + 1, reason, candidates };
}
