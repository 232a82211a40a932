/**
 * The wizard's work, kept for this browser tab so a reload (or an accidental Back) loses nothing:
 * the choices and edits in sessionStorage (per tab, gone when the tab closes), the chosen file's
 * bytes in IndexedDB (a File is stored as a blob; sessionStorage holds strings of a few MB only).
 * Files left by tabs that closed are deleted after a day.
 */
import type { ColumnMapping } from '../../types.ts';
import type { OnExisting } from '../../import-view.ts';
import type { RowEditsJson } from './row-edits.ts';
import type { RememberedAnswer } from '../wire-types.ts';

export type WizardStep = 'file' | 'columns' | 'preview';

export interface FileMeta {
  name: string;
  type: string;
  size: number;
  lastModified: number;
}

export interface Draft {
  v: 1;
  /** The IndexedDB key of this tab's file. */
  id: string;
  campaignId: string;
  file: FileMeta;
  sheet?: string;
  headerRow?: number;
  encoding?: string;
  /** The mapping as the person left it (null until they change it or it was remembered). */
  mapping: ColumnMapping | null;
  suggested: number[];
  displaced: Record<number, number>;
  mappingSource: RememberedAnswer['source'];
  rows: RowEditsJson;
  options: { ignoreErrors: boolean; onExisting: OnExisting; notifyEmail: string };
  hiddenColumns: number[];
}

const KEY = 'lead-import.wizard-draft';
const DB = 'lead-import-wizard';
const STORE = 'files';
const DAY_MS = 24 * 60 * 60 * 1000;

export const fileMeta = (f: File): FileMeta => ({ name: f.name, type: f.type, size: f.size, lastModified: f.lastModified });
export const sameFile = (a: FileMeta, b: FileMeta): boolean => a.name === b.name && a.size === b.size && a.lastModified === b.lastModified;

export function readDraft(): Draft | null {
  try {
    const text = sessionStorage.getItem(KEY);
    const draft = text ? (JSON.parse(text) as Draft) : null;
    return draft?.v === 1 ? draft : null;
  } catch {
    return null;
  }
}

/** Saves the draft; false when the browser refused (storage full or off): the work then lives in memory only. */
export function writeDraft(draft: Draft): boolean {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearDraft(): void {
  const draft = readDraft();
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    /* storage off */
  }
  if (draft) void deleteFile(draft.id);
}

export const newDraftId = (): string => crypto.randomUUID();

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB is not available.'));
  });
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T> | void): Promise<T | undefined> {
  const db = await openDb();
  try {
    return await new Promise<T | undefined>((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = work(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req ? req.result : undefined);
      tx.onerror = () => reject(tx.error ?? new Error('IndexedDB refused.'));
      tx.onabort = () => reject(tx.error ?? new Error('IndexedDB refused.'));
    });
  } finally {
    db.close();
  }
}

/** Keeps the file's bytes for this tab; false when the browser refused (then a reload asks for the file again). */
export async function saveFile(id: string, file: File): Promise<boolean> {
  try {
    await run('readwrite', (store) => {
      store.put({ file, savedAt: Date.now() }, id);
    });
    void pruneFiles(id);
    return true;
  } catch {
    return false;
  }
}

export async function loadFile(id: string): Promise<File | null> {
  try {
    const entry = (await run<{ file: File } | undefined>('readonly', (store) => store.get(id))) ?? null;
    return entry?.file ?? null;
  } catch {
    return null;
  }
}

export async function deleteFile(id: string): Promise<void> {
  try {
    await run('readwrite', (store) => {
      store.delete(id);
    });
  } catch {
    /* nothing kept */
  }
}

/** Deletes files other tabs left more than a day ago. */
async function pruneFiles(keep: string): Promise<void> {
  await run('readwrite', (store) => {
    const req = store.openCursor();
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor) return;
      const entry = cursor.value as { savedAt?: number };
      if (cursor.key !== keep && (entry.savedAt ?? 0) < Date.now() - DAY_MS) cursor.delete();
      cursor.continue();
    };
  }).catch(() => {});
}
