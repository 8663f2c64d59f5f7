// Escaping page text and user text for Markdown that pastes cleanly into Obsidian, Notion and word
// processors: CommonMark backslash escapes (valid before any ASCII punctuation), no HTML.

const INLINE = /[\\`*_[\]<>|#~]/g;

/**
 * Escapes one line's inline syntax: emphasis (`*`, `_`, `~`), code (backticks), links (`[`, `]`),
 * HTML (`<`, `>`), tables (`|`), Obsidian tags and headings (`#`), Obsidian highlights (`==`) and
 * character references (`&amp;`).
 */
export function escapeInline(s: string): string {
  return s
    .replace(INLINE, '\\$&')
    .replace(/==/g, '\\=\\=')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');
}

/** Escapes what only matters at the start of a line: list markers, setext underlines, "1." lists. */
function escapeLineStart(line: string): string {
  return line.replace(/^([-+=])/, '\\$1').replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
}

/** Page or user text as Markdown lines: whitespace collapsed within lines, each line escaped. */
export function escapeLines(s: string): string[] {
  return s
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => escapeLineStart(escapeInline(l.replace(/[ \t\f\v\u00a0]+/g, ' ').trim())));
}

/** Single-line text (titles, labels): newlines become spaces. */
export function escapeOneLine(s: string): string {
  return escapeLineStart(escapeInline(s.replace(/\s+/g, ' ').trim()));
}

/** A link destination that survives Markdown: spaces, brackets and angle brackets percent-encoded. */
export function linkDestination(url: string): string {
  return url.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

export function mdLink(text: string, url: string): string {
  return `[${escapeOneLine(text)}](${linkDestination(url)})`;
}

/**
 * An Obsidian-friendly tag: `#` + the tag with whitespace as `-` and characters Obsidian does not
 * allow in tags (anything but letters, digits, `_`, `-`, `/`) dropped; an all-digit tag gets a
 * leading `_` (Obsidian needs one non-digit). Empty when nothing is left.
 */
export function obsidianTag(tag: string): string {
  let t = tag
    .normalize('NFC')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{N}\p{M}_\-/]/gu, '')
    .replace(/-{2,}/g, '-'); // "Børn & unge" → #Børn-unge, not #Børn--unge
  t = t.replace(/^[-/]+|[-/]+$/g, '');
  if (!t) return '';
  if (/^\d+$/.test(t)) t = `_${t}`;
  return `#${t}`;
}
