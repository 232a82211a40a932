import { test } from 'vitest';
import Papa from 'papaparse';
import { createCsvStream } from './csv.ts';
function run(pieces: string[], opts: any) {
  const s = createCsvStream(opts);
  try { const rows = pieces.flatMap((p) => { const r = s.push(p); console.log('push', JSON.stringify(p), '->', JSON.stringify(r), s.delimiter, JSON.stringify(s.headers)); return r; }); rows.push(...s.end()); console.log('ok', JSON.stringify(rows)); }
  catch (e) { console.log('err', (e as Error).message, JSON.stringify(s.headers)); }
}
test('d', () => {
  const text = "\"\",\"\t\n\",\"\"\n\"\"";
  console.log(425124105 % (text.length + 1));
  const cut = 425124105 % (text.length + 1);
  run([text], {sampleChars:5, maxRecordLength:6});
  run([text.slice(0, cut), text.slice(cut)], {sampleChars:5, maxRecordLength:6});
  console.log(JSON.stringify(new Papa.Parser({delimiter: ',', newline: '\n'}).parse(text, 0, true)));
});
