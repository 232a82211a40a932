/**
 * Time left of a running import, from the two passes it makes over every row: validation
 * (`validated`) and the write pass (`processed`: written or skipped). Each pass has its own cost per
 * row, learnt from the progress seen so far and smoothed with a time-weighted moving average; the
 * time left is each pass's remaining rows times its cost. When both passes move in the same
 * interval (ignore errors on interleaves them), the interval is shared in proportion to the costs
 * already known. Pure: the page feeds it samples and reads the estimate.
 */

export interface ProgressSample {
  /** When the sample was seen, in ms. */
  at: number;
  validated: number;
  processed: number;
  total: number;
}

export interface TimeLeftState {
  last: ProgressSample | null;
  /** Seconds per row of each pass (null until seen). */
  validateCost: number | null;
  writeCost: number | null;
  /** Seconds of progress observed so far (intervals in which some row moved). */
  observed: number;
}

/** How quickly old intervals are forgotten: an interval of TAU seconds weighs 1 - 1/e. */
const TAU = 5;
/** Before any estimate: enough observed progress to trust a rate. */
const MIN_OBSERVED_SECONDS = 2;

export const startTimeLeft = (): TimeLeftState => ({ last: null, validateCost: null, writeCost: null, observed: 0 });

const blend = (old: number | null, seen: number, weight: number) => (old === null ? seen : old + weight * (seen - old));

/** The state after one more sample (samples out of order, or of another import size, restart it). */
export function observeProgress(state: TimeLeftState, sample: ProgressSample): TimeLeftState {
  const last = state.last;
  if (!last || sample.total !== last.total || sample.at < last.at || sample.validated < last.validated || sample.processed < last.processed) {
    return { ...startTimeLeft(), last: sample };
  }
  const dt = (sample.at - last.at) / 1000;
  const dv = sample.validated - last.validated;
  const dw = sample.processed - last.processed;
  // No row moved: keep the earlier sample as the interval's start, so a slow stretch counts when rows move again.
  if (dv === 0 && dw === 0) return state;
  if (dt <= 0) return { ...state, last: sample };
  const weight = 1 - Math.exp(-dt / TAU);
  let { validateCost, writeCost } = state;
  if (dw === 0) validateCost = blend(validateCost, dt / dv, weight);
  else if (dv === 0) writeCost = blend(writeCost, dt / dw, weight);
  else {
    // Both passes moved: share the interval by the costs known so far (equal when neither is).
    const cv = validateCost ?? writeCost ?? 1;
    const cw = writeCost ?? validateCost ?? 1;
    const scale = dt / (cv * dv + cw * dw);
    validateCost = blend(validateCost, cv * scale, weight);
    writeCost = blend(writeCost, cw * scale, weight);
  }
  return { last: sample, validateCost, writeCost, observed: state.observed + dt };
}

/**
 * Seconds left at `now`, or null while too little progress has been seen. A pass whose cost is not
 * known yet is assumed to cost what the other does.
 */
export function secondsLeft(state: TimeLeftState, now: number): number | null {
  const last = state.last;
  if (!last || state.observed < MIN_OBSERVED_SECONDS) return null;
  const cv = state.validateCost ?? state.writeCost;
  const cw = state.writeCost ?? state.validateCost;
  if (cv === null || cw === null) return null;
  const atSample = cv * Math.max(0, last.total - last.validated) + cw * Math.max(0, last.total - last.processed);
  // Time passed since the last sample is counted down, but an estimate never reaches zero while rows remain.
  return Math.max(atSample > 0 ? 1 : 0, atSample - Math.max(0, now - last.at) / 1000);
}

/** "about 8 s left", "about 40 s left" (5 s steps), "about 3 min left", "about 1 h 5 min left". */
export function formatTimeLeft(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 10) return `about ${s} s left`;
  if (s < 60) return `about ${Math.ceil(s / 5) * 5} s left`;
  if (s < 3600) return `about ${Math.ceil(s / 60)} min left`;
  const h = Math.floor(s / 3600);
  return `about ${h} h ${Math.ceil((s - h * 3600) / 60)} min left`;
}
