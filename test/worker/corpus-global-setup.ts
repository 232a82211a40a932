/**
 * Runs in Node before the Worker tests: the encoding corpus is written here, with Node's own
 * tables (ICU), and handed to the tests in workerd (`inject('encodingCorpus')`), so what workerd
 * decodes is checked against an encoder it did not build.
 */
import type { TestProject } from 'vitest/node';
import { CORPUS_CODE_PAGES, corpusFile } from '../corpus/encoding-corpus.ts';
import { biff5Workbook } from '../corpus/biff5.ts';

export interface InjectedCorpusFile {
  label: string;
  encoding: string;
  locale: string;
  rows: number;
  text: string;
  cells: string[][];
  base64: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    encodingCorpus: InjectedCorpusFile[];
    /** An Excel 95 workbook (BIFF5) in windows-1251, base64, with its rows. */
    excel95: { base64: string; rows: string[][] };
  }
}

export default function setup(project: TestProject) {
  const files = CORPUS_CODE_PAGES.map((cp, i) => {
    const f = corpusFile(cp.label, cp.locales[i % cp.locales.length]!, 30, 500 + i);
    return { label: f.label, encoding: f.encoding, locale: f.locale, rows: f.rows, text: f.text, cells: f.cells, base64: Buffer.from(f.bytes).toString('base64') };
  });
  project.provide('encodingCorpus', files);
  const rows = [['phone_number', 'customer_name', 'company'], ['+14152000301', 'Иван Петров', 'ООО Ромашка'], ['+14152000302', 'Ольга Щербакова', 'Хлебозавод']];
  project.provide('excel95', { base64: Buffer.from(biff5Workbook(rows, 1251, 'windows-1251')).toString('base64'), rows });
}
