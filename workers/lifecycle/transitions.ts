/**
 * The import's status machine (pure): which status may follow which, and which transitions are
 * announced (written to the outbox as an event).
 *
 *   queued → validating → importing → completed | failed | cancelled     (the coordinator's phases)
 *   completed | failed | cancelled → undoing → undone                     (the undo)
 *
 * A running import may reach an end from any running status (a small import is created and ended
 * by one request). Writing the same status again only refreshes the counters.
 */
import { RUNNING, type ImportStatus } from '../../src/lib/import-view.ts';

export const ENDED: readonly ImportStatus[] = ['completed', 'failed', 'cancelled'];

/** The statuses a row may be in for `to` to be written over it. */
export function allowedFrom(to: ImportStatus): readonly ImportStatus[] {
  switch (to) {
    case 'queued':
    case 'validating':
    case 'importing':
      return RUNNING;
    case 'completed':
    case 'failed':
    case 'cancelled':
      return [...RUNNING, to];
    case 'undoing':
      return [...ENDED, 'undoing'];
    case 'undone':
      return ['undoing', 'undone'];
  }
}

export type ImportEventType = 'import.completed' | 'import.failed' | 'import.cancelled' | 'import.undone';

/** The event a transition into `status` announces, if any. */
export function eventTypeOf(status: ImportStatus): ImportEventType | null {
  switch (status) {
    case 'completed':
    case 'failed':
    case 'cancelled':
    case 'undone':
      return `import.${status}`;
    default:
      return null;
  }
}

/** The outbox key of a transition: an import ends once and is undone once. */
export function transitionKey(importId: string, status: ImportStatus): string {
  return `${importId}:${status === 'undone' ? 'undone' : 'ended'}`;
}
