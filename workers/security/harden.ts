/**
 * Freezes the built-in prototypes once per isolate, before any untrusted file is parsed, so a
 * crafted workbook cannot pollute Object.prototype for the other requests this isolate serves.
 */
let done = false;

export function hardenRuntime(): void {
  if (done) return;
  done = true;
  for (const proto of [Object.prototype, Array.prototype, Function.prototype, String.prototype, Number.prototype, Boolean.prototype]) {
    Object.freeze(proto);
  }
}
