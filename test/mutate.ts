/** A fast-check arbitrary of a file with up to `maxEdits` random byte edits (set, delete, insert). */
import fc from 'fast-check';

export const mutate = (base: Uint8Array, maxEdits = 12) =>
  fc
    .array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'delete', 'insert')), {
      minLength: 1,
      maxLength: maxEdits,
    })
    .map((edits) => {
      const out = [...base];
      for (const [at, value, op] of edits) {
        const i = Math.min(at, out.length - 1);
        if (op === 'set') out[i] = value;
        else if (op === 'delete') out.splice(i, 1);
        else out.splice(i, 0, value);
      }
      return new Uint8Array(out);
    });
