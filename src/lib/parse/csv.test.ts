import { describe, expect, it } from 'vitest';
import { createCsvStream, readCsvBytes, readCsvText, type CsvOptions } from './csv.ts';
import { fileError } from './expect-file-error.ts';
import type { SourceRow } from '../types.ts';

/** Header + rows as plain arrays, for compact expectations. */
function table(text: string, opts?: CsvOptions) {
  const { headers, rows, delimiter } = readCsvText(text, opts);
  return { headers, rows: rows.map((r) => r.cells), numbers: rows.map((r) => r.row), delimiter };
}


/**
 * The cases of the csv-spectrum conformance suite (https://github.com/max-mapper/csv-spectrum),
 * rewritten as fixtures here: input text and the expected header and rows.
 */
const SPECTRUM: { name: string; input: string; headers: string[]; rows: string[][] }[] = [
  {
    name: 'comma_in_quotes',
    input: 'first,last,address,city,zip\nJohn,Doe,120 any st.,"Anytown, WW",08123\n',
    headers: ['first', 'last', 'address', 'city', 'zip'],
    rows: [['John', 'Doe', '120 any st.', 'Anytown, WW', '08123']],
  },
  {
    name: 'empty',
    input: 'a,b,c\n1,"",""\n2,3,4\n',
    headers: ['a', 'b', 'c'],
    rows: [
      ['1', '', ''],
      ['2', '3', '4'],
    ],
  },
  {
    name: 'empty_crlf',
    input: 'a,b,c\r\n1,"",""\r\n2,3,4\r\n',
    headers: ['a', 'b', 'c'],
    rows: [
      ['1', '', ''],
      ['2', '3', '4'],
    ],
  },
  {
    name: 'escaped_quotes',
    input: 'a,b\n1,"ha ""ha"" ha"\n3,4\n',
    headers: ['a', 'b'],
    rows: [
      ['1', 'ha "ha" ha'],
      ['3', '4'],
    ],
  },
  {
    name: 'json',
    input: 'key,val\n1,"{""type"": ""Point"", ""coordinates"": [102.0, 0.5]}"\n',
    headers: ['key', 'val'],
    rows: [['1', '{"type": "Point", "coordinates": [102.0, 0.5]}']],
  },
  {
    name: 'newlines',
    input: 'a,b,c\n1,2,3\n"Once upon \na time",5,6\n7,8,9\n',
    headers: ['a', 'b', 'c'],
    rows: [
      ['1', '2', '3'],
      ['Once upon \na time', '5', '6'],
      ['7', '8', '9'],
    ],
  },
  {
    name: 'newlines_crlf',
    input: 'a,b,c\r\n1,2,3\r\n"Once upon \r\na time",5,6\r\n7,8,9\r\n',
    headers: ['a', 'b', 'c'],
    rows: [
      ['1', '2', '3'],
      ['Once upon \r\na time', '5', '6'],
      ['7', '8', '9'],
    ],
  },
  {
    name: 'quotes_and_newlines',
    input: 'a,b\n1,"ha \n""ha"" \nha"\n3,4\n',
    headers: ['a', 'b'],
    rows: [
      ['1', 'ha \n"ha" \nha'],
      ['3', '4'],
    ],
  },
  { name: 'simple', input: 'a,b,c\n1,2,3\n', headers: ['a', 'b', 'c'], rows: [['1', '2', '3']] },
  { name: 'simple_crlf', input: 'a,b,c\r\n1,2,3\r\n', headers: ['a', 'b', 'c'], rows: [['1', '2', '3']] },
  {
    name: 'utf8',
    input: 'a,b,c\n1,2,3\n4,5,ʤ\n',
    headers: ['a', 'b', 'c'],
    rows: [
      ['1', '2', '3'],
      ['4', '5', 'ʤ'],
    ],
  },
  {
    name: 'location_coordinates',
    input: 'Contact Employee No,Contact Location X,Contact Location Y\n1,6.0,3.0\n2,-0.5,1e3\n',
    headers: ['Contact Employee No', 'Contact Location X', 'Contact Location Y'],
    // Never typed: "6.0" stays "6.0", "1e3" stays "1e3"; "-0.5" is read as written.
    rows: [
      ['1', '6.0', '3.0'],
      ['2', '-0.5', '1e3'],
    ],
  },
];

describe('csv-spectrum cases', () => {
  for (const c of SPECTRUM) {
    it(c.name, () => {
      const t = table(c.input);
      expect(t.headers).toEqual(c.headers);
      expect(t.rows).toEqual(c.rows);
      expect(t.numbers).toEqual(c.rows.map((_, i) => i + 1));
    });
    it(`${c.name}, one character at a time`, () => {
      const s = createCsvStream();
      const rows: SourceRow[] = [];
      for (const ch of c.input) rows.push(...s.push(ch));
      rows.push(...s.end());
      expect(s.headers).toEqual(c.headers);
      expect(rows.map((r) => r.cells)).toEqual(c.rows);
    });
    it(`${c.name}, without the final line break`, () => {
      expect(table(c.input.replace(/\r?\n$/, '')).rows).toEqual(c.rows);
    });
  }
});

describe('delimiters and line endings', () => {
  it.each([
    [',', 'phone,name\n+14155551234,Ann\n'],
    [';', 'phone;name\n+14155551234;Ann, the first\n'],
    ['\t', 'phone\tname\n+14155551234\tAnn; Bob\n'],
    ['|', 'phone|name\n+14155551234|Ann, Bob\n'],
  ])('detects %j', (delimiter, text) => {
    const t = table(text);
    expect(t.delimiter).toBe(delimiter);
    expect(t.headers).toEqual(['phone', 'name']);
    expect(t.rows[0]![0]).toBe('+14155551234');
  });

  it('prefers the delimiter that splits every record alike', () => {
    const t = table('name;phone;note\nMüller, Hans;+4915112345678;a,b,c\nDoe, Jane;+14155551234;x\n');
    expect(t.delimiter).toBe(';');
    expect(t.rows[0]).toEqual(['Müller, Hans', '+4915112345678', 'a,b,c']);
  });

  it('falls back to the delimiter splitting the header when rows are ragged', () => {
    const t = table('phone;name;company\n+14155551234\n+14155551235;Bob\n');
    expect(t.delimiter).toBe(';');
    expect(t.rows).toEqual([
      ['+14155551234', '', ''],
      ['+14155551235', 'Bob', ''],
    ]);
  });

  it('reads a single-column file with commas as the default', () => {
    const t = table('phone\n+14155551234\n4155551235\n');
    expect(t.delimiter).toBe(',');
    expect(t.rows).toEqual([['+14155551234'], ['4155551235']]);
  });

  it('honours a given delimiter', () => {
    expect(table('a,b;c\n1,2;3\n', { delimiter: ';' }).rows).toEqual([['1,2', '3']]);
  });

  it('reads CR-only (old Mac) line endings', () => {
    const t = table('phone,name\r+14155551234,Ann\r"+14155551235","B\rC"\r');
    expect(t.rows).toEqual([
      ['+14155551234', 'Ann'],
      ['+14155551235', 'B\rC'],
    ]);
  });

  it('reads CRLF with a CR and an LF split over two pieces', () => {
    const s = createCsvStream();
    const rows = [...s.push('phone,name\r'), ...s.push('\n1,a\r'), ...s.push('\n2,b'), ...s.end()];
    expect(s.newline).toBe('\r\n');
    expect(rows.map((r) => r.cells)).toEqual([
      ['1', 'a'],
      ['2', 'b'],
    ]);
  });

  it('finds the line ending after a quoted header cell holding a line break', () => {
    const t = table('"phone\r\nnumber",name\n1,a\n');
    expect(t.headers).toEqual(['phone\r\nnumber', 'name']);
    expect(t.rows).toEqual([['1', 'a']]);
  });
});

describe('records, blanks and cells', () => {
  it('strips a UTF-8 BOM from the first header', () => {
    const t = table('\uFEFFphone,name\n1,a\n');
    expect(t.headers).toEqual(['phone', 'name']);
  });

  it('trims headers but never cells', () => {
    const t = table(' phone , name \n 0123 , Ann \n');
    expect(t.headers).toEqual(['phone', 'name']);
    expect(t.rows).toEqual([[' 0123 ', ' Ann ']]);
  });

  it('keeps leading zeros, plus signs and date-like text as written', () => {
    const t = table('phone,zip,code,when\n+14155551234,00123,564-564-5644,3/14/24\n');
    expect(t.rows[0]).toEqual(['+14155551234', '00123', '564-564-5644', '3/14/24']);
  });

  it('skips blank records but counts them in row numbers', () => {
    const t = table('\n\nphone,name\n1,a\n\n , \n2,b\n,\n3,c\n\n');
    expect(t.headers).toEqual(['phone', 'name']);
    expect(t.rows).toEqual([
      ['1', 'a'],
      ['2', 'b'],
      ['3', 'c'],
    ]);
    expect(t.numbers).toEqual([1, 4, 6]);
  });

  it('pads short rows and keeps non-empty extra cells', () => {
    const t = table('a,b,c\n1\n1,2,3,4\n1,2,3,,\n');
    expect(t.rows).toEqual([
      ['1', '', ''],
      ['1', '2', '3', '4'],
      ['1', '2', '3'],
    ]);
  });

  it('drops trailing unnamed header columns (Excel exports of formatted columns)', () => {
    const t = table('phone,name,,\n1,a,,\n');
    expect(t.headers).toEqual(['phone', 'name']);
    expect(t.rows).toEqual([['1', 'a']]);
  });

  it("removes the error report's formula neutraliser", () => {
    const t = table("phone,note,plain\n'+14155551234,'=1+1,'quoted\n");
    expect(t.rows).toEqual([['+14155551234', '=1+1', "'quoted"]]);
  });

  it('reads tolerant papaparse quirks the same way every time', () => {
    // A quote inside an unquoted field is text; spaces after a closing quote are dropped.
    expect(table('a,b\nab"c,"x"  \n').rows).toEqual([['ab"c', 'x']]);
  });
});

describe('empty files', () => {
  it.each(['', '\uFEFF', '   ', '\n\n\r\n', ' , \n'])('refuses %j as FILE_EMPTY', (text) => {
    const e = fileError(() => readCsvText(text));
    expect(e.code).toBe('FILE_EMPTY');
    expect(e.message).toMatch(/empty/);
  });

  it('refuses a header with no data rows', () => {
    for (const text of ['phone,name', 'phone,name\n', 'phone,name\n\n,\n']) {
      const e = fileError(() => readCsvText(text));
      expect(e.code).toBe('FILE_EMPTY');
      expect(e.message).toMatch(/header row but no data rows/);
    }
  });
});

describe('limits', () => {
  it('refuses a cell over maxCellLength, naming the row and column', () => {
    const e = fileError(() => readCsvText(`phone,note\n1,ok\n2,${'x'.repeat(101)}\n`, { maxCellLength: 100 }));
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.message).toMatch(/row 2, column "note"/);
    expect(e.message).toMatch(/100 characters/);
  });

  it('refuses more columns than maxColumns, in the header or a row', () => {
    expect(fileError(() => readCsvText('a,b,c,d\n1,2,3,4\n', { maxColumns: 3 })).code).toBe('TOO_MANY_COLUMNS');
    const e = fileError(() => readCsvText('a,b\n1,2\n1,2,3,4\n', { maxColumns: 3 }));
    expect(e.code).toBe('TOO_MANY_COLUMNS');
    expect(e.message).toMatch(/Row 2 has 4 columns; at most 3/);
  });

  it('refuses more data rows than maxRows, but not trailing blank lines', () => {
    expect(readCsvText('a\n1\n2\n\n\n\n', { maxRows: 2 }).rows).toHaveLength(2);
    const e = fileError(() => readCsvText('a\n1\n2\n3\n', { maxRows: 2 }));
    expect(e.code).toBe('TOO_MANY_ROWS');
    expect(e.message).toMatch(/more than 2 data rows/);
  });

  it('stops a record that never ends (open quote) while streaming', () => {
    const s = createCsvStream({ maxRecordLength: 1000, sampleChars: 16 });
    s.push('phone,name\n1,a\n2,"never closed');
    const e = fileError(() => {
      for (let i = 0; i < 100; i++) s.push(' more text\nand lines,');
    });
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.message).toMatch(/Row 2 is longer than 1,000 characters/);
  });

  it('stops a header that never ends', () => {
    const s = createCsvStream({ maxRecordLength: 1000, sampleChars: 16 });
    const e = fileError(() => {
      for (let i = 0; i < 100; i++) s.push('"abcdefghij');
    });
    expect(e.code).toBe('FILE_TOO_LARGE');
    expect(e.message).toMatch(/header row/);
  });

  it('reports a quote left open at the end of the file as FILE_CORRUPT', () => {
    const e = fileError(() => readCsvText('phone,name\n1,a\n2,"Ann\n3,b\n'));
    expect(e.code).toBe('FILE_CORRUPT');
    expect(e.message).toMatch(/Row 2 opens a quote/);
    // Even when the swallowed text also breaks the cell limit.
    expect(fileError(() => readCsvText(`phone,name\n1,"${'x\n'.repeat(100)}`, { maxCellLength: 50 })).code).toBe('FILE_CORRUPT');
  });
});

describe('streaming', () => {
  it('returns rows as soon as their record is complete', () => {
    const s = createCsvStream({ sampleChars: 10 });
    expect(s.push('phone,name\n1,a\n2,')).toEqual([{ row: 1, cells: ['1', 'a'] }]);
    expect(s.headers).toEqual(['phone', 'name']);
    expect(s.delimiter).toBe(',');
    expect(s.push('b\n3')).toEqual([{ row: 2, cells: ['2', 'b'] }]);
    expect(s.end()).toEqual([{ row: 3, cells: ['3', ''] }]);
    expect(s.recordsRead).toBe(3);
  });

  it('holds the first 64K characters to choose the delimiter', () => {
    const s = createCsvStream();
    expect(s.push('phone;name\n1;a\n')).toEqual([]);
    expect(s.delimiter).toBeNull();
    expect(s.end()).toEqual([{ row: 1, cells: ['1', 'a'] }]);
    expect(s.delimiter).toBe(';');
  });

  it('reads bytes in any supported encoding', () => {
    const bytes = new Uint8Array([0x70, 0x68, 0x6f, 0x6e, 0x65, 0x3b, 0x6e, 0x0a, 0x31, 0x3b, 0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]);
    expect(readCsvBytes(bytes).rows[0]!.cells).toEqual(['1', 'Müller']);
  });
});
