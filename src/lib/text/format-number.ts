/** Numbers and byte counts as people read them in messages. */

/** "1,048,576" — numbers in messages are read by people. */
export function formatCount(n: number): string {
  const text = String(Math.round(n));
  const start = text.charCodeAt(0) === 45 /* - */ ? 1 : 0;
  if (!/^\d+$/.test(text.slice(start))) return text; // NaN, Infinity, 1e+21
  // A loop, not /\B(?=(\d{3})+(?!\d))/g, whose lookahead rescans the rest at every digit.
  let out = text.slice(0, start);
  for (let i = start; i < text.length; i++) {
    if (i > start && (text.length - i) % 3 === 0) out += ',';
    out += text[i];
  }
  return out;
}

/** "256 MB" / "1.5 MB" / "900 KB" for byte counts in messages. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) {
    const mb = n / (1024 * 1024);
    return `${mb >= 10 ? formatCount(Math.round(mb)) : mb.toFixed(1).replace(/\.0$/, '')} MB`;
  }
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}
