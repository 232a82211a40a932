/**
 * Checks a form's value with the API's own valibot schema before it is sent, so the page shows
 * the messages the API would answer, next to the fields they are about.
 */
import * as v from 'valibot';

export type FieldIssues = Record<string, string>;

export type Checked<T> = { ok: true; value: T } | { ok: false; issues: FieldIssues; first: string };

export function checkForm<S extends v.GenericSchema>(schema: S, value: unknown): Checked<v.InferOutput<S>> {
  const result = v.safeParse(schema, value);
  if (result.success) return { ok: true, value: result.output };
  const issues: FieldIssues = {};
  for (const issue of result.issues) {
    const path = v.getDotPath(issue) ?? '';
    issues[path] ??= issue.message;
  }
  const [path, message] = Object.entries(issues)[0]!;
  return { ok: false, issues, first: path ? `${path}: ${message}` : message };
}
