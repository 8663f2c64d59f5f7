// Layouts no rule knows: let @mozilla/readability find the main content on
// a CLONE of the document, then map its text back to the live blocks so
// DomRefs keep pointing into the live page.
import { Readability } from '@mozilla/readability';
import type { Block } from './blocks';
import { collapse } from './text';

/** [from, to) range of live blocks that Readability considers the main content, or null. */
export function mainContentRange(doc: Document, blocks: Block[]): [number, number] | null {
  let text: string | null | undefined;
  try {
    const clone = doc.cloneNode(true) as Document;
    const article = new Readability(clone, { charThreshold: 200, maxElemsToParse: 200_000 }).parse();
    text = article?.textContent;
  } catch {
    return null;
  }
  if (!text) return null;
  const article = collapse(text);
  if (article.length < 200) return null;
  const head = article.slice(0, 60);
  const tail = article.slice(-60);
  let from = -1;
  let to = -1;
  for (let i = 0; i < blocks.length; i++) {
    const t = blocks[i]!.text;
    if (t.length >= 8 && head.startsWith(t.slice(0, Math.min(40, t.length)))) {
      from = i;
      break;
    }
  }
  for (let i = blocks.length - 1; i > from; i--) {
    const t = blocks[i]!.text;
    if (t.length >= 8 && tail.endsWith(t.slice(-Math.min(40, t.length)))) {
      to = i + 1;
      break;
    }
  }
  if (from < 0) return null;
  return [from, to > from ? to : blocks.length];
}
