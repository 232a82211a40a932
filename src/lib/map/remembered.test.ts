import { describe, expect, it } from 'vitest';
import { rememberMapping, type SavedMapping } from './remembered.ts';
import type { AssistantConfig, ColumnTarget } from '../types.ts';

const assistant: AssistantConfig = { variables: [{ name: 'customer_name', type: 'text' }, { name: 'company', type: 'text' }], secondaryVariables: [] };
const phone: ColumnTarget = { kind: 'phone' };
const name: ColumnTarget = { kind: 'variable', name: 'customer_name' };
const company: ColumnTarget = { kind: 'variable', name: 'company' };
const ignore: ColumnTarget = { kind: 'ignore' };
const saved = (id: string, campaignId: string, savedAt: string, headers: string[], targets: ColumnTarget[]): SavedMapping => ({ id, campaignId, fileName: `${id}.csv`, savedAt, headers, targets });

describe('rememberMapping', () => {
  it('prefers the same header row, this campaign before the workspace, the most recent first', () => {
    const list = [
      saved('old', 'c1', '2026-11-01T00:00:00Z', ['Who', 'Tel'], [ignore, phone]),
      saved('new', 'c1', '2026-12-02T00:00:00Z', ['Who', 'Tel'], [name, phone]),
      saved('other', 'c2', '2026-12-03T00:00:00Z', ['Who', 'Tel'], [company, phone]),
    ];
    expect(rememberMapping(['Who', 'Tel'], assistant, 'c1', list)).toMatchObject({ match: 'exact', source: { id: 'new', scope: 'campaign' }, mapping: { columns: [name, phone] } });
    expect(rememberMapping(['Who', 'Tel'], assistant, 'c3', list)).toMatchObject({ source: { id: 'other', scope: 'workspace' }, mapping: { columns: [company, phone] } });
  });

  it('takes, per header, the target of the most recent mapping that had it; other columns automatic, never twice the same target', () => {
    const list = [
      saved('a', 'c1', '2026-12-01T00:00:00Z', ['Who', 'Tel'], [name, phone]),
      saved('b', 'c1', '2026-12-02T00:00:00Z', ['Firm', 'Mobile'], [company, phone]),
    ];
    const got = rememberMapping(['Mobile', 'phone_number', 'Who', 'Firm', 'x'], assistant, 'c1', list)!;
    expect(got.match).toBe('overlap');
    expect(got.source.id).toBe('b');
    // phone_number would be the phone automatically, but the remembered "Mobile" holds it.
    expect(got.mapping.columns).toEqual([phone, ignore, name, company, ignore]);
    expect(got.remembered).toEqual([0, 2, 3]);
  });

  it('skips targets the assistant lacks, and answers null when memory changes nothing', () => {
    const list = [saved('a', 'c1', '2026-12-01T00:00:00Z', ['Who', 'phone_number'], [{ kind: 'variable', name: 'gone' }, phone])];
    expect(rememberMapping(['phone_number', 'Who', 'Else'], assistant, 'c1', list)).toBeNull();
    expect(rememberMapping(['a'], assistant, 'c1', [])).toBeNull();
  });
});
