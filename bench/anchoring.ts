// Anchoring benchmark (issue 3). Builds a ~1 MB minutes page in jsdom from
// the seed referater, describes 1,000 highlights spread over the punkter's
// sections, then measures re-anchoring: unchanged page, page with 10 % of the
// punkter edited, and a naive per-annotation full-text search for comparison.
// Run alone: `npx tsx bench/anchoring.ts`; bench/run.ts calls benchAnchoring().
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import {
  anchorAll,
  buildTextIndex,
  createDomRefLocator,
  describe,
  meetingScopeResolver,
  type ScopeResolver,
} from '../lib/anchoring';
import { parseDocument } from '../lib/minutes';
import type { SectionKind } from '../lib/model/minutes';
import type { AnchorScope, Target } from '../lib/model/selectors';
import { median, rng } from './lib/stats';

const SEEDS = '/work/shared/seeds';
const TARGET_BYTES = 1_000_000;
const HIGHLIGHTS = 1000;
const SECTION_KINDS: Array<[SectionKind, string]> = [
  ['resume', 'Resumé'],
  ['sagsfremstilling', 'Sagsfremstilling'],
  ['indstilling', 'Indstilling'],
  ['beslutning', 'Beslutning'],
];

function seedSentences(): string[] {
  const out: string[] = [];
  let files: string[] = [];
  try {
    files = readdirSync(SEEDS).filter((f) => f.endsWith('.txt'));
  } catch {
    files = [];
  }
  for (const f of files) {
    const text = readFileSync(join(SEEDS, f), 'utf8')
      .replace(/[#*|\t]+/g, ' ')
      .replace(/\s+/g, ' ');
    for (const s of text.split(/(?<=[.!?])\s+/)) {
      const t = s.trim();
      if (t.length >= 40 && t.length <= 320 && !/\.{4,}/.test(t)) out.push(t);
    }
  }
  if (out.length < 50) {
    // Fallback corpus so the bench runs without the shared seeds.
    const w =
      'kommunalbestyrelsen godkender at der afsættes midler til renovering af skolen og daginstitutionen samt at udvalget orienteres om økonomien i projektet borgerne høres over sommeren'.split(
        ' ',
      );
    const r = rng(99);
    for (let i = 0; i < 400; i++) {
      const n = 8 + Math.floor(r() * 25);
      const words = Array.from({ length: n }, () => w[Math.floor(r() * w.length)]);
      out.push(`${words.join(' ')}.`.replace(/^./, (c) => c.toUpperCase()));
    }
  }
  return out;
}

const NAMES = ['Ballerup', 'Skovlunde', 'Måløv', 'Ærø', 'Høje Tåstrup', 'Egedal', 'Furesø', 'Østerbro'];

/** A sentence from the corpus, varied so that sentences are unique-ish across the page. */
function sentence(corpus: string[], r: () => number, serial: number): string {
  const s = corpus[Math.floor(r() * corpus.length)]!;
  const v = Math.floor(r() * 4);
  if (v === 0) return s.replace(/\.$/, `, jf. bilag ${serial % 97} (sag ${2020 + (serial % 5)}-${serial}).`);
  if (v === 1) return `I ${NAMES[serial % NAMES.length]} gælder: ${s}`;
  if (v === 2) return s.replace(/\.$/, ` Beløbet udgør ${(serial * 7919) % 100000} kr.`);
  return s;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

type PageShape = Pick<Page, 'punkter' | 'sections'>;

export interface Page {
  html: string;
  punkter: number;
  sections: number;
}

export function buildPage(): Page {
  const corpus = seedSentences();
  const r = rng(42);
  const head =
    '<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Referat Økonomiudvalget</title>' +
    '<style>body{font-family:sans-serif}</style><script>window.__state={"x":1}</script></head><body>\n' +
    '<div class="cookie">Vi bruger cookies til statistik. <button>Accepter</button></div>\n' +
    '<header><nav><ul><li><a href="/">Forside</a></li><li><a href="/politik">Politik</a></li></ul></nav></header>\n' +
    '<main><h1>Referat: Økonomiudvalget</h1>\n<p>Mødedato: 12. marts 2024 kl. 16:00<br>Mødested: Rådhuset</p>\n';
  const parts: string[] = [head];
  let bytes = head.length;
  let serial = 0;
  let n = 0;
  while (bytes < TARGET_BYTES) {
    n++;
    const title = escapeHtml(sentence(corpus, r, serial++).slice(0, 60));
    let punkt = `<section class="punkt" id="p${n}">\n  <h2>Punkt ${n}: ${title}</h2>\n  <div class="case">Sagsnr.: 00.${10 + (n % 80)}.00-A00-${n}-24</div>\n`;
    SECTION_KINDS.forEach(([, heading], si) => {
      punkt += `  <div class="section" id="p${n}-s${si}">\n    <h3>${heading}</h3>\n`;
      const paras = si === 1 ? 4 + Math.floor(r() * 5) : 1 + Math.floor(r() * 2);
      for (let k = 0; k < paras; k++) {
        const count = 2 + Math.floor(r() * 5);
        const ss = Array.from({ length: count }, () => escapeHtml(sentence(corpus, r, serial++)));
        if (r() < 0.25) ss[0] = `<strong>${ss[0]}</strong>`;
        const joiner = r() < 0.15 ? '<br>' : ' ';
        if (r() < 0.1) punkt += `    <ul>\n${ss.map((s) => `      <li>${s}</li>`).join('\n')}\n    </ul>\n`;
        else punkt += `    <p>${ss.join(joiner)}</p>\n`;
      }
      punkt += '  </div>\n';
    });
    punkt += '</section>\n';
    parts.push(punkt);
    bytes += Buffer.byteLength(punkt);
  }
  parts.push('</main><footer>Kommunen · Rådhuset</footer></body></html>');
  return { html: parts.join(''), punkter: n, sections: n * SECTION_KINDS.length };
}

export const BENCH_URL = 'https://dagsorden.example.dk/referat/oekonomiudvalget/2024-03-12';

/**
 * Scopes as the content script gets them: the parser's model of the page
 * (lib/minutes), DomRefs resolved without Ranges (a fresh locator per batch,
 * so its cost is timed). Falls back to the generator's element ids if the
 * parser does not recognise the page.
 */
function scoping(doc: Document): { resolver: () => ScopeResolver; source: string } {
  const parsed = parseDocument(doc, BENCH_URL);
  const m = parsed.meeting;
  if (m && m.punkter.length > 0) {
    const body = doc.body;
    return {
      resolver: () => meetingScopeResolver(m, createDomRefLocator(body)),
      source: `parser (${m.punkter.length} punkter)`,
    };
  }
  return { resolver: () => idResolver(doc), source: 'element ids' };
}

function idResolver(doc: Document): ScopeResolver {
  return (s: AnchorScope) =>
    s.sectionIndex === null
      ? doc.getElementById(`p${s.punktNumber}`)
      : doc.getElementById(`p${s.punktNumber}-s${s.sectionIndex}`);
}

interface Highlight {
  target: Target;
  punkt: number;
  exact: string;
}

function makeHighlights(doc: Document, page: PageShape, resolve: ScopeResolver): Highlight[] {
  const idx = buildTextIndex(doc);
  const r = rng(7);
  const out: Highlight[] = [];
  let i = 0;
  while (out.length < HIGHLIGHTS && i < HIGHLIGHTS * 3) {
    i++;
    const punkt = 1 + Math.floor(r() * page.punkter);
    const si = Math.floor(r() * SECTION_KINDS.length);
    const scope: AnchorScope = {
      meetingKey: 'bench',
      punktNumber: punkt,
      caseNumber: `00.${10 + (punkt % 80)}.00-A00-${punkt}-24`,
      sectionKind: SECTION_KINDS[si]![0],
      sectionIndex: si,
    };
    const el = doc.getElementById(`p${punkt}-s${si}`)!;
    const o = idx.elementOffsets(el);
    // Skip the heading; start on a word boundary.
    const bodyStart = idx.text.indexOf('\n', o.start + 2) + 1;
    if (bodyStart <= 0 || bodyStart >= o.end - 30) continue;
    const a = bodyStart + Math.floor(r() * (o.end - bodyStart - 30));
    const s = idx.text.indexOf(' ', a) + 1;
    const len = 15 + Math.floor(r() * r() * 250);
    const e = Math.min(o.end, s + len);
    if (s <= 0 || e - s < 10 || !/\S/.test(idx.text.slice(s, e))) continue;
    const target = describe(idx, { start: s, end: e }, scope, resolve);
    if (target) out.push({ target, punkt, exact: target.selectors[0].exact });
  }
  return out;
}

/** Edit 10 % of the punkter: insert, delete and modify sentences; also shift the body. */
function editPage(doc: Document, page: PageShape): Set<number> {
  const r = rng(1234);
  const edited = new Set<number>();
  const want = Math.round(page.punkter / 10);
  while (edited.size < want) edited.add(1 + Math.floor(r() * page.punkter));
  for (const n of edited) {
    const punkt = doc.getElementById(`p${n}`)!;
    const paras = Array.from(punkt.querySelectorAll('p, li'));
    paras.forEach((p, k) => {
      const sentences = (p.textContent ?? '').split(/(?<=\.)\s+/);
      const op = k % 3;
      if (op === 0)
        sentences.splice(
          1,
          0,
          'Forvaltningen har efter mødet tilføjet denne bemærkning om sagens videre forløb.',
        );
      else if (op === 1 && sentences.length > 1) sentences.splice(Math.floor(sentences.length / 2), 1);
      else
        sentences[0] = (sentences[0] ?? '').replace(/\b(og|at|til|af|i)\b/g, (w) =>
          w === 'og' ? 'samt' : w.toUpperCase(),
        );
      p.textContent = sentences.join(' ');
    });
    const first = punkt.querySelector('.section p');
    const note = doc.createElement('p');
    note.textContent = 'Rettelse: Punktet er opdateret efter mødet med nye oplysninger fra forvaltningen.';
    first?.before(note);
  }
  const banner = doc.createElement('div');
  banner.textContent =
    'Ny driftsmeddelelse: Selvbetjeningen er lukket lørdag på grund af opdatering af systemerne.';
  doc.body.prepend(banner);
  return edited;
}

function round(x: number, d = 2): number {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

function timeAnchoring(doc: Document, targets: Target[], runs: number, resolver: () => ScopeResolver) {
  const times: number[] = [];
  const buildTimes: number[] = [];
  let last: ReturnType<typeof anchorAll> = [];
  let lastIndex = buildTextIndex(doc);
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const idx = buildTextIndex(doc);
    const t1 = performance.now();
    const res = anchorAll(targets, idx, resolver());
    const t2 = performance.now();
    if (i > 0) {
      times.push(t2 - t0);
      buildTimes.push(t1 - t0);
    }
    last = res;
    lastIndex = idx;
  }
  return { ms: median(times), buildMs: median(buildTimes), results: last, index: lastIndex };
}

/** The naive approach: per annotation, collect the whole text with a fresh TreeWalker and indexOf the quote. */
function naive(doc: Document, quotes: string[]): { ms: number; found: number } {
  let found = 0;
  const t0 = performance.now();
  for (const q of quotes) {
    const walker = doc.createTreeWalker(doc.body, 4 /* SHOW_TEXT */);
    let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) text += (n as Text).data;
    if (text.indexOf(q) >= 0) found++;
  }
  return { ms: performance.now() - t0, found };
}

export async function benchAnchoring(): Promise<Record<string, number | string>> {
  const page = buildPage();
  const dom = new JSDOM(page.html);
  const env = process.env;
  const metrics = runAnchoringBench(dom.window.document, page, {
    naiveSample: env.BENCH_NAIVE_SAMPLE === undefined ? undefined : Number(env.BENCH_NAIVE_SAMPLE),
    debug: !!env.BENCH_DEBUG,
  });
  return { page_bytes: Buffer.byteLength(page.html), ...metrics };
}

/**
 * The DOM part of the bench on an already loaded page (jsdom here; the same
 * code also runs in a real browser page). Mutates the page (edits 10 %).
 */
export function runAnchoringBench(
  doc: Document,
  page: PageShape,
  opts: { naiveSample?: number; debug?: boolean } = {},
): Record<string, number | string> {
  const scopes = scoping(doc);
  const highlights = makeHighlights(doc, page, scopes.resolver());
  const targets = highlights.map((h) => h.target);

  // Unchanged page.
  const plain = timeAnchoring(doc, targets, 7, scopes.resolver);
  const exactSame = plain.results.filter(
    (r, i) => r.status === 'anchored' && plain.index.slice(r.start, r.end) === highlights[i]!.exact,
  ).length;
  const byPosition = plain.results.filter((r) => r.method === 'position').length;

  // Naive, same page, same run: all 1,000 (BENCH_NAIVE_SAMPLE=n times an
  // evenly spaced sample of n and scales it, for slow machines).
  const sample =
    opts.naiveSample === undefined
      ? highlights.length
      : Math.max(1, Math.min(highlights.length, opts.naiveSample));
  const step = highlights.length / sample;
  const quotes = Array.from({ length: sample }, (_, i) => highlights[Math.floor(i * step)]!.exact);
  naive(doc, quotes.slice(0, 3)); // warm-up
  const nv = naive(doc, quotes);
  const naiveMs1000 = (nv.ms / sample) * highlights.length;

  // Edited page: 10 % of punkter edited, plus a banner shifting body offsets.
  const edited = editPage(doc, page);
  // The content script re-parses the changed page (not timed: parsing is issue 2's bench).
  const scopesEdited = scoping(doc);
  const ed = timeAnchoring(doc, targets, 5, scopesEdited.resolver);
  let keptTotal = 0;
  let kept = 0;
  let editedAnchored = 0;
  let editedSamePunkt = 0;
  let editedTotal = 0;
  const methods: Record<string, number> = {};
  ed.results.forEach((r, i) => {
    const h = highlights[i]!;
    methods[r.method ?? 'orphan'] = (methods[r.method ?? 'orphan'] ?? 0) + 1;
    if (edited.has(h.punkt)) {
      editedTotal++;
      if (opts.debug && (r.method === 'quote-page' || r.method === 'fuzzy-page' || r.status === 'orphaned'))
        console.log(
          r.method,
          r.score,
          h.punkt,
          JSON.stringify(h.target.selectors[0]),
          r.status === 'anchored' ? JSON.stringify(ed.index.text.slice(r.start - 40, r.end + 40)) : '',
        );
      if (r.status === 'anchored') {
        editedAnchored++;
        const el = ed.index.toRange(r.start, r.end)?.startContainer.parentElement?.closest('section.punkt');
        if (el?.id === `p${h.punkt}`) editedSamePunkt++;
      }
      return;
    }
    keptTotal++;
    if (r.status === 'anchored' && ed.index.slice(r.start, r.end) === h.exact) kept++;
  });

  return {
    page_text_chars: plain.index.length,
    page_punkter: page.punkter,
    page_text_nodes: plain.index.entryCount,
    highlights: highlights.length,
    anchor_scopes_from: scopes.source,
    anchor_ms_1000: round(plain.ms),
    anchor_index_build_ms: round(plain.buildMs),
    anchor_unchanged_identical_rate: round(exactSame / highlights.length, 4),
    anchor_unchanged_by_position: byPosition,
    anchor_ms_1000_edited: round(ed.ms),
    anchor_kept_rate_edited: round(kept / Math.max(1, keptTotal), 4),
    anchor_edited_punkter: edited.size,
    anchor_edited_highlights: editedTotal,
    anchor_edited_anchored_rate: round(editedAnchored / Math.max(1, editedTotal), 4),
    anchor_edited_same_punkt_rate: round(editedSamePunkt / Math.max(1, editedTotal), 4),
    anchor_edited_methods: Object.entries(methods)
      .map(([k, v]) => `${k}:${v}`)
      .join(' '),
    anchor_naive_ms_1000: round(naiveMs1000, 0),
    anchor_naive_sampled: sample,
    anchor_naive_found_rate: round(nv.found / sample, 4),
    anchor_speedup_vs_naive: round(naiveMs1000 / plain.ms, 1),
  };
}

if (
  typeof process !== 'undefined' &&
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  benchAnchoring().then(
    (m) => {
      for (const [k, v] of Object.entries(m)) console.log(`${k.padEnd(34)} ${v}`);
    },
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
