// A punkt's body blocks → sections (kind, heading, text, DomRef), plus the
// case number line and attendance lines ("Afbud …", "Fraværende …").
import type { Section, SectionKind } from '../model/minutes';
import type { Block } from './blocks';
import { caseNumberFromLine } from './casenumber';
import { blockKind, endsSentence, headingish, isSectionHeading } from './headings';
import type { PathFn } from './paths';
import { collapse, lines } from './text';
import { attendanceNames, sectionKind } from './vocabulary';

export interface BodyParse {
  sections: Section[];
  /** Block index where each section starts (parallel to sections). */
  sectionStarts: number[];
  caseNumber: string | null;
  absent: string[];
  closedMarker: boolean;
}

/** The section being read. A class, not object literals: see BlockRecord in blocks.ts. */
class Open {
  kind: SectionKind;
  heading: string;
  lines: string[];
  start: number;

  constructor(kind: SectionKind, heading: string, lines: string[], start: number) {
    this.kind = kind;
    this.heading = heading;
    this.lines = lines;
    this.start = start;
  }
}

// Sections whose printed lines are items of their own (attachments, references).
const LINE_KINDS = new Set<SectionKind>(['bilag', 'historik', 'kommende']);

const CLOSED_LINE =
  /^(?:lukket (?:punkt|sag|dagsordenspunkt)|punktet er lukket|sagen er lukket|behandles for lukkede døre|lukket)\.?$/i;

/** Parse blocks [from, to) of a punkt body. `pathOf` maps block index → DomRef path (or null for text input). */
export function parseBody(
  blocks: Block[],
  from: number,
  to: number,
  punktEnd: number[] | null,
  pathOf: PathFn,
): BodyParse {
  const sections: Section[] = [];
  const sectionStarts: number[] = [];
  const absent: string[] = [];
  let caseNumber: string | null = null;
  let closedMarker = false;
  let open: Open | null = null;
  let inAttendance = false;

  const close = (endIdx: number) => {
    if (!open) return;
    sections.push({
      kind: open.kind,
      heading: open.heading,
      text: joinLines(open.lines),
      dom: domRef(blocks, open.start, endIdx, punktEnd, pathOf),
    });
    sectionStarts.push(open.start);
    open = null;
  };

  let seen = 0;
  for (let i = from; i < to; i++) {
    const b = blocks[i]!;
    if (b.chrome) continue;
    seen++;
    const t = b.text;
    // Case number: one of the first lines, on its own or labelled.
    if (!caseNumber && seen <= 4 && !open?.lines.length && t.length <= 100) {
      const cn = caseNumberFromLine(t);
      if (cn) {
        caseNumber = cn;
        continue;
      }
    }
    if (seen <= 3 && CLOSED_LINE.test(t)) closedMarker = true;
    // Attendance lines are not section text (they would pollute decisions).
    const att = t.length <= 600 ? attendanceNames(t) : null;
    if (att && (b.lead || att.colon || /^\p{Lu}/u.test(att.names) || !att.names)) {
      if (!att.names) {
        // A heading "Fraværende:" — names follow as lines.
        close(i);
        open = new Open('andet', t, [], i);
        inAttendance = true;
        continue;
      }
      if (!endsSentence(att.names) || att.names.length < 200) {
        for (const n of splitNames(att.names)) absent.push(n);
        continue;
      }
    }
    if (isSectionHeading(b) && !(open && !headingish(b) && !b.lead && blockKind(b) === open.kind)) {
      let heading = t;
      let rest = '';
      if (!blockKind(b) && b.lead && sectionKind(b.lead)) {
        heading = b.lead.replace(/[:\s]+$/, '');
        rest = collapse(t.slice(b.lead.length).replace(/^[\s:]+/, ''));
      }
      const kind = (heading === t ? blockKind(b) : sectionKind(heading))!;
      close(i);
      const bare = heading.charCodeAt(heading.length - 1) === 58 ? heading.replace(/\s*:$/, '') : heading;
      open = new Open(kind, bare, rest ? [rest] : [], i);
      inAttendance = kind === 'andet' && /^(?:fraværende|fravær|afbud)/i.test(heading);
      continue;
    }
    // "Beslutning: Godkendt." on one line.
    const colon = t.indexOf(':');
    if (colon > 2 && colon <= 40 && !headingish(b)) {
      const k = sectionKind(t.slice(0, colon));
      if (k && k !== 'andet') {
        close(i);
        open = new Open(k, t.slice(0, colon), [collapse(t.slice(colon + 1))].filter(Boolean), i);
        inAttendance = false;
        continue;
      }
    }
    if (!open) open = new Open('andet', '', [], i);
    if (inAttendance && t.length <= 300 && !endsSentence(t)) {
      for (const l of lines(b.raw)) for (const n of splitNames(l)) absent.push(n);
    }
    if (b.tag === 'tr') open.lines.push(rowLine(b.raw));
    else if (open.kind === 'beslutning' && b.raw.includes('\n')) {
      // "Godkendt.\nFraværende: A, B" in one paragraph: the attendance line is not the decision.
      for (const l of lines(b.raw)) {
        const a = attendanceNames(l);
        if (a?.names && (a.colon || /^\p{Lu}/u.test(a.names)) && l.length <= 300) {
          for (const n of splitNames(a.names)) absent.push(n);
        } else open.lines.push(l);
      }
    } else if (LINE_KINDS.has(open.kind) || inAttendance || b.el === null) open.lines.push(...lines(b.raw));
    else open.lines.push(t);
  }
  close(to);
  return { sections, sectionStarts, caseNumber, absent, closedMarker };
}

/**
 * lines.join('\n') built by concatenation: V8 keeps the result a rope of the
 * block texts instead of copying every character of a long section (the copy,
 * if any, happens once where the text is finally read).
 */
function joinLines(lines: string[]): string {
  if (lines.length === 0) return '';
  let s = lines[0]!;
  for (let i = 1; i < lines.length; i++) s = `${s}\n${lines[i]!}`;
  return s;
}

/** A table row's cells, each collapsed, joined by tabs (trailing empty cells dropped). */
export function rowLine(raw: string): string {
  let end = raw.length;
  while (end > 0 && raw.charCodeAt(end - 1) === 9) end--;
  const s = end === raw.length ? raw : raw.slice(0, end);
  return cleanCells(s) ? s : s.split('\t').map(collapse).join('\t');
}

// Where a row's cells are not already collapsed: other whitespace or a zero-width space, a space at a
// cell's start (line start, after a tab or a space: also double spaces) or at its end (before a tab or
// at the line end).
const UNCLEAN_CELLS = /[^\S\t ]|\u200b|(?:^|[\t ]) | (?:\t|$)/;

/** True when every tab-separated cell of `s` is already collapsed (single inner spaces, no edge spaces). */
function cleanCells(s: string): boolean {
  return !UNCLEAN_CELLS.test(s);
}

function domRef(blocks: Block[], start: number, end: number, punktEnd: number[] | null, pathOf: PathFn) {
  const s = pathOf(blocks[start]);
  if (!s) return null;
  const e = end < blocks.length ? pathOf(blocks[end]) : null;
  return { startPath: s, endPath: e ?? punktEnd };
}

/** "A (C), B (B) (Afbud); C" → names; commas inside parentheses are kept. */
export function splitNames(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(') depth++;
    else if (ch === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === ',' || ch === ';' || ch === '\n')) {
      push(out, cur);
      cur = '';
    } else cur += ch;
  }
  push(out, cur);
  return out;
}

function push(out: string[], s: string) {
  const c = collapse(s)
    .replace(/^(?:og|samt)\s+/i, '')
    .replace(/\.$/, '');
  if (c && /\p{L}/u.test(c) && c.length <= 120) out.push(c);
}

/** Section text joined with spaces: the decision as the manifest records it. */
export function sectionTextCollapsed(s: Section): string {
  return collapse(s.text);
}
