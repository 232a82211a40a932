import { describe, expect, it } from 'vitest';
import { formatTimeLeft, observeProgress, secondsLeft, startTimeLeft, type ProgressSample, type TimeLeftState } from './time-left.ts';

/**
 * An import as the page sees it: `phases` run one after the other, each moving the validate and
 * write counters at its own rows per second; a sample arrives every `every` seconds (jittered).
 */
function* simulate(total: number, phases: { seconds: number; validate: number; write: number }[], every = 0.5): Generator<{ sample: ProgressSample; trueLeft: number }> {
  const end = phases.reduce((t, p) => t + p.seconds, 0);
  let t = 0;
  let v = 0;
  let w = 0;
  let k = 0;
  for (const phase of phases) {
    const phaseEnd = t + phase.seconds;
    while (t < phaseEnd - 1e-9) {
      const step = Math.min(phaseEnd - t, every * (0.6 + 0.8 * ((k++ * 7919) % 100) / 100));
      t += step;
      v = Math.min(total, v + phase.validate * step);
      w = Math.min(total, w + phase.write * step);
      yield { sample: { at: t * 1000, validated: Math.floor(v), processed: Math.floor(w), total }, trueLeft: end - t };
    }
  }
}

function run(total: number, phases: { seconds: number; validate: number; write: number }[]) {
  let state: TimeLeftState = startTimeLeft();
  const seen: { at: number; estimate: number | null; trueLeft: number }[] = [];
  for (const { sample, trueLeft } of simulate(total, phases)) {
    state = observeProgress(state, sample);
    seen.push({ at: sample.at / 1000, estimate: secondsLeft(state, sample.at), trueLeft });
  }
  return seen;
}

describe('secondsLeft', () => {
  it("counts the write pass at its own (slower) rate: the issue's import, 15 % done after 20 s with 50 s left", () => {
    // 10,000 rows: validation at 500 rows/s (20 s), then writes at 200 rows/s (50 s).
    const seen = run(10_000, [
      { seconds: 20, validate: 500, write: 0 },
      { seconds: 50, validate: 0, write: 200 },
    ]);
    // A few seconds into the write pass the estimate is within 15 % of the truth, and stays there.
    for (const s of seen.filter((x) => x.at > 26 && x.trueLeft > 5)) {
      expect(s.estimate, `at ${s.at.toFixed(1)} s`).not.toBeNull();
      expect(Math.abs(s.estimate! - s.trueLeft) / s.trueLeft, `at ${s.at.toFixed(1)} s: ${s.estimate} vs ${s.trueLeft}`).toBeLessThan(0.15);
    }
    // During validation, the writes still to come are counted (never only the validation left).
    for (const s of seen.filter((x) => x.at > 3 && x.at < 19)) expect(s.estimate!).toBeGreaterThan(20 - s.at);
  });

  it('shares intervals where both passes move (ignore errors on) and follows a change of pace smoothly', () => {
    // One thread validates and writes chunk by chunk: 500 rows/s each, then twice as fast.
    const seen = run(20_000, [
      { seconds: 20, validate: 500, write: 500 },
      { seconds: 10, validate: 1000, write: 1000 },
    ]);
    // Steady first phase: within 10 % of the time left at that pace (40 s in all).
    for (const s of seen.filter((x) => x.at > 3 && x.at < 20)) {
      const atThisPace = 40 - s.at;
      expect(Math.abs(s.estimate! - atThisPace) / atThisPace, `at ${s.at}`).toBeLessThan(0.1);
    }
    // Twice as fast from 20 s: within a quarter of the truth (or 2 s) after 5 s at the new pace.
    for (const s of seen.filter((x) => x.at > 25)) {
      expect(Math.abs(s.estimate! - s.trueLeft), `at ${s.at}: ${s.estimate} vs ${s.trueLeft}`).toBeLessThan(Math.max(2, 0.25 * s.trueLeft));
    }
    // Smoothed: from one sample to the next the estimate moves by less than a fifth of itself.
    const series = seen.filter((x) => x.estimate !== null && x.trueLeft > 5).map((x) => x.estimate!);
    for (let i = 1; i < series.length; i++) expect(Math.abs(series[i]! - series[i - 1]!) / series[i - 1]!).toBeLessThan(0.2);
  });

  it('says nothing before 2 s of progress, and counts down between samples without reaching zero', () => {
    let state = observeProgress(startTimeLeft(), { at: 0, validated: 0, processed: 0, total: 1000 });
    state = observeProgress(state, { at: 1000, validated: 100, processed: 0, total: 1000 });
    expect(secondsLeft(state, 1000)).toBeNull();
    state = observeProgress(state, { at: 2000, validated: 200, processed: 0, total: 1000 });
    // 800 to validate + 1000 to write at 10 ms a row.
    expect(secondsLeft(state, 2000)).toBeCloseTo(18, 5);
    expect(secondsLeft(state, 7000)).toBeCloseTo(13, 5);
    expect(secondsLeft(state, 60_000)).toBe(1);
    // A stretch without progress counts once rows move again (the interval is measured from the last move).
    state = observeProgress(state, { at: 5000, validated: 200, processed: 0, total: 1000 });
    state = observeProgress(state, { at: 6000, validated: 300, processed: 0, total: 1000 });
    expect(secondsLeft(state, 6000)!).toBeGreaterThan(0.01 * 700 + 0.01 * 1000);
  });

  it('starts over when the counters go back (another import, a reload)', () => {
    let state = observeProgress(startTimeLeft(), { at: 0, validated: 0, processed: 0, total: 1000 });
    state = observeProgress(state, { at: 3000, validated: 300, processed: 0, total: 1000 });
    expect(secondsLeft(state, 3000)).not.toBeNull();
    state = observeProgress(state, { at: 4000, validated: 10, processed: 0, total: 1000 });
    expect(secondsLeft(state, 4000)).toBeNull();
  });
});

describe('formatTimeLeft', () => {
  it('rounds to what a person reads', () => {
    expect(formatTimeLeft(0.2)).toBe('about 1 s left');
    expect(formatTimeLeft(8.1)).toBe('about 9 s left');
    expect(formatTimeLeft(41)).toBe('about 45 s left');
    expect(formatTimeLeft(125)).toBe('about 3 min left');
    expect(formatTimeLeft(3900)).toBe('about 1 h 5 min left');
  });
});
