// Data-layer benchmark: 10,000 annotations across 500 meetings, 500 followed cases.
// Runs on fake-indexeddb in Node by default (much slower than a browser's IndexedDB); pass a real
// `indexedDB` + `IDBKeyRange` (e.g. in a Chromium page) and a `suffix` of '' for real figures.

import {
  exportBackup,
  follow,
  importBackup,
  listFollowed,
  listForPage,
  listTags,
  openDb,
  rememberMeeting,
  search,
  warmSearch,
} from '../lib/db';
import { createOrUpdateAnnotation } from '../lib/db/annotations';
import { caseKeyOf } from '../lib/db/keys';
import { toAnnotationRow } from '../lib/db/rows';
import type { Annotation } from '../lib/model/annotation';
import type { Meeting, Punkt } from '../lib/model/minutes';

export interface BenchDbOptions {
  annotations?: number;
  meetings?: number;
  follows?: number;
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** Appended to every key; default '_fake_idb' when fake-indexeddb is used. */
  suffix?: string;
  /** Repetitions per measured query (the median is reported). */
  reps?: number;
  verbose?: boolean;
  /** Keep the database under this name (for experiments) instead of deleting it. */
  keep?: string;
}

const WORDS = (
  'budget skole cykelsti lokalplan trafik børn unge ældre pleje hjemmehjælp daginstitution klima ' +
  'energi varme affald vand kloak vej bro park natur bibliotek kultur idræt hal svømmehal bolig ' +
  'byggeri erhverv turisme havn kollektiv bus letbane parkering støj miljø tilskud anlæg drift ' +
  'regnskab revision høring borgermøde forvaltning udvalg indstilling godkendelse orientering ' +
  'beskæftigelse integration sundhed psykiatri handicap socialområdet ungdomsuddannelse folkeskole ' +
  'sfo klub fritid dagpleje madordning rengøring vedligehold ejendom salg køb grund udbud kontrakt ' +
  'økonomi besparelse effektivisering investering lån ramme tillægsbevilling frigivelse prioritering ' +
  'åbningstid ændring forslag vedtagelse endelig foreløbig plan strategi politik handleplan evaluering'
).split(' ');
const COMMITTEES = [
  'Økonomiudvalget',
  'Byrådet',
  'Børne- og Ungeudvalget',
  'Teknisk Udvalg',
  'Social- og Sundhedsudvalget',
  'Kultur- og Fritidsudvalget',
  'Beskæftigelses- og Borgerserviceudvalget',
  'Klima- og Miljøudvalget',
];
const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;
const TAGS = ['Budget', 'Opfølgning', 'Spørgsmål', 'Presse', 'Borgerhenvendelse', 'Skole', 'Trafik', 'Klima'];

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return Number((s[Math.floor(s.length / 2)] ?? 0).toFixed(3));
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
}

export async function benchDb(opts: BenchDbOptions = {}): Promise<Record<string, number>> {
  const nAnn = opts.annotations ?? 10_000;
  const nMeet = opts.meetings ?? 500;
  const nFollow = opts.follows ?? 500;
  const reps = opts.reps ?? 15;
  let idb = opts.indexedDB;
  let range = opts.IDBKeyRange;
  let suffix = opts.suffix ?? '';
  if (!idb || !range) {
    const fake = await import('fake-indexeddb');
    idb = new fake.IDBFactory();
    range = fake.IDBKeyRange;
    suffix = opts.suffix ?? '_fake_idb';
  }
  const db = await openDb(opts.keep ?? `sagsspor-bench-${Date.now()}`, {
    indexedDB: idb,
    IDBKeyRange: range,
  });
  const rand = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
  const out: Record<string, number> = {};
  const T0 = Date.UTC(2026, 0, 1);

  // 500 meetings of 10 punkter, remembered as the background does on a visit.
  const meetings: Array<{ key: string; url: string; municipality: string; punkter: Punkt[] }> = [];
  const rememberTimes: number[] = [];
  for (let m = 0; m < nMeet; m++) {
    const committee = COMMITTEES[m % COMMITTEES.length]!;
    const date = new Date(Date.UTC(2022, 0, 1) + m * 2 * 86_400_000).toISOString().slice(0, 10);
    const punkter: Punkt[] = Array.from({ length: 10 }, (_, i) => {
      const caseNumber = `${String(10 + ((m * 10 + i) % 80)).padStart(2, '0')}.00.00-G01-${(m * 10 + i) % 700}-${22 + (m % 4)}`;
      return {
        number: i + 1,
        title: `${sentence(4)}`,
        printedTitle: `Punkt ${i + 1}`,
        prefixes: [],
        caseNumber,
        case: null,
        closed: false,
        decision: 'Godkendt.',
        sections: [],
        attachments: [],
        history: [],
        upcoming: [],
        deepLink: null,
        dom: null,
      };
    });
    const meeting: Meeting = {
      municipality: 'Aarhus Kommune',
      committee,
      date,
      time: '15:00',
      place: null,
      participants: [],
      absent: [],
      kind: 'referat',
      sourceUrl: null,
      punkter,
    };
    const url = `https://dagsordener.aarhus.dk/vis?id=${m}`;
    const [ms, r] = await time(() => rememberMeeting(db, { meeting, url, now: T0 + m }));
    rememberTimes.push(ms);
    meetings.push({ key: r.meetingKey, url, municipality: 'Aarhus Kommune', punkter });
  }
  out[`remember_meeting_ms${suffix}`] = median(rememberTimes);

  // 500 followed cases.
  for (let f = 0; f < nFollow; f++) {
    const m = meetings[(f * 7) % meetings.length]!;
    const p = m.punkter[f % 10]!;
    await follow(
      db,
      {
        caseKey: caseKeyOf(m.municipality, p.caseNumber, m.key, p.number)!,
        municipality: m.municipality,
        caseNumber: p.caseNumber,
        title: p.title,
      },
      T0 + f,
    );
  }

  // 10,000 annotations, 20 per meeting, seeded in bulk (rows built by the same code as upserts).
  const rows = Array.from({ length: nAnn }, (_, i) => {
    const m = meetings[i % meetings.length]!;
    const p = m.punkter[i % 10]!;
    const quote = sentence(8);
    const a: Annotation = {
      id: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`,
      page: {
        url: m.url,
        municipality: m.municipality,
        meetingKey: m.key,
        punktNumber: p.number,
        caseNumber: p.caseNumber,
      },
      target: {
        scope: {
          meetingKey: m.key,
          punktNumber: p.number,
          caseNumber: p.caseNumber,
          sectionKind: 'sagsfremstilling',
          sectionIndex: 0,
        },
        selectors: [
          { type: 'TextQuoteSelector', exact: quote, prefix: sentence(5), suffix: sentence(5) },
          { type: 'TextPositionSelector', start: i, end: i + quote.length },
        ],
      },
      motivation: rand() < 0.3 ? 'commenting' : 'highlighting',
      color: pick(COLORS),
      note: rand() < 0.4 ? sentence(10) : '',
      tags: rand() < 0.5 ? [pick(TAGS)] : [],
      quote,
      created: T0 + i,
      modified: T0 + i,
      status: 'anchored',
      deletedAt: null,
    };
    return toAnnotationRow(a);
  });
  const [seedMs] = await time(() => db.transaction('rw', db.annotations, () => db.annotations.bulkPut(rows)));
  out[`seed_10000_ms${suffix}`] = Number(seedMs.toFixed(1));

  const upsertTimes: number[] = [];
  for (let i = 0; i < reps; i++) {
    const row = rows[(i * 613) % rows.length]!;
    const { words: _w, ...a } = row;
    const [ms] = await time(() =>
      createOrUpdateAnnotation(db, { ...a, note: `ændret ${i}`, modified: a.modified + 1000 + i }),
    );
    upsertTimes.push(ms);
  }
  out[`upsert_ms${suffix}`] = median(upsertTimes);

  const pageTimes: number[] = [];
  let pageCount = 0;
  for (let i = 0; i < reps; i++) {
    const m = meetings[(i * 37) % meetings.length]!;
    const [ms, list] = await time(() => listForPage(db, { url: m.url, meetingKey: m.key }));
    pageTimes.push(ms);
    pageCount = list.length;
  }
  out[`list_for_page_ms${suffix}`] = median(pageTimes);
  out.list_for_page_count = pageCount;

  const queries = [
    'budget',
    'skole cykel',
    'lokalpl',
    'økonomi investering',
    'g01-12',
    'kultur idræt hal',
    'tilskud',
  ];
  // The very first search (cold code and index pages), then the warm-up the background runs when a
  // popup connects, then the measured queries.
  const [firstMs] = await time(() => search(db, queries[1]!, { limit: 50 }));
  out[`search_first_ms${suffix}`] = Number(firstMs.toFixed(3));
  await warmSearch(db);
  const searchTimes: number[] = [];
  const perQuery: Record<string, number[]> = {};
  for (let i = 0; i < reps; i++) {
    for (const q of queries) {
      const [ms] = await time(() => search(db, q, { limit: 50 }));
      searchTimes.push(ms);
      perQuery[q] = [...(perQuery[q] ?? []), ms];
    }
  }
  if (opts.verbose)
    for (const [q, xs] of Object.entries(perQuery)) console.log(`search ${q}: ${median(xs)} ms`);
  out[`search_ms${suffix}`] = median(searchTimes);
  out[`search_ms_max${suffix}`] = Number(Math.max(...searchTimes).toFixed(3));

  const followTimes: number[] = [];
  for (let i = 0; i < reps; i++) followTimes.push((await time(() => listFollowed(db)))[0]);
  out[`list_followed_500_ms${suffix}`] = median(followTimes);

  const tagTimes: number[] = [];
  for (let i = 0; i < reps; i++) tagTimes.push((await time(() => listTags(db)))[0]);
  out[`list_tags_ms${suffix}`] = median(tagTimes);

  // Backup of everything, and its import into an empty database (validation + merge).
  const [exportMs, file] = await time(() => exportBackup(db));
  out[`backup_export_ms${suffix}`] = Number(exportMs.toFixed(1));
  const json = JSON.stringify(file);
  const target = await openDb(`sagsspor-bench-import-${Date.now()}`, { indexedDB: idb, IDBKeyRange: range });
  const [importMs] = await time(() => importBackup(target, json));
  out[`backup_import_ms${suffix}`] = Number(importMs.toFixed(1));
  // The same file again: everything is read and compared, nothing is written (idempotent).
  const [reimportMs] = await time(() => importBackup(target, json));
  out[`backup_reimport_ms${suffix}`] = Number(reimportMs.toFixed(1));
  target.close();
  await target.delete();

  db.close();
  if (!opts.keep) await db.delete();
  return out;
}

/**
 * The same benchmark in real Chromium (headless, Debian's /usr/bin/chromium or $CHROMIUM_PATH):
 * bench/db.ts is bundled with Vite and run in a page whose origin is served by request routing.
 * Keys have no suffix (`search_ms`, `list_for_page_ms`, …). Node only.
 */
export async function benchDbChromium(opts: Omit<BenchDbOptions, 'indexedDB' | 'IDBKeyRange'> = {}) {
  // Non-literal specifiers: bundling this file for the page must not follow them.
  const dyn = (m: string) => import(/* @vite-ignore */ m);
  const [{ build }, { chromium }, fs, os, path, url] = await Promise.all([
    dyn('vite'),
    dyn('playwright-core'),
    dyn('node:fs'),
    dyn('node:os'),
    dyn('node:path'),
    dyn('node:url'),
  ]);
  const here = path.dirname(url.fileURLToPath(import.meta.url));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sagsspor-dbbench-'));
  const entry = path.join(dir, 'entry.ts');
  fs.writeFileSync(
    entry,
    `import { benchDb } from ${JSON.stringify(path.join(here, 'db.ts'))};\n` +
      `(globalThis as any).runBench = (o: any) => benchDb({ ...o, indexedDB, IDBKeyRange, suffix: '' });\n`,
  );
  try {
    const out = await build({
      configFile: false,
      logLevel: 'silent',
      root: path.join(here, '..'),
      build: {
        write: false,
        minify: false,
        lib: { entry, formats: ['iife'], name: 'SagssporDbBench', fileName: () => 'bench.js' },
      },
    });
    type Output = { output: Array<{ type: string; code?: string }> };
    const outputs = ((Array.isArray(out) ? out : [out]) as Output[]).flatMap((o) => o.output);
    const js = outputs.find((o) => o.type === 'chunk')?.code;
    if (!js) throw new Error('bench bundle: no output');
    // A persistent profile on disk: a plain `launch()` context is off-the-record, whose IndexedDB
    // lives in memory and writes several times faster than a real profile's (measured: 10,000
    // annotation rows ≈ 1.4 s in memory, ≈ 3–4 s on disk under the same load).
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'sagsspor-dbbench-profile-'));
    const browser = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    try {
      const page = await browser.newPage();
      await page.route(
        'https://bench.sagsspor.test/**',
        (route: { request(): { url(): string }; fulfill(r: object): Promise<void> }) =>
          route.request().url().endsWith('/bench.js')
            ? route.fulfill({ contentType: 'text/javascript', body: js })
            : route.fulfill({
                contentType: 'text/html',
                body: '<!doctype html><script src="/bench.js"></script>',
              }),
      );
      await page.goto('https://bench.sagsspor.test/');
      const { verbose: _v, keep: _k, suffix: _s, ...pageOpts } = opts;
      return (await page.evaluate(
        (o: object) => (globalThis as unknown as { runBench(o: object): Promise<unknown> }).runBench(o),
        pageOpts,
      )) as Record<string, number>;
    } finally {
      await browser.close();
      fs.rmSync(profile, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// `npx tsx bench/db.ts [--chromium]` prints the figures.
if (typeof process !== 'undefined' && import.meta.url === `file://${process.argv[1]}`) {
  (process.argv.includes('--chromium') ? benchDbChromium() : benchDb({ verbose: true })).then((r) =>
    console.table(r),
  );
}
