/** The browser test file's own demo workspace (global-setup.ts seeds one per file). */
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import type { FileWorkspace } from './global-setup.ts';

export function fileWorkspace(fileUrl: string): FileWorkspace {
  const name = basename(fileURLToPath(fileUrl), '.test.ts');
  const ws = inject('workspaces')[name];
  if (!ws) throw new Error(`no workspace seeded for ${name}`);
  return ws;
}
