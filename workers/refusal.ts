/**
 * A request the Worker refuses on purpose, with a public code and a message for the user (a limit,
 * a quota, something not found). Domain code may throw one; anything else that escapes is a
 * failure of the Worker or of a store it depends on, never the user's fault.
 */
export abstract class Refusal extends Error {
  abstract readonly code: string;
}
