// The anchoring text model: one pass over the DOM collects the page's text
// into one string plus a sorted table of entries (text node, <br> or block
// separator) so that offset -> node is a binary search and node -> offset a
// map lookup. Built once per batch; anchors are offsets into `text`.
//
// Text rules (describe and anchor use the same index, so they agree):
// - every character of a text node counts as is (no whitespace collapsing,
//   so offsets map 1:1 onto text node data);
// - `<br>` counts as one space;
// - entering or leaving a block element (p, div, li, h1…, td…) adds one "\n"
//   unless there is whitespace on either side already (none at the very
//   start or end);
// - text inside <script>, <style>, <noscript>, <template>, <textarea>,
//   <iframe>, <object>, <svg> and our own UI (<sagsspor-root>, any other
//   <sagsspor-*> element, or an element with `data-sagsspor-ui`) is skipped. Our highlight wrappers
//   (<sagsspor-hl>) are inline and their text counts.

export const ENTRY_TEXT = 0;
export const ENTRY_BR = 1;
export const ENTRY_SEPARATOR = 2;

const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'iframe',
  'object',
  'svg',
  'sagsspor-root',
]);

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const CDATA_NODE = 4;

export interface TextIndexOptions {
  /** Extra subtrees to skip (return true to skip the element and its descendants). */
  skip?: (el: Element) => boolean;
}

/** Offsets of a region of the index, [start, end). */
export interface OffsetRange {
  start: number;
  end: number;
}

/** A slice of one text node covered by an offset range. */
export interface TextSegment {
  node: Text;
  /** Offsets inside `node.data`. */
  start: number;
  end: number;
}

function isWhitespaceCode(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 12 || c === 160;
}

export class TextIndex {
  /** The root the index was built from. */
  readonly root: Node;
  /** The concatenated text. */
  readonly text: string;
  /** Start offset of each entry; entries are contiguous and cover `text`. */
  starts: Int32Array;
  /** Entry kind: ENTRY_TEXT, ENTRY_BR or ENTRY_SEPARATOR. */
  kinds: Uint8Array;
  /** Text node, <br> element, or the block element a separator belongs to. */
  nodes: Node[];
  private nodeMap: Map<Node, number> | null = null;

  constructor(root: Node, text: string, starts: Int32Array, kinds: Uint8Array, nodes: Node[]) {
    this.root = root;
    this.text = text;
    this.starts = starts;
    this.kinds = kinds;
    this.nodes = nodes;
  }

  get length(): number {
    return this.text.length;
  }

  get entryCount(): number {
    return this.nodes.length;
  }

  entryEnd(i: number): number {
    return i + 1 < this.nodes.length ? this.starts[i + 1]! : this.text.length;
  }

  /** Index of the entry containing character `offset` (the last entry starting at or before it). */
  entryAt(offset: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = this.nodes.length - 1;
    if (hi < 0) return -1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Entry index of a text node or <br> element, or -1 if it is not indexed. */
  entryOf(node: Node): number {
    if (!this.nodeMap) {
      const map = new Map<Node, number>();
      const { nodes, kinds } = this;
      for (let i = 0; i < nodes.length; i++) if (kinds[i] !== ENTRY_SEPARATOR) map.set(nodes[i]!, i);
      this.nodeMap = map;
    }
    return this.nodeMap.get(node) ?? -1;
  }

  /**
   * Offset of a DOM boundary point. `bias` 'forward' (range starts) returns the
   * start of the first indexed content at or after the point; 'backward'
   * (range ends) the end of the last indexed content before it. Inside a text
   * node both are simply node start + offset.
   */
  offsetOf(container: Node, offset: number, bias: 'forward' | 'backward' = 'forward'): number {
    if (container.nodeType === TEXT_NODE || container.nodeType === CDATA_NODE) {
      const i = this.entryOf(container);
      if (i >= 0) {
        const len = this.entryEnd(i) - this.starts[i]!;
        return this.starts[i]! + Math.max(0, Math.min(offset, len));
      }
      // A text node we skipped: treat it as an opaque node.
      return bias === 'forward' ? this.forwardFrom(container) : this.backwardFrom(container);
    }
    const kids = container.childNodes;
    if (bias === 'forward') {
      if (offset < kids.length) return this.forwardFrom(kids[offset]!);
      const after = nextAfterSubtree(container, this.root);
      return after ? this.forwardFrom(after) : this.text.length;
    }
    if (offset > 0) return this.backwardFrom(deepestLast(kids[Math.min(offset, kids.length) - 1]!));
    const before = prevInDocument(container, this.root);
    return before ? this.backwardFrom(before) : 0;
  }

  /** Offsets of a Range (start biased forward, end backward). */
  rangeOffsets(range: AbstractRange): OffsetRange {
    const start = this.offsetOf(range.startContainer, range.startOffset, 'forward');
    const end = this.offsetOf(range.endContainer, range.endOffset, 'backward');
    return { start, end: Math.max(start, end) };
  }

  /** Offsets covering an element's contents. */
  elementOffsets(el: Node): OffsetRange {
    const start = this.forwardFrom(el);
    const end = this.backwardFrom(deepestLast(el), el);
    return { start, end: Math.max(start, end) };
  }

  /** Offset of the position just before `node` (a range start there), without creating a Range. */
  offsetBefore(node: Node): number {
    return this.forwardFrom(node);
  }

  /** Offset where content before `node` ends (a range end just before `node`). */
  endBefore(node: Node): number {
    const prev = prevInDocument(node, this.root);
    return prev ? this.backwardFrom(prev) : 0;
  }

  /** First indexed content at or after `node` (node itself, its descendants, then following nodes). */
  private forwardFrom(node: Node): number {
    let n: Node | null = node;
    while (n) {
      const i = this.entryOf(n);
      if (i >= 0) return this.starts[i]!;
      n = nextInDocument(n, this.root);
    }
    return this.text.length;
  }

  /** End of the last indexed content at or before `node` in document order (node = a deepest-last node). */
  private backwardFrom(node: Node, stopBefore?: Node): number {
    let n: Node | null = node;
    while (n) {
      const i = this.entryOf(n);
      if (i >= 0) return this.entryEnd(i);
      if (n === stopBefore) break;
      n = prevInDocument(n, this.root);
    }
    if (stopBefore) return this.forwardFrom(stopBefore);
    return 0;
  }

  /** The text node slices covered by [start, end) (separators, <br> and stale nodes excluded). */
  segments(start: number, end: number): TextSegment[] {
    const out: TextSegment[] = [];
    if (end <= start) return out;
    let i = this.entryAt(start);
    if (i < 0) return out;
    const n = this.nodes.length;
    for (; i < n; i++) {
      const s = this.starts[i]!;
      if (s >= end) break;
      if (this.kinds[i] !== ENTRY_TEXT) continue;
      const e = this.entryEnd(i);
      const node = this.nodes[i] as Text;
      // A node whose text changed since the index was built is stale: skip it.
      if (node.data.length !== e - s) continue;
      const a = Math.max(start, s);
      const b = Math.min(end, e);
      if (b > a) out.push({ node, start: a - s, end: b - s });
    }
    return out;
  }

  /**
   * A DOM Range for [start, end), created on demand (for painting or the
   * selection). Boundaries on separators move inwards to real content;
   * offsets are clamped to the node (never throws on a stale index).
   */
  toRange(start: number, end: number): Range | null {
    const doc = this.root.ownerDocument ?? (this.root as Document);
    const { nodes, kinds, starts } = this;
    const n = nodes.length;
    if (end < start || start < 0 || end > this.text.length || n === 0) return null;
    const range = doc.createRange();
    // Start: the first text/<br> entry with content at or after `start`.
    let i = Math.max(0, this.entryAt(start));
    while (i < n && (kinds[i] === ENTRY_SEPARATOR || this.entryEnd(i) <= start)) i++;
    if (i >= n) {
      let j = n - 1;
      while (j >= 0 && kinds[j] === ENTRY_SEPARATOR) j--;
      if (j < 0) return null;
      if (kinds[j] === ENTRY_BR) range.setStartAfter(nodes[j]!);
      else range.setStart(nodes[j]!, Math.min((nodes[j] as Text).data.length, this.entryEnd(j) - starts[j]!));
      range.collapse(true);
      return range;
    }
    if (kinds[i] === ENTRY_BR) range.setStartBefore(nodes[i]!);
    else range.setStart(nodes[i]!, Math.min((nodes[i] as Text).data.length, Math.max(0, start - starts[i]!)));
    // End: the last text/<br> entry starting before `end`.
    let j = end > 0 ? this.entryAt(end - 1) : -1;
    while (j > i && kinds[j] === ENTRY_SEPARATOR) j--;
    if (end <= start || j < i || end <= starts[i]!) {
      range.collapse(true);
      return range;
    }
    if (kinds[j] === ENTRY_BR) range.setEndAfter(nodes[j]!);
    else
      range.setEnd(
        nodes[j]!,
        Math.min((nodes[j] as Text).data.length, Math.min(end, this.entryEnd(j)) - starts[j]!),
      );
    return range;
  }

  /**
   * Update the node table after text nodes were split or merged without any
   * change to the text (the wrapper painter does this). Each replacement maps
   * consecutive text entries `old` to `now`, whose data concatenate to the
   * same text. Replacements whose first node is not indexed are ignored.
   */
  replaceTextNodes(replacements: ReadonlyArray<{ old: readonly Node[]; now: readonly Text[] }>): void {
    if (replacements.length === 0) return;
    const byFirst = new Map<number, { count: number; now: readonly Text[] }>();
    for (const r of replacements) {
      const first = r.old.length > 0 ? this.entryOf(r.old[0]!) : -1;
      if (first >= 0) byFirst.set(first, { count: r.old.length, now: r.now });
    }
    if (byFirst.size === 0) return;
    const starts: number[] = [];
    const kinds: number[] = [];
    const nodes: Node[] = [];
    const n = this.nodes.length;
    for (let i = 0; i < n; i++) {
      const rep = byFirst.get(i);
      if (!rep) {
        starts.push(this.starts[i]!);
        kinds.push(this.kinds[i]!);
        nodes.push(this.nodes[i]!);
        continue;
      }
      let at = this.starts[i]!;
      for (const t of rep.now) {
        if (t.data.length === 0) continue;
        starts.push(at);
        kinds.push(ENTRY_TEXT);
        nodes.push(t);
        at += t.data.length;
      }
      i += rep.count - 1;
    }
    this.starts = Int32Array.from(starts);
    this.kinds = Uint8Array.from(kinds);
    this.nodes = nodes;
    this.nodeMap = null;
  }

  /** Text of [start, end). */
  slice(start: number, end: number): string {
    return this.text.slice(start, end);
  }
}

function nextInDocument(node: Node, root: Node): Node | null {
  const first = node.firstChild;
  if (first) return first;
  return nextAfterSubtree(node, root);
}

function nextAfterSubtree(node: Node, root: Node): Node | null {
  let n: Node | null = node;
  while (n && n !== root) {
    const sib: Node | null = n.nextSibling;
    if (sib) return sib;
    n = n.parentNode;
  }
  return null;
}

function deepestLast(node: Node): Node {
  let n = node;
  while (n.lastChild) n = n.lastChild;
  return n;
}

function prevInDocument(node: Node, root: Node): Node | null {
  if (node === root) return null;
  const sib = node.previousSibling;
  if (sib) return deepestLast(sib);
  const parent = node.parentNode;
  return parent && parent !== root ? parent : null;
}

function shouldSkip(el: Element, extra: TextIndexOptions['skip']): boolean {
  const name = el.localName;
  if (SKIP.has(name)) return true;
  // Any of our own custom elements except the highlight wrapper.
  if (name.startsWith('sagsspor-') && name !== 'sagsspor-hl') return true;
  if (el.hasAttribute('data-sagsspor-ui')) return true;
  return extra ? extra(el) : false;
}

/** Build the text index of a Document (its body, or documentElement) or an Element. */
export function buildTextIndex(root: Document | Element, options: TextIndexOptions = {}): TextIndex {
  const start: Node | null = isDocument(root) ? (root.body ?? root.documentElement) : root;
  const parts: string[] = [];
  const startsArr: number[] = [];
  const kindsArr: number[] = [];
  const nodes: Node[] = [];
  let length = 0;
  let lastCode = 10; // "text so far ends in whitespace" (true at the start)
  const extra = options.skip;

  // Block boundaries set a pending separator; it is written before the next
  // content only if neither side of the boundary is whitespace already.
  let pending: Node | null = null;
  const separator = (owner: Node) => {
    pending = owner;
  };
  const flush = (firstCode: number) => {
    if (pending === null) return;
    if (length > 0 && !isWhitespaceCode(lastCode) && !isWhitespaceCode(firstCode)) {
      startsArr.push(length);
      kindsArr.push(ENTRY_SEPARATOR);
      nodes.push(pending);
      parts.push('\n');
      length += 1;
      lastCode = 10;
    }
    pending = null;
  };

  if (start) {
    // Iterative pre/post-order walk (we need "leaving a block" events, which a
    // TreeWalker does not give); one pass, no recursion.
    let node: Node | null = start;
    while (node) {
      let descend = false;
      const type = node.nodeType;
      if (type === TEXT_NODE || type === CDATA_NODE) {
        const data = (node as Text).data;
        if (data.length > 0) {
          flush(data.charCodeAt(0));
          startsArr.push(length);
          kindsArr.push(ENTRY_TEXT);
          nodes.push(node);
          parts.push(data);
          length += data.length;
          lastCode = data.charCodeAt(data.length - 1);
        }
      } else if (type === ELEMENT_NODE) {
        const el = node as Element;
        const name = el.localName;
        if (name === 'br') {
          flush(32);
          startsArr.push(length);
          kindsArr.push(ENTRY_BR);
          nodes.push(node);
          parts.push(' ');
          length += 1;
          lastCode = 32;
        } else if (!shouldSkip(el, extra)) {
          if (BLOCK.has(name)) separator(el);
          descend = el.firstChild !== null;
          if (!descend && BLOCK.has(name)) separator(el);
        }
      }
      if (descend) {
        node = node.firstChild;
        continue;
      }
      // Move to the next sibling, closing blocks on the way up.
      while (node && node !== start) {
        const sib: Node | null = node.nextSibling;
        if (sib) {
          node = sib;
          break;
        }
        node = node.parentNode;
        if (
          node &&
          node !== start &&
          node.nodeType === ELEMENT_NODE &&
          BLOCK.has((node as Element).localName)
        )
          separator(node);
      }
      if (node === start) node = null;
    }
  }
  return new TextIndex(
    isDocument(root) ? (start ?? root) : root,
    parts.join(''),
    Int32Array.from(startsArr),
    Uint8Array.from(kindsArr),
    nodes,
  );
}

function isDocument(n: Node): n is Document {
  return n.nodeType === 9;
}
