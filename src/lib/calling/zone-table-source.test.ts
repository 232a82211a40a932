import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MetadataJson } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.max.json';
import { generateZoneTableModule, parseZoneMap } from './zone-table-source.ts';

const read = (name: string) => readFileSync(new URL(`./data/${name}`, import.meta.url), 'utf8');

describe('the generated time-zone table', () => {
  it('is what the generator makes of the committed map_data.txt (run `npm run gen:timezones`)', () => {
    const generated = generateZoneTableModule(read('map_data.txt'), metadata as unknown as MetadataJson);
    expect(generated).toBe(read('timezones.generated.ts'));
  });

  it('stays small enough to bundle', () => {
    expect(read('timezones.generated.ts').length).toBeLessThan(40_000);
  });

  it('keeps the licence header of the source file', () => {
    expect(read('map_data.txt')).toMatch(/^# Copyright \(C\) 2012 The Libphonenumber Authors[\s\S]*Apache License, Version 2\.0/);
  });

  it('rejects a malformed or repeated line instead of guessing', () => {
    expect(() => parseZoneMap('1201|America/New_York\n1202 America/New_York\n')).toThrow(/line 2/);
    expect(() => parseZoneMap('1201|America/New_York\n1201|America/Chicago\n')).toThrow(/repeats/);
    expect(parseZoneMap('# c\n\n12082|America/Boise&America/Los_Angeles\n')).toEqual([
      { prefix: '12082', zones: ['America/Boise', 'America/Los_Angeles'] },
    ]);
  });
});
