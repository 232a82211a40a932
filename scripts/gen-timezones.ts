/**
 * Regenerates src/lib/calling/data/timezones.generated.ts from src/lib/calling/data/map_data.txt
 * (libphonenumber's resources/timezones/map_data.txt, copied unchanged). Re-runnable:
 *
 *   npm run gen:timezones
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { MetadataJson } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.max.json';
import { generateZoneTableModule } from '../src/lib/calling/zone-table-source.ts';

const dir = fileURLToPath(new URL('../src/lib/calling/data/', import.meta.url));
const source = generateZoneTableModule(readFileSync(`${dir}map_data.txt`, 'utf8'), metadata as unknown as MetadataJson);
writeFileSync(`${dir}timezones.generated.ts`, source);
console.log(`timezones.generated.ts: ${source.length} bytes`);
