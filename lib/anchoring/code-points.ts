// Unicode code points over UTF-16 strings. The anchoring text model counts UTF-16 code units (what
// DOM offsets are); the W3C Web Annotation model counts code points. An astral character (emoji,
// rare CJK, mathematical letters) is one code point and two code units (a surrogate pair).

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Code points in `s.slice(from, to)`, counted as `[...s.slice(from, to)].length` does: a surrogate
 * pair inside the span counts once, a lone surrogate (a pair cut by the span's edge) once.
 */
export function codePointCount(s: string, from = 0, to = s.length): number {
  let n = to - from;
  for (let i = from; i < to - 1; i++) {
    if (isHigh(s.charCodeAt(i)) && isLow(s.charCodeAt(i + 1))) {
      n--;
      i++;
    }
  }
  return n;
}

/** True when offset `i` of `s` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(s: string, i: number): boolean {
  return i > 0 && i < s.length && isHigh(s.charCodeAt(i - 1)) && isLow(s.charCodeAt(i));
}
