/**
 * The local secrets file `.dev.vars`: made from `.dev.vars.example` when missing (with the admin
 * token added to one made before the admin routes existed), and the demo workspace's owner token
 * it holds (DEV_API_TOKEN).
 */
import { appendFileSync, copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Makes `.dev.vars` in `cwd` when needed and returns its DEV_API_TOKEN. */
export function ensureDevVars(cwd = '.'): string {
  const vars = join(cwd, '.dev.vars');
  const example = join(cwd, '.dev.vars.example');
  if (!existsSync(vars)) copyFileSync(example, vars);
  // .dev.vars made before the admin routes existed lacks their token (npm run workspace:move needs it).
  if (!/^ADMIN_TOKEN=/m.test(readFileSync(vars, 'utf8'))) {
    appendFileSync(vars, `\n${/^ADMIN_TOKEN=.*$/m.exec(readFileSync(example, 'utf8'))![0]}\n`);
  }
  const token = /^DEV_API_TOKEN=(.+)$/m.exec(readFileSync(vars, 'utf8'))?.[1]?.trim();
  if (!token) throw new Error('.dev.vars has no DEV_API_TOKEN line');
  return token;
}
