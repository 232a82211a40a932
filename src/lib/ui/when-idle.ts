/**
 * Runs `work` when the page is idle (within a second at most), or on the next turn where the
 * browser has no requestIdleCallback (Safari): work that may wait, kept out of busy tasks.
 */
export function whenIdle(work: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => work(), { timeout: 1000 });
  else setTimeout(work, 0);
}
