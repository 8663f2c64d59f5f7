// Small text helpers for UI display (never HTML: callers render as text).

export function collapseWhitespace(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** Cut at a word boundary near `max` characters and add an ellipsis. */
export function truncate(s: string, max: number): string {
  const text = collapseWhitespace(s);
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,.;:–-]+$/, '')}…`;
}
