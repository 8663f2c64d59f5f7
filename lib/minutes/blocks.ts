import type { SectionKind } from '../model/minutes';
import { collapse } from './text';

// One linear pass over a DOM subtree that turns it into a flat list of
// "blocks" (paragraph-like runs of text) with the structural features the
// parser needs: heading level, bold-only, header hints, chrome (nav/footer),
// the element (for DomRefs, see paths.ts), and nearby anchors.
// Uses textContent semantics (node data), so hidden/collapsed content counts.
//
// Speed (the reader parses every recognised page and re-parses on mutations):
// per node the pass reads only nodeType, localName / data and the sibling
// links; tags are classified by one Map lookup, attributes are read only on
// elements that have any, and nothing is allocated per element — DomRef paths
// are computed later, only for the few blocks that need one (paths.ts).

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
  /** The element the block starts at (DomRef target); null for text input. */
  el: Element | null;
  /** Index of `el` among its parent's element children (-1 for the root and text input); see paths.ts. */
  pos: number;
  /** Cached: opens a section (see headings.ts isSectionHeading). */
  sh?: boolean;
  /** Cached: sectionKind(text) (see headings.ts blockKind). */
  kind?: SectionKind | null;
  /** Closest preceding id / a[name] not yet claimed by a block. */
  anchor: string | null;
  /** data-punkt-id (or similar) of an enclosing item. */
  dataId: string | null;
}

export interface Extract {
  root: Element;
  blocks: Block[];
  /** Text of <script type="application/json"> elements (embedded app state). */
  jsonScripts: string[];
}

// Tag classes (bit flags), looked up once per element by local name.
const F_BLOCK = 1;
const F_SKIP = 2;
/** Inline element whose attributes matter (anchors, bold spans, toggles). */
const F_ATTRS = 4;
const F_BR = 8;
const F_CELL = 16;
const F_BOLD = 32;
const F_TOGGLE = 64;
const F_SPAN = 128;
const F_A = 256;
const F_SCRIPT = 512;
const F_CHROME = 1024;
const F_HEADER = 2048;
const F_MAIN = 4096;
const F_SUMMARY = 8192;
const F_LI = 16384;
const F_OL = 32768;
const F_UL = 65536;
const LEVEL_SHIFT = 20;
/** Blocks that change the walk's state (chrome, main, lists, toggles) even without attributes. */
const F_STATEFUL = F_CHROME | F_HEADER | F_MAIN | F_SUMMARY | F_LI | F_OL | F_UL;

const TAGS = new Map<string, number>();
for (const t of (
  'address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure ' +
  'footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre section summary table tbody ' +
  'thead tfoot tr ul caption legend html'
).split(' '))
  TAGS.set(t, F_BLOCK);
for (const t of (
  'script style noscript template svg math iframe object embed canvas video audio img picture input select ' +
  'textarea head link meta title source map'
).split(' '))
  TAGS.set(t, F_SKIP);
for (const t of 'a span button label font strong b em i'.split(' ')) TAGS.set(t, F_ATTRS);
const flag = (t: string, f: number) => TAGS.set(t, (TAGS.get(t) ?? 0) | f);
flag('script', F_SCRIPT);
flag('br', F_BR);
flag('td', F_CELL);
flag('th', F_CELL);
flag('strong', F_BOLD);
flag('b', F_BOLD);
flag('button', F_TOGGLE);
flag('span', F_SPAN);
flag('a', F_A);
for (const t of ['nav', 'footer', 'aside']) flag(t, F_CHROME);
flag('header', F_HEADER);
flag('main', F_MAIN);
flag('article', F_MAIN);
flag('summary', F_SUMMARY);
flag('li', F_LI);
flag('ol', F_OL);
flag('ul', F_UL);
for (let l = 1; l <= 6; l++) flag(`h${l}`, l << LEVEL_SHIFT);

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

/** Flags of a tag name not found as is (e.g. upper-case names in XML documents). */
function slowFlags(name: string): number {
  return TAGS.get(name.toLowerCase()) ?? 0;
}

// Blocks of the DOM walk are made by a constructor rather than an object literal: the engine then
// tracks no allocation site for them, so the walk's compiled code is not thrown away when it starts
// placing these long-lived objects in the old generation. Same fields, same order as a literal.
class BlockRecord implements Block {
  declare text: string;
  declare raw: string;
  declare tag: string;
  declare level: number;
  declare bold: boolean;
  declare hint: boolean;
  declare chrome: boolean;
  declare inList: boolean;
  declare ord: number;
  declare lead: string;
  declare el: Element | null;
  declare pos: number;
  declare sh: boolean | undefined;
  declare kind: SectionKind | null | undefined;
  declare anchor: string | null;
  declare dataId: string | null;

  constructor(
    text: string,
    raw: string,
    tag: string,
    level: number,
    bold: boolean,
    hint: boolean,
    chrome: boolean,
    inList: boolean,
    ord: number,
    lead: string,
    el: Element,
    pos: number,
    anchor: string | null,
    dataId: string | null,
  ) {
    this.text = text;
    this.raw = raw;
    this.tag = tag;
    this.level = level;
    this.bold = bold;
    this.hint = hint;
    this.chrome = chrome;
    this.inList = inList;
    this.ord = ord;
    this.lead = lead;
    this.el = el;
    this.pos = pos;
    this.sh = undefined;
    this.kind = undefined;
    this.anchor = anchor;
    this.dataId = dataId;
  }
}

// Settle BlockRecord's field types once, up front: the parser later writes the cached fields (sh,
// kind) and blocks hold different kinds of values (null or a string, elements of many classes). Had
// the engine first seen only one kind, code compiled during a parse would be discarded when the next
// kind appears; a probe record that has held each kind makes those fields general from the start.
{
  const probe = new BlockRecord('', '', '', 0, false, false, false, false, 0, '', {} as Element, -1, '', '');
  probe.el = null;
  probe.anchor = null;
  probe.dataId = null;
  probe.sh = false;
  probe.kind = null;
  probe.kind = 'andet';
}

/** Extract blocks from `root` (usually document.body). Never mutates the DOM. */
export function extractBlocks(root: Element): Extract {
  const x = new Extractor(root);
  x.enterBlock(
    root,
    root.localName,
    TAGS.get(root.localName) ?? slowFlags(root.localName),
    0,
    -1,
    root.hasAttributes(),
  );
  return { root, blocks: x.blocks, jsonScripts: x.jsonScripts };
}

// The walk's state lives in one object with module-level methods (not closures made per call): the
// engine then compiles each method once for all parses instead of once per closure.
class Extractor {
  blocks: Block[] = [];
  jsonScripts: string[] = [];
  bold = 0;
  hint = 0;
  chrome = 0;
  main = 0;
  list = 0;
  // <ol> item numbering: the next ordinal in the innermost <ol>, and the ordinal waiting for its first block.
  olNext = 0;
  pendingOrd = 0;
  anchor: string | null = null;
  dataId: string | null = null;
  // The block element that owns the current inline run.
  owner: Element;
  ownerPos = -1;
  ownerTag: string;
  ownerLevel = 0;
  atStart = true;
  // The current inline run: its text and how many pieces it has.
  run = '';
  pieces = 0;
  runEl: Element | null = null;
  runPos = -1;
  boldSeen = false;
  plainSeen = false;
  lead = '';
  leadDone = false;
  runHint = false;

  constructor(root: Element) {
    this.owner = root;
    this.ownerTag = root.localName;
  }

  flush(): void {
    if (this.pieces === 0) return;
    const raw = this.run;
    this.run = '';
    this.pieces = 0;
    const text = collapse(raw);
    if (text) {
      const runEl = this.runEl;
      const lead = this.lead;
      this.blocks.push(
        new BlockRecord(
          text,
          raw,
          this.ownerTag,
          this.ownerLevel,
          this.boldSeen && !this.plainSeen,
          this.runHint || this.hint > 0,
          this.chrome > 0,
          this.list > 0,
          this.pendingOrd,
          lead ? lead.replace(/\s+/g, ' ').trim() : '',
          runEl ?? this.owner,
          runEl ? this.runPos : this.ownerPos,
          this.anchor,
          this.dataId,
        ),
      );
      this.anchor = null;
      this.pendingOrd = 0;
    }
    this.runEl = null;
    this.boldSeen = false;
    this.plainSeen = false;
    this.lead = '';
    this.leadDone = false;
    this.runHint = false;
  }

  addText(data: string): void {
    if (this.pieces === 0 && !this.runEl && !this.atStart && data.trim()) {
      this.runEl = this.owner;
      this.runPos = this.ownerPos;
    }
    this.run = this.pieces === 0 ? data : this.run + data;
    this.pieces++;
    if (this.bold > 0) {
      if (!this.leadDone && (this.lead || hasLetter(data))) this.lead += data;
      if (!this.boldSeen && hasLetter(data)) this.boldSeen = true;
    } else if (!this.plainSeen && hasLetter(data)) {
      this.plainSeen = true;
      this.leadDone = true;
    }
  }

  visit(parent: Node, d: number): void {
    // Element index among the parent's element children (for DomRef paths).
    let idx = -1;
    for (let n = parent.firstChild; n !== null; n = n.nextSibling) {
      const type = n.nodeType;
      if (type === 3) {
        const data = (n as Text).data;
        if (this.pieces === 0) {
          // Formatting whitespace between blocks (nothing in the run yet): skip.
          if (isBlank(data)) continue;
        } else if (this.bold === 0 && this.plainSeen) {
          // Fast path: plain text continuing a run that already has a letter.
          this.run += data;
          this.pieces++;
          continue;
        }
        this.addText(data);
        continue;
      }
      if (type !== 1) continue; // comments, CDATA, processing instructions
      idx++;
      const el = n as Element;
      let name = el.localName;
      let f = TAGS.get(name);
      if (f === undefined) {
        f = slowFlags(name);
        name = name.toLowerCase();
      }
      if (f & F_SKIP) {
        if (f & F_SCRIPT) {
          const t = el.getAttribute('type');
          if (t && /json/i.test(t) && !/ld\+json/i.test(t)) this.jsonScripts.push(el.textContent ?? '');
        }
        continue;
      }
      if (d > MAX_DEPTH) {
        this.addText(el.textContent ?? '');
      } else if (f & F_BLOCK) {
        if (this.pieces !== 0) this.flush();
        // Most blocks (p, div, h4 without attributes) need no state beyond their owner: a lean path.
        const attrs = el.hasAttributes();
        if (attrs || f & F_STATEFUL) this.enterBlock(el, name, f, d + 1, idx, attrs);
        else this.plainBlock(el, name, (f >>> LEVEL_SHIFT) & 7, d + 1, idx);
        this.atStart = false;
      } else if (f & F_BR) {
        this.run = this.pieces === 0 ? '\n' : `${this.run}\n`;
        this.pieces++;
      } else this.inline(el, f, d, idx);
    }
  }

  /** An inline element (span, a, strong, td…): its text joins the current run. */
  inline(el: Element, f: number, d: number, idx: number): void {
    let b = (f & F_BOLD) !== 0;
    let h = (f & F_TOGGLE) !== 0;
    if (f & F_ATTRS && el.hasAttributes()) {
      const id = el.id || (f & F_A ? el.getAttribute('name') : null);
      if (id && this.pieces === 0) this.anchor = id;
      if (!b && f & F_SPAN) b = isBoldStyle(el);
      if (!h) {
        const cls = el.getAttribute('class');
        h = el.hasAttribute('aria-expanded') || (!!cls && HINT_CLASS.test(cls));
      }
    }
    if (this.pieces === 0 && !this.runEl && !this.atStart) {
      this.runEl = el;
      this.runPos = idx;
    }
    if (b) this.bold++;
    if (h) {
      this.hint++;
      this.runHint = true;
    }
    this.visit(el, d + 1);
    if (b) this.bold--;
    if (h) this.hint--;
    if (f & F_CELL) {
      this.run = this.pieces === 0 ? '\t' : `${this.run}\t`;
      this.pieces++;
    }
  }

  enterBlock(el: Element, name: string, f: number, d: number, pos: number, attrs: boolean): void {
    let isChrome = (f & F_CHROME) !== 0 || ((f & F_HEADER) !== 0 && this.main === 0);
    let isMain = (f & F_MAIN) !== 0;
    let b = false;
    let h = (f & F_SUMMARY) !== 0;
    let level = (f >>> LEVEL_SHIFT) & 7;
    let prevData: string | null | undefined;
    if (attrs) {
      const id = el.id;
      if (id) this.anchor = id;
      const data =
        el.getAttribute('data-punkt-id') ??
        el.getAttribute('data-item-id') ??
        el.getAttribute('data-agenda-item-id');
      if (data) {
        prevData = this.dataId;
        this.dataId = data;
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
      h = h || (!!cls && HINT_CLASS.test(cls)) || el.hasAttribute('aria-expanded');
      if (role === 'heading') level = Number(el.getAttribute('aria-level')) || 2;
    }
    if (isChrome) this.chrome++;
    if (isMain) this.main++;
    if (f & F_LI) {
      this.list++;
      if (this.olNext > 0) this.pendingOrd = this.olNext++;
    }
    const savedOl = this.olNext;
    if (f & F_OL) this.olNext = (attrs && Number.parseInt(el.getAttribute('start') ?? '', 10)) || 1;
    else if (f & F_UL) this.olNext = 0;
    if (b) this.bold++;
    if (h) this.hint++;
    this.plainBlock(el, name, level, d, pos);
    if (isChrome) this.chrome--;
    if (isMain) this.main--;
    if (f & F_LI) {
      this.list--;
      this.pendingOrd = 0;
    }
    if (f & (F_OL | F_UL)) this.olNext = savedOl;
    if (b) this.bold--;
    if (h) this.hint--;
    if (prevData !== undefined) this.dataId = prevData;
  }

  /** A block as its own run owner: its text, then the owner before it again. */
  plainBlock(el: Element, name: string, level: number, d: number, pos: number): void {
    // The run is empty here (the caller flushed it), so an empty block or one of blank text adds
    // nothing, and a plain block of text only needs no owner bookkeeping.
    const first = el.firstChild;
    if (first === null) return;
    let data: string | null = null;
    if (first.nextSibling === null && first.nodeType === 3) {
      // A block whose only child is a text node (most paragraphs, items, headings).
      data = (first as Text).data;
      if (isBlank(data)) return;
      if (this.bold === 0 && this.runEl === null && !this.runHint) {
        // Not bold, no pending inline run: the block is the text itself (what addText + flush make).
        const text = collapse(data);
        if (text) {
          this.blocks.push(
            new BlockRecord(
              text,
              data,
              name,
              level,
              false,
              this.hint > 0,
              this.chrome > 0,
              this.list > 0,
              this.pendingOrd,
              '',
              el,
              pos,
              this.anchor,
              this.dataId,
            ),
          );
          this.anchor = null;
          this.pendingOrd = 0;
        }
        return;
      }
    }
    const so = this.owner;
    const sp = this.ownerPos;
    const st = this.ownerTag;
    const sl = this.ownerLevel;
    this.owner = el;
    this.ownerPos = pos;
    this.ownerTag = name;
    this.ownerLevel = level;
    this.atStart = true;
    if (data !== null) this.addText(data);
    else this.visit(el, d);
    if (this.pieces !== 0) this.flush();
    this.owner = so;
    this.ownerPos = sp;
    this.ownerTag = st;
    this.ownerLevel = sl;
  }
}

function isBoldStyle(el: Element): boolean {
  const st = el.getAttribute('style');
  return !!st && BOLD_STYLE.test(st);
}
