import { collapse } from './text';

// One linear pass over a DOM subtree that turns it into a flat list of
// "blocks" (paragraph-like runs of text) with the structural features the
// parser needs: heading level, bold-only, header hints, chrome (nav/footer),
// the element (for DomRefs, see paths.ts), and nearby anchors.
// Uses textContent semantics (node data), so hidden/collapsed content counts.

export interface Block {
  /** Whitespace-collapsed text. */
  text: string;
  /** Text with line breaks (<br>, source newlines) kept. */
  raw: string;
  /** Owning element's local name ('p', 'h3', 'li', 'tr', 'div', …; 'line' for text input). */
  tag: string;
  /** Heading level 1–6 (h1–h6, role=heading, markdown '#'), 0 otherwise. */
  level: number;
  /** All letters are bold (strong/b/font-weight). */
  bold: boolean;
  /** Looks like a header by other means (button/summary toggles, aria-expanded, "title"/"header" classes). */
  hint: boolean;
  /** Inside site chrome (nav, footer, aside, banner, cookie notices). */
  chrome: boolean;
  /** Inside a list item. */
  inList: boolean;
  /** For the first block of an <ol> item: the item's ordinal (CSS-numbered agendas); 0 otherwise. */
  ord: number;
  /** Leading bold text ("Afbud" in "**Afbud** A, B"). */
  lead: string;
  el: Element | null;
  /** Cached: opens a section (see headings.ts isSectionHeading). */
  sh?: boolean;
  /** Position of `el` under the extraction root (see paths.ts); null for text input. */
  frame: Frame | null;
  /** Closest preceding id / a[name] not yet claimed by a block. */
  anchor: string | null;
  /** data-punkt-id (or similar) of an enclosing item. */
  dataId: string | null;
}

/** A node in the tree of element positions: the element is child number `i` of `p`'s element. */
export interface Frame {
  p: Frame | null;
  i: number;
  path?: number[];
}

export interface Extract {
  root: Element;
  blocks: Block[];
  /** Text of <script type="application/json"> elements (embedded app state). */
  jsonScripts: string[];
}

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
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
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
  'caption',
  'legend',
  'html',
]);
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'img',
  'picture',
  'input',
  'select',
  'textarea',
  'head',
  'link',
  'meta',
  'title',
  'source',
  'map',
]);
const INLINE_ATTRS = new Set(['a', 'span', 'button', 'label', 'font', 'strong', 'b', 'em', 'i']);
const LOWER = new Map<string, string>();
for (const t of [
  ...BLOCK,
  ...SKIP,
  ...INLINE_ATTRS,
  'br',
  'td',
  'th',
  'sup',
  'sub',
  'small',
  'u',
  'abbr',
  'time',
  'mark',
  'code',
])
  LOWER.set(t.toUpperCase(), t);
const CHROME_TAGS = new Set(['nav', 'footer', 'aside']);
const CHROME_ROLES = /^(navigation|contentinfo|banner|complementary|search)$/;
const HINT_CLASS =
  /(?:^|[\s_-])(?:title|titel|heading|header|head|overskrift|caption|headline|name)(?:$|[\s_-])/i;
const CHROME_CLASS = /(?:^|[\s_-])(?:footer|cookie|cookies|consent|skip-?link|sidebar)(?:$|[\s_-])/i;
const BOLD_STYLE = /font-weight\s*:\s*(?:bold|[6-9]00)/i;
const MAX_DEPTH = 400;

function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 32) return false;
  return true;
}

function hasLetter(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && c < 0x2000)
    )
      return true;
  }
  return false;
}

/** Extract blocks from `root` (usually document.body). Never mutates the DOM. */
export function extractBlocks(root: Element): Extract {
  const blocks: Block[] = [];
  const jsonScripts: string[] = [];
  let bold = 0;
  let hint = 0;
  let chrome = 0;
  let main = 0;
  let list = 0;
  // <ol> item numbering: the next ordinal in the innermost <ol>, and the ordinal waiting for its first block.
  let olNext = 0;
  let pendingOrd = 0;
  let anchor: string | null = null;
  let dataId: string | null = null;
  // The block element that owns the current inline run.
  let owner: Element = root;
  let ownerTag = root.localName;
  let ownerLevel = 0;
  let ownerFrame: Frame | null = null;
  // Frame of the element whose children are being visited.
  let frame: Frame | null = null;
  let atStart = true;
  // The current inline run.
  const parts: string[] = [];
  let runEl: Element | null = null;
  let runFrame: Frame | null = null;
  let boldSeen = false;
  let plainSeen = false;
  let lead = '';
  let leadDone = false;
  let runHint = false;

  const flush = () => {
    if (parts.length === 0) return;
    const raw = parts.length === 1 ? parts[0]! : parts.join('');
    parts.length = 0;
    const text = collapse(raw);
    if (text) {
      blocks.push({
        text,
        raw,
        tag: ownerTag,
        level: ownerLevel,
        bold: boldSeen && !plainSeen,
        hint: runHint || hint > 0,
        chrome: chrome > 0,
        inList: list > 0,
        ord: pendingOrd,
        lead: lead ? lead.replace(/\s+/g, ' ').trim() : '',
        el: runEl ?? owner,
        frame: runEl ? runFrame : ownerFrame,
        sh: undefined,
        anchor,
        dataId,
      });
      anchor = null;
      pendingOrd = 0;
    }
    runEl = null;
    runFrame = null;
    boldSeen = false;
    plainSeen = false;
    lead = '';
    leadDone = false;
    runHint = false;
  };

  const addText = (data: string) => {
    if (parts.length === 0 && !runEl && !atStart && data.trim()) {
      runEl = owner;
      runFrame = ownerFrame;
    }
    parts.push(data);
    if (bold > 0) {
      if (!leadDone && (lead || hasLetter(data))) lead += data;
      if (!boldSeen && hasLetter(data)) boldSeen = true;
    } else if (!plainSeen && hasLetter(data)) {
      plainSeen = true;
      leadDone = true;
    }
  };

  const visit = (parent: Node, d: number) => {
    let idx = -1;
    for (let n = parent.firstChild; n !== null; n = n.nextSibling) {
      // nodeName tells text from elements and gives the tag in one DOM call.
      const nn = n.nodeName;
      if (nn === '#text') {
        const data = (n as Text).data;
        // Formatting whitespace between blocks (nothing in the run yet): skip.
        if (parts.length === 0 && isBlank(data)) continue;
        // Fast path: plain text inside a run that already has its element and a letter.
        if (bold === 0 && plainSeen && (parts.length > 0 || runEl !== null || atStart)) parts.push(data);
        else addText(data);
        continue;
      }
      if (nn.charCodeAt(0) === 35 /* '#': comments, CDATA */) continue;
      idx++;
      const el = n as Element;
      const name = LOWER.get(nn) ?? nn.toLowerCase();
      if (SKIP.has(name)) {
        if (name === 'script') {
          const t = el.getAttribute('type');
          if (t && /json/i.test(t) && !/ld\+json/i.test(t)) jsonScripts.push(el.textContent ?? '');
        }
        continue;
      }
      const isBlock = BLOCK.has(name);
      // Attributes matter on blocks and on a few inline elements (anchors, bold spans, toggles).
      const attrs = (isBlock || INLINE_ATTRS.has(name)) && el.hasAttributes();
      if (d > MAX_DEPTH) {
        addText(el.textContent ?? '');
      } else if (isBlock) {
        flush();
        enterBlock(el, name, attrs, d + 1, { p: frame, i: idx });
        atStart = false;
      } else if (name === 'br') {
        parts.push('\n');
      } else {
        let b = name === 'strong' || name === 'b';
        let h = name === 'button' || name === 'summary';
        if (attrs) {
          const id = el.id || (name === 'a' ? el.getAttribute('name') : null);
          if (id && parts.length === 0) anchor = id;
          if (!b && name === 'span') b = isBoldStyle(el);
          if (!h) {
            const cls = el.getAttribute('class');
            h = el.hasAttribute('aria-expanded') || (!!cls && HINT_CLASS.test(cls));
          }
        }
        if (parts.length === 0 && !runEl && !atStart) {
          runEl = el;
          runFrame = { p: frame, i: idx };
        }
        if (b) bold++;
        if (h) {
          hint++;
          runHint = true;
        }
        const sf = frame;
        frame = { p: sf, i: idx };
        visit(el, d + 1);
        frame = sf;
        if (b) bold--;
        if (h) hint--;
        if (name === 'td' || name === 'th') parts.push('\t');
      }
    }
  };

  const enterBlock = (el: Element, name: string, attrs: boolean, d: number, f: Frame | null) => {
    let isChrome = CHROME_TAGS.has(name) || (name === 'header' && main === 0);
    let isMain = name === 'main' || name === 'article';
    let b = false;
    let h = false;
    let level = 0;
    let prevData: string | null | undefined;
    if (name.length === 2 && name.charCodeAt(0) === 104 /* h */) {
      const c = name.charCodeAt(1) - 48;
      if (c >= 1 && c <= 6) level = c;
    }
    if (attrs) {
      const id = el.id;
      if (id) anchor = id;
      const data =
        el.getAttribute('data-punkt-id') ??
        el.getAttribute('data-item-id') ??
        el.getAttribute('data-agenda-item-id');
      if (data) {
        prevData = dataId;
        dataId = data;
      }
      const role = el.getAttribute('role');
      const cls = el.getAttribute('class');
      if (!isChrome)
        isChrome =
          (!!role && CHROME_ROLES.test(role)) ||
          (!!cls && CHROME_CLASS.test(cls)) ||
          (!!id && CHROME_CLASS.test(id));
      if (role === 'main') isMain = true;
      b = isBoldStyle(el);
      h = (!!cls && HINT_CLASS.test(cls)) || el.hasAttribute('aria-expanded');
      if (role === 'heading') level = Number(el.getAttribute('aria-level')) || 2;
    }
    if (name === 'summary') h = true;
    if (isChrome) chrome++;
    if (isMain) main++;
    if (name === 'li') {
      list++;
      if (olNext > 0) pendingOrd = olNext++;
    }
    const savedOl = olNext;
    if (name === 'ol') olNext = (attrs && Number.parseInt(el.getAttribute('start') ?? '', 10)) || 1;
    else if (name === 'ul') olNext = 0;
    if (b) bold++;
    if (h) hint++;
    const so = owner;
    const st = ownerTag;
    const sl = ownerLevel;
    const sof = ownerFrame;
    const sf = frame;
    owner = el;
    ownerTag = name;
    ownerLevel = level;
    ownerFrame = f;
    frame = f;
    atStart = true;
    // Fast path: a block whose only child is a text node (most paragraphs, items, headings).
    const only = el.firstChild;
    if (only !== null && only.nextSibling === null && only.nodeName === '#text') {
      const data = (only as Text).data;
      if (!isBlank(data)) addText(data);
    } else visit(el, d);
    flush();
    owner = so;
    ownerTag = st;
    ownerLevel = sl;
    ownerFrame = sof;
    frame = sf;
    if (isChrome) chrome--;
    if (isMain) main--;
    if (name === 'li') {
      list--;
      pendingOrd = 0;
    }
    if (name === 'ol' || name === 'ul') olNext = savedOl;
    if (b) bold--;
    if (h) hint--;
    if (prevData !== undefined) dataId = prevData;
  };

  enterBlock(root, root.localName, root.hasAttributes(), 0, null);
  return { root, blocks, jsonScripts };
}

function isBoldStyle(el: Element): boolean {
  const st = el.getAttribute('style');
  return !!st && BOLD_STYLE.test(st);
}
