// Plain text / markdown-like referater (PDF conversions as in shared/seeds)
// → the same Block list the DOM extractor produces.
import type { Block } from './blocks';
import { collapse } from './text';

const HEADING = /^(#{1,6})\s+(.*)$/;
const BOLD_LINE = /^\s*(?:\*\*|__)(.+?)(?:\*\*|__)\s*:?\s*$/;
const LEAD_BOLD = /^\s*(?:\*\*|__)(.+?)(?:\*\*|__)/;
const BULLET = /^\s*(?:[-*•·▪]|\d{1,3}[.)])\s+/;
// "3. Godkendelse af dagsorden": a numbered line that reads like a heading, not a list item.
const NUMBERED_TITLE = /^\d{1,3}[.)]\s+\p{Lu}[^\n]{1,150}[^.,;:!?]$/u;
const RULE = /^\s*[-=_|\t ]{3,}\s*$/;

function stripMarkdown(s: string): string {
  return s.replace(/\*\*|__/g, '').replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
}

function make(raw: string, tag: string, level: number, bold: boolean, lead: string): Block {
  return {
    text: collapse(raw),
    raw,
    tag,
    level,
    bold,
    hint: false,
    chrome: false,
    inList: tag === 'li',
    ord: 0,
    lead,
    el: null,
    pos: -1,
    sh: undefined,
    kind: undefined,
    anchor: null,
    dataId: null,
  };
}

/** Convert markdown-like text to blocks: headings, bold-only lines, list items, table rows, paragraphs. */
export function textToBlocks(input: string): Block[] {
  const out: Block[] = [];
  let para: string[] = [];
  let paraLead = '';
  const flushPara = () => {
    if (para.length) {
      const raw = para.join('\n');
      if (collapse(raw)) out.push(make(raw, 'p', 0, false, paraLead));
    }
    para = [];
    paraLead = '';
  };
  for (const line0 of input.replace(/\r\n?/g, '\n').split('\n')) {
    const line = line0.replace(/\s+$/, '');
    if (!line.trim() || RULE.test(line)) {
      flushPara();
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      flushPara();
      const inner = h[2]!;
      const bold = BOLD_LINE.test(inner);
      out.push(make(stripMarkdown(inner), `h${h[1]!.length}`, h[1]!.length, bold, ''));
      continue;
    }
    if (BOLD_LINE.test(line)) {
      flushPara();
      out.push(make(stripMarkdown(line), 'p', 0, true, ''));
      continue;
    }
    if (line.includes('\t')) {
      flushPara();
      out.push(make(stripMarkdown(line), 'tr', 0, false, ''));
      continue;
    }
    if (BULLET.test(line) && !NUMBERED_TITLE.test(line.trim())) {
      flushPara();
      const lead = LEAD_BOLD.exec(line.replace(BULLET, ''));
      out.push(make(stripMarkdown(line), 'li', 0, false, lead ? collapse(lead[1]!) : ''));
      continue;
    }
    // A new line continues the paragraph only when the previous one looks hard-wrapped.
    const prev = para[para.length - 1];
    if (prev !== undefined && (prev.trim().length < 50 || /[.:!?]\s*$/.test(prev))) flushPara();
    if (para.length === 0) {
      const lead = LEAD_BOLD.exec(line);
      paraLead = lead ? collapse(stripMarkdown(lead[1]!)) : '';
    }
    para.push(stripMarkdown(line));
  }
  flushPara();
  return out;
}
