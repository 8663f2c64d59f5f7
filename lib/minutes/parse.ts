// The parser core: blocks → Meeting. Shared by DOM, JSON-state and text input.
import type { Meeting, Platform, Punkt } from '../model/minutes';
import type { Block } from './blocks';
import {
  type BlockFacts,
  blockFacts,
  blockKind,
  chooseSequence,
  clearKindMemo,
  findCandidates,
  headingish,
  isSectionHeading,
  type Sequence,
} from './headings';
import { meetingMeta, nameKey } from './meeting';
import { pathFinder } from './paths';
import { buildPunkt } from './punkt';
import { dedupe } from './text';
import { sectionKind } from './vocabulary';

export type Reason = 'not-minutes' | 'no-punkter' | 'error';

export interface CoreOptions {
  url: string;
  docTitle: string;
  platform: Platform | null;
  relaxed?: boolean;
  /** Item ids (JSON state) by punkt order, for deep links. */
  ids?: (string | null)[];
  /** Root element the blocks came from (DomRef paths are relative to it); null for text. */
  root?: Element | null;
}

export type CoreResult =
  | { meeting: Meeting; platform: Platform }
  | { meeting: null; reason: Reason; vocabKinds: number };

/** Distinct non-'andet' section kinds among heading-like blocks (a cheap "looks like minutes" measure). */
export function vocabularyKinds(blocks: Block[]): number {
  const kinds = new Set<string>();
  for (const b of blocks) {
    if (b.chrome || b.text.length > 120) continue;
    if (isSectionHeading(b)) {
      const k = blockKind(b) ?? (b.lead ? sectionKind(b.lead) : null);
      if (k && k !== 'andet') kinds.add(k);
    }
  }
  return kinds.size;
}

export function parseBlocks(blocks: Block[], opts: CoreOptions): CoreResult {
  clearKindMemo();
  try {
    return parseCore(blocks, opts);
  } finally {
    clearKindMemo();
  }
}

function parseCore(blocks: Block[], opts: CoreOptions): CoreResult {
  const facts = blockFacts(blocks);
  const cands = findCandidates(blocks, opts.relaxed);
  const seq = chooseSequence(blocks, cands, facts) ?? punktPageFallback(blocks, opts.url, facts);
  const fail = (): CoreResult => {
    const vocabKinds = vocabularyKinds(blocks);
    return { meeting: null, reason: vocabKinds >= 2 ? 'no-punkter' : 'not-minutes', vocabKinds };
  };
  if (!seq || seq.evidence === 0) return fail();
  const items = seq.items;
  // Weak sequences (plain paragraphs) need evidence on a good share of members.
  const first = items[0]!;
  if (!headingish(blocks[first.start]!) && !headingish(blocks[first.end]!)) {
    if (seq.evidence * 3 < items.length) return fail();
  }
  // A single numbered heading (not "Punkt N") is only a punkt with vocabulary in its body.
  if (items.length === 1 && first.kind === 'num' && first.weight < 2) return fail();

  const single = items.length === 1 && first.kind === 'meta';
  const platform: Platform = opts.platform ?? (single ? 'punktpage' : 'generic');

  // The end of the content: last non-chrome block.
  let contentEnd = blocks.length;
  while (contentEnd > 0 && blocks[contentEnd - 1]!.chrome) contentEnd--;

  const pathOf = pathFinder(opts.root);
  const punkter: Punkt[] = [];
  const absent: string[] = [];
  for (let k = 0; k < items.length; k++) {
    const c = items[k]!;
    const next = items[k + 1];
    const to = next
      ? next.start
      : Math.max(seq.bound >= 0 ? Math.min(seq.bound, contentEnd) : contentEnd, c.end + 1);
    const endPath = to < blocks.length ? pathOf(blocks[to]) : null;
    const { punkt, absent: a } = buildPunkt(blocks, c, to, {
      url: opts.url,
      platform,
      endPath,
      itemId: opts.ids ? (opts.ids[k] ?? null) : null,
      pathOf,
    });
    punkter.push(punkt);
    absent.push(...a);
  }

  // Minutes carry more than numbered headings: a case number, a decision or two kinds of sections.
  const kinds = new Set<string>();
  for (const p of punkter) for (const s of p.sections) if (s.kind !== 'andet') kinds.add(s.kind);
  if (!punkter.some((p) => p.caseNumber) && !kinds.has('beslutning') && kinds.size < 2) return fail();

  const meta = meetingMeta(blocks, first.start, {
    url: opts.url,
    docTitle: opts.docTitle,
    metaLine: first.kind === 'meta' ? blocks[first.start]!.text : '',
    hasDecisions: punkter.some((p) => p.decision),
  });

  const meeting: Meeting = {
    municipality: meta.municipality,
    committee: meta.committee,
    date: meta.date,
    time: meta.time,
    place: meta.place,
    participants: meta.participants,
    absent: dedupe([...meta.absent, ...absent], nameKey),
    kind: meta.kind,
    sourceUrl: opts.url || null,
    punkter,
  };
  return { meeting, platform };
}

/**
 * One punkt per page without a "Punkt N" line (the number is only in the URL,
 * e.g. ".../referat/punkt-3"): the page's main heading is the punkt title.
 */
function punktPageFallback(blocks: Block[], url: string, facts: BlockFacts): Sequence | null {
  const m = /\/punkt[-_]?(\d{1,4})\/?(?:[?#]|$)/i.exec(url);
  if (!m) return null;
  let h = -1;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (!b.chrome && b.level === 1 && b.text.length <= 300) {
      h = i;
      break;
    }
  }
  if (h < 0) return null;
  let end = blocks.length;
  while (end > h + 1 && blocks[end - 1]!.chrome) end--;
  if (facts.vocabPrefix[end]! - facts.vocabPrefix[h + 1]! === 0) return null;
  const c = {
    start: h,
    end: h,
    number: Number(m[1]),
    title: blocks[h]!.text,
    kind: 'meta' as const,
    sig: 'M',
    meta: '',
    weight: 3,
  };
  return { items: [c], score: 3, evidence: 1, bound: -1 };
}
