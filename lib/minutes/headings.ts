// Punkt headings: find candidates anywhere, then choose the coherent
// sequence (increasing numbers, same structural kind, bodies that carry
// minutes vocabulary). This rejects sub-headings, numbered list items and
// tables of contents without knowing any site's class names.
import type { SectionKind } from '../model/minutes';
import type { Block } from './blocks';
import { CASE_NUMBER_PATTERN, caseNumberFromLine } from './casenumber';
import { classifyHeading, mayBeSectionHeading, sectionKind } from './vocabulary';

export interface Candidate {
  /** Index of the first heading block. */
  start: number;
  /** Index of the last heading block (title block for split/meta headings). */
  end: number;
  number: number;
  /** Title as printed (prefixes included, number removed). */
  title: string;
  kind: 'punkt' | 'num' | 'split' | 'meta';
  sig: string;
  /** Extra text of the heading line that may carry a case number or date (meta lines). */
  meta: string;
  weight: number;
}

const PUNKT = /^(?:punkt|pkt\.?|dagsordens?punkt|sag\s+nr\.?)\s*(\d{1,4})(?:\s*[:.)\-–—]\s*|\s+|$)(.*)$/iu;
const NUM = /^(\d{1,3})(?:\s*[.):]|\s+[-–—])\s*(?=[\p{L}"'«„”])(.+)$/u;
const NUM_SPACE = /^(\d{1,3})\s+(?=\p{Lu})(.+)$/u;
const NUM_ONLY = /^(?:punkt\s*|pkt\.?\s*)?(\d{1,4})\s*[.:)]?$/iu;
const META_REST = /^(?:[·|•,;/–—-]|\(|$)|^(?:møde|mødet|dato|sagsnr)/iu;
const TOC = /\.{4,}|…{2,}|\t\s*\d{1,3}\s*$/;

export function headingish(b: Block): boolean {
  return b.level > 0 || b.bold || b.hint;
}

/** Per-block precomputation: is it a vocabulary section heading / a case-number line. */
export interface BlockFacts {
  vocabPrefix: Int32Array;
  /** Per block, computed on demand: 0 unknown, 1 not a case-number line, 2 a case-number line. */
  caseLine: Int8Array;
}

/** Some block in [from, to) is a (short, non-chrome) case-number line. */
export function hasCaseLine(blocks: Block[], facts: BlockFacts, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    let c = facts.caseLine[i]!;
    if (c === 0) {
      const b = blocks[i]!;
      c = !b.chrome && b.text.length <= 80 && caseNumberFromLine(b.text) ? 2 : 1;
      facts.caseLine[i] = c;
    }
    if (c === 2) return true;
  }
  return false;
}

export function blockFacts(blocks: Block[]): BlockFacts {
  const n = blocks.length;
  const vocabPrefix = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const b = blocks[i]!;
    const v = !b.chrome && b.text.length <= 120 && isSectionHeading(b) ? 1 : 0;
    vocabPrefix[i + 1] = vocabPrefix[i]! + v;
  }
  return { vocabPrefix, caseLine: new Int8Array(n) };
}

/** A block that opens a section: a header-looking or short line with known vocabulary. */
export function isSectionHeading(b: Block): boolean {
  if (b.sh !== undefined) return b.sh;
  b.sh = sectionHeading(b);
  return b.sh;
}

// Headings repeat in every punkt ("Beslutning", "Bilag"): classify each distinct text once per parse.
const kindMemo = new Map<string, SectionKind | null>();

/** Forget the texts classified so far (parseBlocks calls it before and after a parse). */
export function clearKindMemo(): void {
  kindMemo.clear();
}

/** sectionKind(b.text), computed once per block (and once per distinct text while a parse runs). */
export function blockKind(b: Block): SectionKind | null {
  let k = b.kind;
  if (k === undefined) {
    const t = b.text;
    if (!mayBeSectionHeading(t)) k = null;
    else {
      k = kindMemo.get(t);
      if (k === undefined) {
        k = classifyHeading(t);
        kindMemo.set(t, k);
      }
    }
    b.kind = k;
  }
  return k;
}

/** Ends with '.', '!' or '?' (a sentence, not a heading). */
export function endsSentence(s: string): boolean {
  const c = s.charCodeAt(s.length - 1);
  return c === 46 || c === 33 || c === 63;
}

function sectionHeading(b: Block): boolean {
  if (b.text.length > 120) return false;
  if (headingish(b) || (b.text.length <= 60 && !endsSentence(b.text) && b.tag !== 'li')) {
    if (blockKind(b)) return true;
  }
  if (b.lead && b.lead.length < b.text.length && sectionKind(b.lead)) return true;
  return false;
}

function titleLike(b: Block | undefined): boolean {
  return (
    !!b &&
    !b.chrome &&
    b.text.length >= 2 &&
    b.text.length <= 300 &&
    /\p{L}/u.test(b.text) &&
    !NUM_ONLY.test(b.text)
  );
}

/** Find punkt heading candidates in document order. `relaxed` also accepts plain "3. Title" lines. */
export function findCandidates(blocks: Block[], relaxed = false): Candidate[] {
  const out: Candidate[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    // Table-of-contents lines ("3. Budget ..... 12") are never punkt headings (tested only where it matters).
    if (b.chrome || b.text.length > 320) continue;
    const t = b.text;
    const c0 = t.charCodeAt(0);
    const hish = headingish(b);
    if ((c0 | 32) === 112 || (c0 | 32) === 115 || (c0 | 32) === 100) {
      // p / s / d: "Punkt 3 …", "Pkt. 3", "Sag nr. 3", "Dagsordenspunkt 3"
      const m = PUNKT.exec(t);
      if (m) {
        if (TOC.test(b.raw)) continue;
        const num = +m[1]!;
        const rest = m[2]!.trim();
        if (!rest || META_REST.test(rest)) {
          // "Punkt 2 · Møde 06.06.2023" meta line: the title is the adjacent heading.
          const next = blocks[i + 1];
          const prev = blocks[i - 1];
          if (titleLike(next) && (headingish(next!) || !rest)) {
            out.push(
              cand(i, i + 1, num, next!.text, rest ? 'meta' : 'split', rest ? 'M' : `S|${b.tag}`, rest),
            );
          } else if (rest && prev && prev.level > 0 && titleLike(prev)) {
            out.push(cand(i - 1, i, num, prev.text, 'meta', 'M', rest));
          }
          continue;
        }
        out.push(cand(i, i, num, rest, 'punkt', `P|${hish ? 'h' : b.tag === 'li' ? 'l' : 'p'}`, ''));
        continue;
      }
    }
    if (b.ord > 0 && hish && (c0 < 48 || c0 > 57) && titleLike(b) && b.text.length <= 200) {
      // <ol><li><h3>Title</h3>…: the number is the list item's ordinal.
      const fk = blockKind(b);
      if ((!fk || fk === 'andet') && !TOC.test(b.raw)) {
        out.push(cand(i, i, b.ord, t, 'num', `O|${b.tag}|${b.level}|${b.bold}|${b.hint}`, ''));
        continue;
      }
    }
    if (c0 < 48 || c0 > 57 || TOC.test(b.raw)) continue;
    const m = NUM.exec(t) ?? (hish ? NUM_SPACE.exec(t) : null);
    if (m) {
      if (b.inList && !hish) continue;
      if (!hish && (!relaxed || !/^\d{1,3}\s*[.):]?\s*[\p{Lu}"'«„”]/u.test(t) || /[.,;:]$/.test(t))) continue;
      if (CASE_NUMBER_PATTERN.test(t.slice(0, 24)) && /^\d{2}[./-]\d/.test(t)) continue;
      // Numbered field headings ("2. Sagsfremstilling") are sections, not punkter.
      const fk = sectionKind(m[2]!);
      if (fk && fk !== 'andet') continue;
      out.push(
        cand(i, i, +m[1]!, m[2]!.trim(), 'num', `N|${b.tag}|${b.level}|${b.bold}|${b.hint}|${b.inList}`, ''),
      );
      continue;
    }
    const only = NUM_ONLY.exec(t);
    if (only) {
      const next = blocks[i + 1];
      if (titleLike(next) && (hish || headingish(next!)) && (blockKind(next!) ?? 'andet') === 'andet') {
        out.push(
          cand(i, i + 1, +only[1]!, next!.text, 'split', `S|${b.tag}|${next!.tag}|${next!.level}`, ''),
        );
        i++;
      }
    }
  }
  return out;
}

function cand(
  start: number,
  end: number,
  number: number,
  title: string,
  kind: Candidate['kind'],
  sig: string,
  meta: string,
): Candidate {
  return new CandidateRecord(start, end, number, title, kind, sig, meta);
}

// Made by a constructor, not an object literal: no allocation site whose pretenuring would discard
// findCandidates' compiled code (see BlockRecord in blocks.ts).
class CandidateRecord implements Candidate {
  declare start: number;
  declare end: number;
  declare number: number;
  declare title: string;
  declare kind: Candidate['kind'];
  declare sig: string;
  declare meta: string;
  declare weight: number;

  constructor(
    start: number,
    end: number,
    number: number,
    title: string,
    kind: Candidate['kind'],
    sig: string,
    meta: string,
  ) {
    this.start = start;
    this.end = end;
    this.number = number;
    this.title = title;
    this.kind = kind;
    this.sig = sig;
    this.meta = meta;
    this.weight = 0;
  }
}

// Weights are fractional: let the field hold a fraction from the start (a first fraction written during
// a parse would otherwise change the record's layout and discard compiled code).
new CandidateRecord(0, 0, 0, '', 'num', '', '').weight = 0.5;

export interface Sequence {
  items: Candidate[];
  /** Block index where the last item's body must end (next candidate of the same kind), or -1. */
  bound: number;
  score: number;
  /** Members whose body carries vocabulary or a case number. */
  evidence: number;
}

/** Choose the best coherent sequence among candidates; null when none qualifies. */
export function chooseSequence(blocks: Block[], cands: Candidate[], facts: BlockFacts): Sequence | null {
  if (cands.length === 0) return null;
  const groups = new Map<string, Candidate[]>();
  for (const c of cands) {
    const g = groups.get(c.sig);
    if (g) g.push(c);
    else groups.set(c.sig, [c]);
  }
  let best: Sequence | null = null;
  for (const [sig, group] of groups) {
    const segs = segments(group);
    for (let s = 0; s < segs.length; s++) {
      const bound = s + 1 < segs.length ? segs[s + 1]![0]!.start : -1;
      const seq = bestIncreasing(blocks, segs[s]!, facts, sig, bound);
      if (!seq) continue;
      if (!best || seq.score > best.score + 1e-9) best = seq;
    }
  }
  return best;
}

/** Split a group where numbering restarts (e.g. an agenda tab followed by a minutes tab). */
function segments(group: Candidate[]): Candidate[][] {
  const out: Candidate[][] = [];
  let cur: Candidate[] = [];
  let first = -1;
  for (const c of group) {
    if (cur.length >= 2 && c.number <= first) {
      out.push(cur);
      cur = [];
    }
    if (cur.length === 0) first = c.number;
    cur.push(c);
  }
  if (cur.length) out.push(cur);
  return out;
}

function weigh(
  blocks: Block[],
  c: Candidate,
  bodyEnd: number,
  facts: BlockFacts,
): { w: number; ev: boolean } {
  const bodyStart = c.end + 1;
  const hasBody = bodyEnd > bodyStart;
  const vocab = facts.vocabPrefix[bodyEnd]! - facts.vocabPrefix[bodyStart]!;
  const caseEnd = Math.min(bodyEnd, bodyStart + 3);
  const hasCase =
    hasCaseLine(blocks, facts, bodyStart, caseEnd) ||
    /sags?nr|sagsnummer/i.test(c.meta) ||
    CASE_NUMBER_PATTERN.test(c.title);
  const closed = /\blukket\b|fortrolig/i.test(c.title);
  let w = 0.3;
  if (vocab > 0) w += 2 + Math.min(vocab, 4) * 0.1;
  if (hasCase) w += 1;
  if (c.kind === 'punkt' || c.kind === 'meta') w += 0.5;
  if (headingish(blocks[c.start]!) || headingish(blocks[c.end]!)) w += 0.3;
  if (!hasBody && !closed) w = 0.1;
  if (closed) w += 0.5;
  return { w, ev: vocab > 0 || hasCase };
}

/** Max-weight strictly increasing subsequence with a bonus for consecutive numbers. */
function bestIncreasing(
  blocks: Block[],
  group: Candidate[],
  facts: BlockFacts,
  sig: string,
  bound: number,
): Sequence | null {
  const n = group.length;
  const ws: number[] = new Array(n);
  const evs: boolean[] = new Array(n);
  for (let k = 0; k < n; k++) {
    const c = group[k]!;
    const nextStart = k + 1 < n ? group[k + 1]!.start : bound >= 0 ? bound : nextChrome(blocks, c.end + 1);
    const { w, ev } = weigh(blocks, c, nextStart, facts);
    ws[k] = w;
    evs[k] = ev;
  }
  const dp: number[] = new Array(n);
  const prev: number[] = new Array(n);
  const limit = n > 1500 ? 64 : n; // bound the quadratic window on pathological pages
  for (let i = 0; i < n; i++) {
    let bestV = 0;
    let bestJ = -1;
    const ni = group[i]!.number;
    for (let j = i - 1; j >= 0 && i - j <= limit; j--) {
      const nj = group[j]!.number;
      if (nj >= ni) continue;
      const v = dp[j]! + (ni === nj + 1 ? 0.5 : ni - nj > 20 ? -0.5 : 0);
      if (v > bestV) {
        bestV = v;
        bestJ = j;
      }
    }
    dp[i] = ws[i]! + bestV;
    prev[i] = bestJ;
  }
  let end = -1;
  for (let i = 0; i < n; i++) if (end < 0 || dp[i]! > dp[end]!) end = i;
  if (end < 0) return null;
  const items: Candidate[] = [];
  let evidence = 0;
  for (let i = end; i >= 0; i = prev[i]!) {
    const c = group[i]!;
    c.weight = ws[i]!;
    if (evs[i]) evidence++;
    items.push(c);
  }
  items.reverse();
  // Prefer "Punkt N" headings and real heading levels slightly on ties.
  const bonus = sig.startsWith('P|h') || sig === 'M' ? 0.2 : sig.startsWith('P|') ? -0.5 : 0;
  return { items, score: dp[end]! + bonus, evidence, bound };
}

/** First chrome block at or after i (end of the content), or blocks.length. */
export function nextChrome(blocks: Block[], i: number): number {
  for (let k = i; k < blocks.length; k++) if (blocks[k]!.chrome) return k;
  return blocks.length;
}
