/**
 * A set of rows on one shard reduced to a count and an order-free checksum (the sum and the xor of
 * a 32-bit FNV-1a hash of each row's content), so a move can prove a copy equals the original
 * whatever ids the copy got.
 */
export interface Digest {
  count: number;
  sum: number;
  xor: number;
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export const sameDigest = (a: Digest, b: Digest) => a.count === b.count && a.sum === b.sum && a.xor === b.xor;

/**
 * Digests the rows a query pages through. `page(after, limit)` answers rows with `key` (what the
 * next page starts after) and `content` (the text hashed); `first` is below every key.
 */
export async function digestPages<K>(
  page: (after: K, limit: number) => Promise<{ key: K; content: string }[]>,
  first: K,
  pageSize = 5_000,
): Promise<Digest> {
  const digest: Digest = { count: 0, sum: 0, xor: 0 };
  let after = first;
  for (;;) {
    const rows = await page(after, pageSize);
    for (const r of rows) {
      const h = fnv1a(r.content);
      digest.count++;
      digest.sum = (digest.sum + h) >>> 0;
      digest.xor = (digest.xor ^ h) >>> 0;
    }
    if (rows.length < pageSize) return digest;
    after = rows[rows.length - 1]!.key;
  }
}
