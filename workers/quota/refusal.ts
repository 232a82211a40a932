/** The storage quota's refusal, as the passes that store outputs (verdicts, errors, reports) recognise it. */
import { Refusal } from '../refusal.ts';
import { QUOTA_EXCEEDED } from './storage.ts';

export function isQuotaRefusal(err: unknown): err is Refusal {
  return err instanceof Refusal && err.code === QUOTA_EXCEEDED;
}
