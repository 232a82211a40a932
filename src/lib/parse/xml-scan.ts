/**
 * Linear-time readers for the little XML the zip guard looks at ([Content_Types].xml, up to 1 MiB of
 * the user's file): index scans where regular expressions would backtrack on unclosed tags and quotes.
 */

/** Each `<…>` (no `>` inside) that contains the word `Override`: the tags a loose reading of the XML finds. One pass. */
export function overrideTags(xml: string): string[] {
  const tags: string[] = [];
  let from = 0;
  for (;;) {
    const open = xml.indexOf('<', from);
    if (open < 0) break;
    const close = xml.indexOf('>', open + 1);
    if (close < 0) break;
    const tag = xml.slice(open, close + 1);
    if (containsWord(tag, 'Override')) tags.push(tag);
    from = close + 1;
  }
  return tags;
}

const isWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
/** JavaScript's `\s` (the whitespace XML and `\s*` in a pattern would accept). */
const isSpace = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/** `word` followed by a non-word character or the end (`word\b`). */
function containsWord(text: string, word: string): boolean {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    const next = text.charCodeAt(i + word.length);
    if (Number.isNaN(next) || !isWordChar(next)) return true;
  }
  return false;
}

/**
 * The first quoted value of `name="…"` or `name='…'` in a tag (name at a word start, spaces allowed
 * around `=`), as `\bname\s*=\s*(?:"([^"]*)"|'([^']*)')` finds it; linear in the tag.
 */
export function attributeValue(tag: string, name: string): string | undefined {
  const lastQuote = { 34: tag.lastIndexOf('"'), 39: tag.lastIndexOf("'") } as Record<number, number>;
  for (let i = tag.indexOf(name); i >= 0; i = tag.indexOf(name, i + 1)) {
    if (i > 0 && isWordChar(tag.charCodeAt(i - 1))) continue;
    let p = i + name.length;
    while (p < tag.length && isSpace(tag.charCodeAt(p))) p++;
    if (tag.charCodeAt(p) !== 61 /* = */) continue;
    p++;
    while (p < tag.length && isSpace(tag.charCodeAt(p))) p++;
    const quote = tag.charCodeAt(p);
    if (quote !== 34 && quote !== 39) continue;
    // No closing quote after this one means none after any later one: skip without scanning.
    if (lastQuote[quote]! <= p) continue;
    const end = tag.indexOf(quote === 34 ? '"' : "'", p + 1);
    return tag.slice(p + 1, end);
  }
  return undefined;
}

const NAMED_ENTITIES: [string, string][] = [['quot;', '"'], ['apos;', "'"], ['lt;', '<'], ['gt;', '>'], ['amp;', '&']];

/** XML character and entity references decoded in one pass; anything that is not one (or is past U+10FFFF) stays as written. */
export function unescapeXml(value: string): string {
  let amp = value.indexOf('&');
  if (amp < 0) return value;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    const ref = referenceAt(value, amp);
    if (ref) {
      out += value.slice(from, amp) + ref.text;
      from = ref.end;
    }
    amp = value.indexOf('&', ref ? ref.end : amp + 1);
  }
  return out + value.slice(from);
}

/** The reference starting at `amp` (`&lt;`, `&#105;`, `&#x69;`) and the index after its `;`. */
function referenceAt(value: string, amp: number): { text: string; end: number } | undefined {
  if (value.charCodeAt(amp + 1) === 35 /* # */) {
    const hex = value[amp + 2] === 'x' || value[amp + 2] === 'X';
    const base = hex ? 16 : 10;
    const start = amp + (hex ? 3 : 2);
    let p = start;
    let code = 0;
    for (let d = digitValue(value.charCodeAt(p), base); d >= 0; d = digitValue(value.charCodeAt(++p), base)) {
      code = Math.min(code * base + d, 0x110000);
    }
    if (p === start || value.charCodeAt(p) !== 59 /* ; */ || code > 0x10ffff) return undefined;
    return { text: String.fromCodePoint(code), end: p + 1 };
  }
  for (const [name, text] of NAMED_ENTITIES) {
    if (value.startsWith(name, amp + 1)) return { text, end: amp + 1 + name.length };
  }
  return undefined;
}

function digitValue(c: number, base: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (base === 16 && c >= 97 && c <= 102) return c - 87;
  if (base === 16 && c >= 65 && c <= 70) return c - 55;
  return -1;
}
