/** Worker test files that pass over every workspace's imports run on storage of their own (test/worker/own-storage.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NEEDS_OWN_STORAGE, OWN_STORAGE } from '../worker/own-storage.ts';

const files = readdirSync('test/worker')
  .filter((f) => f.endsWith('.test.ts') && !f.endsWith('.volume.test.ts'))
  .map((f) => `test/worker/${f}`);

describe('Worker test files on shared storage', () => {
  it('none runs retention or the cron trigger: those have storage of their own', () => {
    const needing = files.filter((f) => NEEDS_OWN_STORAGE.test(readFileSync(f, 'utf8')));
    expect(needing.length).toBeGreaterThan(5);
    expect(needing.filter((f) => !OWN_STORAGE.includes(f))).toEqual([]);
  });

  it('lists only files that exist', () => {
    expect(OWN_STORAGE.filter((f) => !files.includes(f))).toEqual([]);
  });

  it('tells a retention call from a mention of the word', () => {
    expect(NEEDS_OWN_STORAGE.test("import { purgeEndedListImports } from '../../workers/retention/retention.ts';")).toBe(true);
    expect(NEEDS_OWN_STORAGE.test('await worker.scheduled!({ cron })')).toBe(true);
    expect(NEEDS_OWN_STORAGE.test('// the retry scheduled 5 s after the first')).toBe(false);
  });
});
