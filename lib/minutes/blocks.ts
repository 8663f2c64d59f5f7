// One linear pass over a DOM subtree that turns it into a flat list of
// "blocks" (paragraph-like runs of text) with the structural features the
// parser needs: heading level, bold-only, header hints, chrome (nav/footer),
// the element and its child-index path for DomRefs, and nearby anchors.
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
  /** Leading bold text ("Afbud" in "**Afbud** A, B"). */
  lead: string;
  el: Element | null;
  /** Child-element index path from the root element (body). */
  path: number[] | null;
  /** Closest preceding id / a[name] not yet claimed by a block. */
  anchor: string | null;
  /** data-punkt-id (or similar) of an enclosing item. */
  dataId: string | null;
}

export interface Extract {
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
const CHROME_TAGS = new Set(['nav', 'footer', 'aside']);
const CHROME_ROLES = /^(navigation|contentinfo|banner|complementary|search)$/;
const HINT_CLASS =
  /(?:^|[\s_-])(?:title|titel|heading|header|head|overskrift|caption|headline|name)(?:$|[\s_-])/i;
const CHROME_CLASS = /(?:^|[\s_-])(?:footer|cookie|cookies|consent|skip-?link|sidebar)(?:$|[\s_-])/i;
const LETTER = /\p{L}/u;
const BOLD_STYLE = /font-weight\s*:\s*(?:bold|[6-9]00)/i;
const MAX_DEPTH = 400;

interface Run {
  parts: string[];
  el: Element | null;
  path: number[] | null;
  boldSeen: boolean;
  plainSeen: boolean;
  lead: string[];
  leadDone: boolean;
  hint: boolean;
}

function newRun(): Run {
  return {
    parts: [],
    el: null,
    path: null,
    boldSeen: false,
    plainSeen: false,
    lead: [],
    leadDone: false,
    hint: false,
  };
}

/** Extract blocks from `root` (usually document.body). Never mutates the DOM. */
export function extractBlocks(root: Element): Extract {
  const blocks: Block[] = [];
  const jsonScripts: string[] = [];
  const path: number[] = [];
  let bold = 0;
  let hint = 0;
  let chrome = 0;
  let main = 0;
  let list = 0;
  let anchor: string | null = null;
  let dataId: string | null = null;

  const flush = (run: Run, owner: Element, tag: string, level: number, ownerPath: number[] | null) => {
    if (run.parts.length === 0) return;
    const raw = run.parts.length === 1 ? run.parts[0]! : run.parts.join('');
    run.parts.length = 0;
    const text = raw.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
    if (text) {
      const el = run.el ?? owner;
      blocks.push({
        text,
        raw,
        tag,
        level,
        bold: run.boldSeen && !run.plainSeen,
        hint: run.hint || hint > 0,
        chrome: chrome > 0,
        inList: list > 0,
        lead: run.lead
          .join('')
          .replace(/[\s\u00a0]+/g, ' ')
          .trim(),
        el,
        path: run.el ? run.path : ownerPath,
        anchor,
        dataId,
      });
      anchor = null;
    }
    run.el = null;
    run.path = null;
    run.boldSeen = false;
    run.plainSeen = false;
    run.lead.length = 0;
    run.leadDone = false;
    run.hint = false;
  };

  const addText = (run: Run, data: string) => {
    run.parts.push(data);
    if (LETTER.test(data)) {
      if (bold > 0) {
        run.boldSeen = true;
        if (!run.leadDone) run.lead.push(data);
      } else {
        run.plainSeen = true;
        run.leadDone = true;
      }
    } else if (bold > 0 && !run.leadDone && run.lead.length > 0) {
      run.lead.push(data);
    }
  };

  // Visit the children of a block-level `owner`, accumulating inline runs.
  const visitBlock = (owner: Element, tag: string, level: number, depth: number) => {
    const ownerPath = path.slice();
    const run = newRun();
    let atStart = true;
    const visitInline = (parent: Node, d: number) => {
      let idx = -1;
      for (let n = parent.firstChild; n; n = n.nextSibling) {
        const type = n.nodeType;
        if (type === 3) {
          const data = (n as Text).data;
          if (run.parts.length === 0 && !run.el && !atStart && /\S/.test(data)) {
            run.el = owner;
            run.path = ownerPath;
          }
          addText(run, data);
          continue;
        }
        if (type !== 1) continue;
        idx++;
        const el = n as Element;
        const name = el.localName;
        if (SKIP.has(name)) {
          if (name === 'script') {
            const t = el.getAttribute('type');
            if (t && /json/i.test(t) && !/ld\+json/i.test(t)) jsonScripts.push(el.textContent ?? '');
          }
          continue;
        }
        path.push(idx);
        if (d > MAX_DEPTH) {
          addText(run, el.textContent ?? '');
        } else if (BLOCK.has(name) || isRoleHeading(el)) {
          flush(run, owner, tag, level, ownerPath);
          atStart = false;
          visitElementBlock(el, name, d + 1);
        } else {
          const id = el.id || (name === 'a' ? el.getAttribute('name') : null);
          if (id && run.parts.length === 0) anchor = id;
          if (run.parts.length === 0 && !run.el && !atStart) {
            run.el = el;
            run.path = path.slice();
          }
          if (name === 'br') {
            run.parts.push('\n');
          } else {
            const b = name === 'strong' || name === 'b' || (name === 'span' && isBoldStyle(el));
            const cls = el.getAttribute('class');
            const h =
              name === 'button' ||
              name === 'summary' ||
              el.hasAttribute('aria-expanded') ||
              (!!cls && HINT_CLASS.test(cls));
            if (b) bold++;
            if (h) {
              hint++;
              run.hint = true;
            }
            visitInline(el, d + 1);
            if (b) bold--;
            if (h) hint--;
            if (name === 'td' || name === 'th') run.parts.push('\t');
          }
        }
        path.pop();
      }
    };
    visitInline(owner, depth);
    flush(run, owner, tag, level, ownerPath);
  };

  const visitElementBlock = (el: Element, name: string, depth: number) => {
    const id = el.id;
    if (id) anchor = id;
    const data =
      el.getAttribute('data-punkt-id') ??
      el.getAttribute('data-item-id') ??
      el.getAttribute('data-agenda-item-id');
    const prevData = dataId;
    if (data) dataId = data;
    const role = el.getAttribute('role');
    const cls = el.getAttribute('class');
    const isChrome =
      CHROME_TAGS.has(name) ||
      (name === 'header' && main === 0) ||
      (!!role && CHROME_ROLES.test(role)) ||
      (!!cls && CHROME_CLASS.test(cls)) ||
      (!!id && CHROME_CLASS.test(id));
    const isMain = name === 'main' || name === 'article' || role === 'main';
    const isList = name === 'li';
    const b = isBoldStyle(el);
    const h = (!!cls && HINT_CLASS.test(cls)) || el.hasAttribute('aria-expanded');
    let level = 0;
    if (name.length === 2 && name[0] === 'h' && name[1]! >= '1' && name[1]! <= '6') level = +name[1]!;
    else if (role === 'heading') level = Number(el.getAttribute('aria-level')) || 2;
    if (isChrome) chrome++;
    if (isMain) main++;
    if (isList) list++;
    if (b) bold++;
    if (h) hint++;
    visitBlock(el, name, level, depth);
    if (isChrome) chrome--;
    if (isMain) main--;
    if (isList) list--;
    if (b) bold--;
    if (h) hint--;
    dataId = prevData;
  };

  visitElementBlock(root, root.localName, 0);
  return { blocks, jsonScripts };
}

function isRoleHeading(el: Element): boolean {
  return el.localName === 'div' && el.getAttribute('role') === 'heading';
}

function isBoldStyle(el: Element): boolean {
  const st = el.getAttribute('style');
  return !!st && BOLD_STYLE.test(st);
}
