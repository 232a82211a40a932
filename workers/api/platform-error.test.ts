import { describe, expect, it } from 'vitest';
import { platformCause } from './platform-error.ts';

const marked = (message: string, marks: Record<string, boolean>) => Object.assign(new Error(message), marks);

describe('platformCause', () => {
  it('names the errors of D1, Durable Objects and the runtime, with the flags workerd sets', () => {
    expect(platformCause(new Error('D1_ERROR: database is locked: SQLITE_BUSY'))).toEqual({ message: 'D1_ERROR: database is locked: SQLITE_BUSY', retryable: false, flags: [] });
    expect(platformCause(marked('Durable Object reset because its code was updated.', { retryable: true, remote: true }))).toEqual({
      message: 'Durable Object reset because its code was updated.',
      retryable: true,
      flags: ['retryable', 'remote'],
    });
    expect(platformCause(marked('anything', { overloaded: true }))).toMatchObject({ retryable: true, flags: ['overloaded'] });
    expect(platformCause(new Error('Network connection lost.'))).toMatchObject({ retryable: false });
  });

  it('keeps other errors to their name (their message may hold the request’s data)', () => {
    expect(platformCause(new Error('the phone +14155550100 is odd'))).toBeNull();
    expect(platformCause(new TypeError("Cannot read properties of undefined (reading 'x')"))).toBeNull();
    expect(platformCause('a string')).toBeNull();
    expect(platformCause(marked('x', { retryable: false }))).toBeNull();
    // An error our Durable Object threw crosses RPC marked `remote`; its message is ours, not the platform's.
    expect(platformCause(marked('the phone +14155550100 is odd', { remote: true }))).toBeNull();
  });

  it('cuts a long message to 200 characters; a run of prefixes is not a platform message', () => {
    expect(platformCause(new Error(`D1_ERROR: ${'x'.repeat(10_000)}`))!.message).toHaveLength(200);
    // The pattern is anchored alternatives of literals (test/unit/regex-adversarial.test.ts proves it linear).
    expect(platformCause(new Error('D1_'.repeat(1_000_000)))).toBeNull();
  });
});
