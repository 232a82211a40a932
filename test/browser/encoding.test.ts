/**
 * The wizard reads CSV files in legacy code pages as a person picks them: an Arabic file in
 * windows-1256 and a Japanese one in Shift_JIS (written in Node, decoded by Chromium), the encoding
 * shown with names as read, the picker that reads the file again, the prompt when the guess is
 * unsure, and the import that records the encoding it read.
 */
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { corpusFile, type CorpusFile } from '../corpus/encoding-corpus.ts';
import { encodeText } from '../corpus/encode-text.ts';
import { launch } from './browser.ts';
import { signInContext } from './sign-in.ts';
import { fileWorkspace } from './workspace.ts';
import { axeScan } from './axe.ts';

const WS = fileWorkspace(import.meta.url);

let context: BrowserContext;
let campaignId = '';
const api = (path: string, init: RequestInit = {}) =>
  fetch(`${inject('baseUrl')}/api/v1${path}`, { ...init, headers: { Authorization: `Bearer ${WS.token}`, 'Content-Type': 'application/json', ...init.headers } });

beforeAll(async () => {
  const res = await api('/campaigns', { method: 'POST', body: JSON.stringify({ name: `Encodings ${Date.now()}`, assistantId: WS.assistantId, defaultCountry: 'US' }) });
  expect(res.status).toBe(201);
  campaignId = ((await res.json()) as { id: string }).id;
  context = await launch();
  await signInContext(context, inject('baseUrl'), WS.ownerEmail);
  const page = await context.newPage();
  await page.goto(`${inject('baseUrl')}/`);
  await page.getByRole('link', { name: 'Demo campaign' }).waitFor({ timeout: 30_000 });
  await page.close();
});
afterAll(async () => {
  await context?.close();
});

/** A corpus file with phone numbers of its own (the campaign is shared by the tests). */
function fileFor(label: string, locale: string, seed: number): CorpusFile {
  return corpusFile(label, locale, 30, seed);
}

async function pickFile(page: Page, name: string, bytes: Uint8Array, rows: number): Promise<void> {
  await page.goto(`${inject('baseUrl')}/import?campaign=${campaignId}`);
  await page.getByText('Columns the assistant').waitFor({ timeout: 30_000 });
  await page.locator('#file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(bytes) });
  await page.getByText(new RegExp(`${rows} rows? read`)).first().waitFor({ timeout: 30_000 });
}

const readAs = (page: Page) => page.locator('#encoding-read').innerText();

/** Goes through mapping and preview, imports, and answers the import resource. */
async function importIt(page: Page): Promise<any> {
  await page.getByRole('button', { name: 'Next: match columns' }).click();
  await page.getByRole('button', { name: 'Next: preview' }).click();
  await page.getByRole('button', { name: /^Import \d/ }).click();
  await page.waitForURL(/\/imports\/[^/]+$/, { timeout: 60_000 });
  await page.locator('[data-testid="import-status"]', { hasText: 'completed' }).waitFor({ timeout: 60_000 });
  const id = page.url().split('/').pop()!;
  return (await api(`/imports/${id}`)).json();
}

async function namesOf(phones: string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let cursor = '';
  do {
    const page: any = await (await api(`/campaigns/${campaignId}/leads?limit=500${cursor ? `&cursor=${cursor}` : ''}`)).json();
    for (const l of page.items) if (phones.includes(l.phoneNumber)) out.set(l.phoneNumber, l.variables.customer_name);
    cursor = page.nextCursor ?? '';
  } while (cursor);
  return out;
}
const e164 = (cell: string) => '+' + cell.replace(/\D/g, '');

it('reads an Arabic file in windows-1256, re-reads it in the encoding picked, and imports the names as written', async () => {
  const page = await context.newPage();
  const f = fileFor('windows-1256', 'ar', 61);
  await pickFile(page, 'arabic.csv', f.bytes, f.rows);
  const shown = await readAs(page);
  expect(shown).toContain('Read as Arabic (Windows-1256)');
  expect(shown).toContain(f.cells[0]![1]!);
  expect(await page.locator('#encoding').inputValue()).toBe('windows-1256');
  expect(await page.locator('#encoding-prompt').count()).toBe(0);

  // The picker reads the file again at once: as Western European the names are garbled.
  await page.locator('#encoding').selectOption('windows-1252');
  await page.getByText(/Read as Western European \(Windows-1252\)/).waitFor();
  await page.getByText(new RegExp(`${f.rows} rows read`)).first().waitFor();
  expect(await readAs(page)).toContain(new TextDecoder('windows-1252').decode(encodeText(f.cells[0]![1]!, 'windows-1256')!));
  await page.locator('#encoding').selectOption('windows-1256');
  await page.getByText(/Read as Arabic \(Windows-1256\)/).waitFor();
  await page.getByText(new RegExp(`${f.rows} rows read`)).first().waitFor();

  const view = await importIt(page);
  expect(view).toMatchObject({ status: 'completed', importedRows: f.rows, encoding: 'windows-1256', warnings: [] });
  const names = await namesOf(f.cells.map((c) => e164(c[0]!)));
  for (const [phone, name] of f.cells) expect(names.get(e164(phone!))).toBe(name);
  await page.close();
});

it('reads a Japanese file in Shift_JIS and imports its names as written', async () => {
  const page = await context.newPage();
  const f = fileFor('shift_jis', 'ja', 62);
  await pickFile(page, 'japanese.csv', f.bytes, f.rows);
  const shown = await readAs(page);
  expect(shown).toContain('Read as Japanese (Shift_JIS)');
  expect(shown).toContain(f.cells[0]![1]!);
  const view = await importIt(page);
  expect(view).toMatchObject({ status: 'completed', importedRows: f.rows, encoding: 'shift_jis', warnings: [] });
  const names = await namesOf(f.cells.map((c) => e164(c[0]!)));
  for (const [phone, name] of f.cells) expect(names.get(e164(phone!))).toBe(name);
  await page.close();
});

it('says when the guess is unsure, and records the encoding the person picked', async () => {
  const page = await context.newPage();
  // One name of four Cyrillic letters in windows-1251: too little to be sure.
  const bytes = encodeText('phone_number,customer_name\r\n+14155550163,Иван\r\n', 'windows-1251')!;
  await pickFile(page, 'short.csv', bytes, 1);
  await page.locator('#encoding-prompt').waitFor();
  expect(await page.locator('#encoding-prompt').innerText()).toMatch(/may be wrong/);
  const scan = await axeScan(page, { include: ['#encoding', '#encoding-prompt', '#encoding-read'] });
  expect(scan.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.locator('#encoding').selectOption('windows-1251');
  await page.getByText(/Read as Cyrillic \(Windows-1251\)\s*\(your choice\)/).waitFor();
  expect(await page.locator('#encoding-prompt').count()).toBe(0);
  expect(await readAs(page)).toContain('Иван');
  await page.getByText(/1 row read/).first().waitFor();
  const view = await importIt(page);
  expect(view).toMatchObject({ status: 'completed', importedRows: 1, encoding: 'windows-1251', warnings: [] });
  expect((await namesOf(['+14155550163'])).get('+14155550163')).toBe('Иван');
  await page.close();
});
