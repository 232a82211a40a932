/**
 * The download layouts of do-not-call registries: one number a line (`2125550123`), or area code
 * and number (`212,5550123`). Such a file has no header row; it is told from a spreadsheet list by
 * its first lines, and each line is read as one phone cell (the area code joined to the number), so
 * the list import's rows, checks and report work on it unchanged. Pure.
 */

import { findListColumns } from './list-columns.ts';

/** One number a line: digits only (7 to 15, a `+` allowed in front). */
const NUMBER_LINE = /^\+?\d{7,15}$/;
/** Area code, comma, the seven-digit number (NPA,NNNNNNN). */
const NPA_LINE = /^(\d{3})[ \t]*,[ \t]*(\d{7})$/;

/** The header a registry file's rows are read under (and its report is written with). */
export const REGISTRY_HEADERS: readonly string[] = ['phone_number'];

/** Non-blank lines looked at to decide the layout. */
const SAMPLE_LINES = 20;
/** Share of those lines that must be numbers. */
const SAMPLE_SHARE = 0.5;

/** The phone cell of a registry line: the number (area code joined), or the line as written when it is no number; null for a blank line. */
export function registryCell(line: string): string | null {
  const text = line.trim();
  if (text === '') return null;
  const npa = NPA_LINE.exec(text);
  return npa ? npa[1]! + npa[2]! : text;
}

/** Whether a line is a number in one of the registry layouts. */
export function isRegistryLine(line: string): boolean {
  const text = line.trim();
  return NUMBER_LINE.test(text) || NPA_LINE.test(text);
}

/**
 * Whether a text file is in a registry layout, from its first bytes as text (`complete`: the whole
 * file, so its last line is whole too): at least half of its first non-blank lines are numbers, and
 * its first line is not a header row that names a phone column (`phone_number`, `Mobile`…: a list
 * with columns). A title line above the numbers is then one more line that is not a number.
 */
export function isRegistryLayout(head: string, complete: boolean): boolean {
  const lines = head.replace(/^\uFEFF/, '').split('\n');
  if (!complete) lines.pop();
  const sample: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    sample.push(line);
    if (sample.length === SAMPLE_LINES) break;
  }
  if (!sample.length || sample.filter(isRegistryLine).length < sample.length * SAMPLE_SHARE) return false;
  return isRegistryLine(sample[0]!) || findListColumns(sample[0]!.split(/[,;\t|]/).map((h) => h.trim().replace(/^"|"$/g, ''))).phoneIndex < 0;
}
