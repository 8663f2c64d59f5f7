// Test helpers: a real minutes page (a shared fixture) in the test's jsdom
// document, parsed by lib/minutes; a fake AnnotationClient; open shadow roots.

import { readFileSync } from 'node:fs';
import { vi } from 'vitest';
import { Annotator } from '../../../entrypoints/reader.content/annotator';
import type { AnnotationClient } from '../../../lib/annotate-client/client';
import type { Write, WriteResult } from '../../../lib/annotate-client/queue';
import { parseDocument } from '../../../lib/minutes';
import type { Annotation } from '../../../lib/model/annotation';
import type { Meeting } from '../../../lib/model/minutes';

export const FIXTURES = '/work/shared/fixtures';
const manifest = JSON.parse(readFileSync(`${FIXTURES}/manifest.json`, 'utf8')) as Array<{
  file: string;
  url: string;
}>;

/** Loads a fixture's markup into the global document (scripts do not run) and parses it. */
export function loadFixture(file = '000-aabendagsorden.html'): { meeting: Meeting; url: string } {
  const html = readFileSync(`${FIXTURES}/${file}`, 'utf8');
  const url = manifest.find((m) => m.file === file)!.url;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceChildren(...[...doc.head.childNodes].map((n) => document.importNode(n, true)));
  document.body.replaceChildren(...[...doc.body.childNodes].map((n) => document.importNode(n, true)));
  const result = parseDocument(document, url);
  if (!result.meeting) throw new Error(`${file} did not parse`);
  return { meeting: result.meeting, url };
}

/** Closed shadow roots become open, so tests can look inside (the product code is unchanged). */
export function openShadowRoots(): () => void {
  const orig = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init: ShadowRootInit) {
    return orig.call(this, { ...init, mode: 'open' });
  };
  return () => {
    Element.prototype.attachShadow = orig;
  };
}

export interface FakeClient extends AnnotationClient {
  writes: Write[];
  stored: Map<string, Annotation>;
  /** Answer for the next writes (default ok). */
  answer: (w: Write) => WriteResult | Promise<WriteResult>;
  tags: string[];
  noticeShown: boolean;
}

export function fakeClient(initial: Annotation[] = []): FakeClient {
  const c: FakeClient = {
    writes: [],
    stored: new Map(initial.map((a) => [a.id, a])),
    answer: () => ({ ok: true }),
    tags: ['Budget', 'Borgerinddragelse', 'Klima'],
    noticeShown: false,
    write: vi.fn(async (w: Write) => {
      c.writes.push(structuredClone(w));
      const r = await c.answer(w);
      if (r.ok && w.kind === 'upsert') c.stored.set(w.annotation.id, w.annotation);
      return r;
    }),
    listForPage: vi.fn(async () => [...c.stored.values()].filter((a) => a.deletedAt === null)),
    listTags: vi.fn(async () => c.tags),
    shouldShowPersistNotice: vi.fn(async () => !c.noticeShown),
    markPersistNoticeShown: vi.fn(async () => {
      c.noticeShown = true;
    }),
  };
  return c;
}

/** Select `text` (its first occurrence inside `root`'s text nodes, within one node). */
export function selectText(text: string, root: Node = document.body, nth = 0): Range {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const i = (n as Text).data.indexOf(text);
    if (i >= 0 && seen++ === nth) {
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + text.length);
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(r);
      return r;
    }
  }
  throw new Error(`text not found: ${text}`);
}

export const flush = () => new Promise((r) => setTimeout(r, 0));

let seq = 0;
/** UUIDs in order, for predictable annotation ids (one sequence per test file). */
export const testUuid = () => `00000000-0000-4000-8000-${String(++seq).padStart(12, '0')}`;

/**
 * An Annotator on `meeting` at `url` over `client`, made as the reader makes it, with fast queue and
 * late-content timers and the wrapper painter (jsdom has no CSS Highlight API).
 */
export async function startAnnotator(opts: {
  client: FakeClient;
  meeting: Meeting;
  url: string;
  onChange?: () => void;
  openBackup?: () => void;
}): Promise<Annotator> {
  const annotator = new Annotator({
    doc: document,
    client: opts.client,
    onChange: opts.onChange ?? (() => {}),
    openBackup: opts.openBackup ?? (() => {}),
    painter: 'wrapper',
    uuid: testUuid,
    queue: { baseDelayMs: 5, maxDelayMs: 20 },
    late: { debounceMs: 10, maxWaitMs: 20 },
  });
  annotator.setPage(opts.meeting, opts.url);
  await flush();
  return annotator;
}

/** The selection toolbar's (opened) shadow root, and an element in it. */
export const toolbarRoot = () => document.querySelector('sagsspor-toolbar')?.shadowRoot ?? null;
export const inToolbar = <E extends Element = HTMLElement>(sel: string) =>
  toolbarRoot()?.querySelector<E>(sel) ?? null;
export const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
