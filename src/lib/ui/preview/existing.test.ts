import { describe, expect, it } from 'vitest';
import { countExisting, EXISTING_BATCH, findExisting, splitByPolicy } from './existing.ts';

const num = (i: number) => `+1415${String(5_000_000 + i).padStart(7, '0')}`;

describe('findExisting', () => {
  it('asks in batches of at most 10,000 numbers, each once', async () => {
    const numbers = Array.from({ length: 25_001 }, (_, i) => num(i));
    const inCampaign = new Set([num(0), num(10_000), num(25_000)]);
    const batches: number[] = [];
    const found = await findExisting([...numbers, num(0)], async (batch) => {
      batches.push(batch.length);
      return batch.filter((n) => inCampaign.has(n));
    }, new AbortController().signal);
    expect(batches).toEqual([EXISTING_BATCH, EXISTING_BATCH, 5_001]);
    expect([...found].sort()).toEqual([...inCampaign].sort());
  });

  it('does not ask again about numbers it already knows (an edit asks about its new number only)', async () => {
    const known = new Map<string, boolean>();
    const asked: string[][] = [];
    const lookup = async (batch: string[]) => (asked.push(batch), batch.filter((n) => n === num(1) || n === num(9)));
    await findExisting([num(1), num(2)], lookup, new AbortController().signal, known);
    const found = await findExisting([num(1), num(9)], lookup, new AbortController().signal, known);
    expect(asked).toEqual([[num(1), num(2)], [num(9)]]);
    expect([...found].sort()).toEqual([num(1), num(9)]);
  });

  it('stops between batches once cancelled (another file was chosen)', async () => {
    const controller = new AbortController();
    let calls = 0;
    const run = findExisting(Array.from({ length: 30_000 }, (_, i) => num(i)), async () => {
      calls++;
      controller.abort();
      return [];
    }, controller.signal);
    await expect(run).rejects.toThrow();
    expect(calls).toBe(1);
  });
});

describe('countExisting', () => {
  const numbers = [num(1), num(2), num(3), num(4), num(5), num(6), num(7), num(8)];
  const existing = new Set([num(2), num(5), num(8), num(99)]);

  it('splits the valid rows by what the policy does with them', () => {
    expect(countExisting(numbers, existing, 'update')).toEqual({ valid: 8, existing: 3, create: 5, update: 3, fill: 0, skip: 0 });
    expect(countExisting(numbers, existing, 'fill')).toEqual({ valid: 8, existing: 3, create: 5, update: 0, fill: 3, skip: 0 });
    expect(countExisting(numbers, existing, 'skip')).toEqual({ valid: 8, existing: 3, create: 5, update: 0, fill: 0, skip: 3 });
  });

  it('counts nothing existing in an empty campaign', () => {
    expect(splitByPolicy(4, 0, 'update')).toEqual({ valid: 4, existing: 0, create: 4, update: 0, fill: 0, skip: 0 });
  });
});
