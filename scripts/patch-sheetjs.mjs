// Two loops in SheetJS 0.20.3 that a few bytes of a damaged .xls turn endless (npm's postinstall
// and scripts/install.sh run this; it is idempotent and refuses a SheetJS it was not written for).
//
// 1. ReadShift's 'sbcs-cont' string reader loops `for (i = 0; i != size; ++i)`. A record too short
//    to hold its own string length (a String record of 0 bytes, an SST cut after a string's first
//    byte, a Format or BIFF2 label cut before its length) gives size = undefined or NaN, and the
//    loop pushes characters until memory runs out: a 3 KB file held a Worker 149 s.
// 2. parse_ExternSheet counts down `while (len-- !== 0)` from a count read past a 0- or 1-byte
//    record (undefined), which never reaches 0.
// Both become `<` / `> 0` comparisons: a size that is not a number reads nothing, so the damaged
// record gives garbage the reader refuses, not a hang. src/lib/parse/xls-hangs.test.ts holds one
// crafted file for each, and checks that the installed copy is patched.
import { readFileSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'xlsx');
const PATCHES = [
  ['for(i = 0; i != size; ++i) {\n\t\t\t\tif(this.lens && this.lens.indexOf(loc) !== -1) {\n\t\t\t\t\tw = __readUInt8(this, loc);', 'for(i = 0; i < size; ++i) {\n\t\t\t\tif(this.lens && this.lens.indexOf(loc) !== -1) {\n\t\t\t\t\tw = __readUInt8(this, loc);'],
  ['while(len-- !== 0) o.push(parse_XTI(', 'while(len-- > 0) o.push(parse_XTI('],
];
export const MARK = '/* lead-import: patched by scripts/patch-sheetjs.mjs */';

if (!existsSync(join(root, 'package.json'))) process.exit(0); // not installed yet
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
if (version !== '0.20.3') {
  console.error(`scripts/patch-sheetjs.mjs was written for SheetJS 0.20.3, found ${version}: check whether its two loops are fixed, then update the script.`);
  process.exit(1);
}
for (const file of ['xlsx.mjs', 'xlsx.js']) {
  const path = join(root, file);
  let text = readFileSync(path, 'utf8');
  if (text.startsWith(MARK)) continue;
  for (const [from, to] of PATCHES) {
    const at = text.indexOf(from);
    if (at < 0 || text.indexOf(from, at + 1) >= 0) {
      console.error(`scripts/patch-sheetjs.mjs: ${file} does not hold exactly one "${from.slice(0, 40)}…"`);
      process.exit(1);
    }
    text = text.slice(0, at) + to + text.slice(at + from.length);
  }
  writeFileSync(path, `${MARK}\n${text}`);
  // Bundles and transforms cached from the unpatched copy.
  for (const cache of ['.vite', '.vitest-cache']) rmSync(join(root, '..', cache), { recursive: true, force: true });
}
