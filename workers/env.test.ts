import { describe, expect, it } from 'vitest';
import { envNumber, type Env } from './env.ts';

const withVars = (vars: Record<string, string | undefined>) => vars as unknown as Env;

describe('envNumber: every numeric setting through one reader', () => {
  it('reads a valid value', () => {
    expect(envNumber(withVars({ REPORT_RETENTION_DAYS: '7' }), 'REPORT_RETENTION_DAYS')).toBe(7);
    expect(envNumber(withVars({ CHUNK_RETENTION_DAYS: '0' }), 'CHUNK_RETENTION_DAYS')).toBe(0);
    expect(envNumber(withVars({ UNDO_STEP_ROWS: '300.9' }), 'UNDO_STEP_ROWS')).toBe(300);
  });

  it('falls back to the default for a value missing, empty, not a number or below its least', () => {
    for (const raw of [undefined, '', '  ', 'thirty', 'NaN', '-1']) {
      expect(envNumber(withVars({ REPORT_RETENTION_DAYS: raw }), 'REPORT_RETENTION_DAYS')).toBe(30);
    }
    expect(envNumber(withVars({ IMPORT_RATE_LIMIT_PER_MINUTE: '0' }), 'IMPORT_RATE_LIMIT_PER_MINUTE')).toBe(60);
    expect(envNumber(withVars({ LEADS_SHARDS: '0.5' }), 'LEADS_SHARDS')).toBe(1);
    expect(envNumber(withVars({}), 'WORKSPACE_STORAGE_QUOTA_BYTES')).toBe(5 * 1024 ** 3);
  });
});
