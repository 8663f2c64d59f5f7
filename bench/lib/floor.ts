const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT

/** The floor: one TreeWalker pass collecting every text node's value, joined. */
export function textFloor(doc: Document): string {
  const walker = doc.createTreeWalker(doc.body, SHOW_TEXT);
  const parts: string[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push(n.nodeValue ?? '');
  return parts.join('');
}
