/**
 * Rules of the code's structure that the compiler cannot check: HTTP stays at the edge (domain code
 * throws coded refusals, never the API's ApiError) and file-error texts come from the catalogue.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sources(path));
    else if (/\.(ts|svelte)$/.test(entry.name) && !/\.test\.ts$|\.d\.ts$/.test(entry.name)) out.push(path);
  }
  return out;
}

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

describe('HTTP at the edge', () => {
  it('no module outside workers/api imports the API error (domain code throws a Refusal)', () => {
    const offenders = sources('workers')
      .filter((f) => !f.startsWith(join('workers', 'api')))
      .filter((f) => /import[^;]*\bApiError\b[^;]*from/.test(read(f)) || /api\/errors\.ts'/.test(read(f)));
    expect(offenders).toEqual([]);
  });

  it('finds an offender when there is one (the scan is not vacuous)', () => {
    expect(/import[^;]*\bApiError\b[^;]*from/.test("import { ApiError } from '../api/errors.ts';")).toBe(true);
    expect(sources('workers').length).toBeGreaterThan(100);
  });
});

describe('file-error texts from the catalogue', () => {
  const FILE_CODE = /code:\s*'(FILE_UNSUPPORTED|FILE_CORRUPT|FILE_EMPTY|FILE_TOO_LARGE|NO_PHONE_COLUMN|DUPLICATE_COLUMN|TOO_MANY_COLUMNS|TOO_MANY_ROWS)',\s*message:\s*[`'"]/;
  const CATALOGUE = join('src', 'lib', 'validate', 'file-messages.ts');

  it('no module writes a file error with a text of its own', () => {
    const offenders = [...sources('src'), ...sources('workers')].filter((f) => f !== CATALOGUE && FILE_CODE.test(read(f)));
    expect(offenders.map((f) => relative('.', f))).toEqual([]);
  });

  it('recognises a hand-written one', () => {
    expect(FILE_CODE.test("post({ error: { code: 'FILE_EMPTY', message: 'The file is empty.' } })")).toBe(true);
  });
});
