/** leads.csv: the leads one import wrote, streamed in the sample file's columns and every registry field (region, postal_code…), so it re-imports as is (extensions included). */
import type { Env } from '../env.ts';
import type { AssistantConfig, VariableValue } from '../../src/lib/types.ts';
import { leadsStore } from '../leads/leads-store.ts';
import { escapeCsvCell } from '../../src/lib/report/csv-cell.ts';
import { LIMITS } from '../../src/lib/limits.ts';
import { LEAD_FIELDS } from '../../src/lib/fields/lead-fields.ts';

const cell = (v: VariableValue | undefined) => escapeCsvCell(v === null || v === undefined ? '' : String(v));
/** A number with its extension written the way the phone normaliser reads it back (`+14155550177 ext. 12`). */
const phoneCell = (phone: string, extension: string | null) => escapeCsvCell(extension ? `${phone} ext. ${extension}` : phone);

export function leadsCsv(env: Env, workspaceId: string, campaignId: string, importId: string, assistant: AssistantConfig): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const store = leadsStore(env, workspaceId, campaignId);
  const pages = store.byImport(importId);
  let header = false;
  let used = 0;
  const lines: string[] = [];
  return new ReadableStream({
    async pull(controller) {
      if (!header) {
        header = true;
        // As many secondary columns as the import's widest lead needs (at least one, like the sample).
        used = Math.min(Math.max(await store.maxContacts(importId), 1), LIMITS.maxSecondaryContacts);
        const cols = ['phone_number', ...assistant.variables.map((v) => v.name), ...LEAD_FIELDS.map((f) => f.name)];
        for (let n = 1; n <= used; n++) cols.push(`secondary_phone_${n}`, ...assistant.secondaryVariables.map((v) => `secondary_${n}_${v.name}`));
        lines.push('\uFEFF' + cols.map(escapeCsvCell).join(',') + '\r\n');
      }
      const next = await pages.next();
      if (next.done) {
        if (lines.length) controller.enqueue(encoder.encode(lines.splice(0).join('')));
        controller.close();
        return;
      }
      for (const lead of next.value) {
        const cells = [
          phoneCell(lead.phoneNumber, lead.phoneExtension),
          ...assistant.variables.map((v) => cell(lead.variables[v.name])),
          ...LEAD_FIELDS.map((f) => cell(lead.fields[f.name])),
        ];
        for (let n = 0; n < used; n++) {
          const s = lead.secondaryContacts[n];
          cells.push(s ? phoneCell(s.phoneNumber, s.phoneExtension) : '', ...assistant.secondaryVariables.map((v) => (s ? cell(s.variables[v.name]) : '')));
        }
        lines.push(cells.join(',') + '\r\n');
      }
      controller.enqueue(encoder.encode(lines.splice(0).join('')));
    },
  });
}
