// Annotations on a recognised minutes page: the selection toolbar, creating,
// painting, re-anchoring (once per batch, late content through a bounded
// observer), editing, deleting with undo, orphans, and the write queue that
// keeps every write pending until the background acknowledges it.
// Everything the page can reach is text: page text never becomes HTML.
import { render } from 'preact';
import { AnnotationsSection, type OrphanItem } from '../../components/annotate/AnnotationsSection';
import type { EditorDraft } from '../../components/annotate/Editor';
import { Layer, type LayerEditor } from '../../components/annotate/Layer';
import { countPerPunkt, listed, orphanQuote } from '../../components/annotate/model';
import { PunktExtras } from '../../components/annotate/PunktExtras';
import { annotateStyles } from '../../components/annotate/styles';
import { t } from '../../components/i18n';
import {
  anchorAll,
  buildTextIndex,
  createDomRefLocator,
  createLateAnchorer,
  createPainter,
  describe,
  highlightCss,
  type LateAnchorer,
  type LocatedScope,
  locateScopes,
  meetingScopeResolver,
  meetingScopes,
  type Painter,
  type ScopeResolver,
  scopeAt,
  type TextIndex,
  WRAPPER_TAG,
} from '../../lib/anchoring';
import type { AnnotationClient } from '../../lib/annotate-client/client';
import { type QueueState, type Write, WriteQueue } from '../../lib/annotate-client/queue';
import { pageRefOf } from '../../lib/db/meetings';
import type {
  Annotation,
  AnnotationColor,
  AnnotationStatus,
  Motivation,
  PunktTarget,
} from '../../lib/model/annotation';
import type { Meeting, Punkt } from '../../lib/model/minutes';
import type { AnchorScope, Target } from '../../lib/model/selectors';
import { createHost, type Host } from '../../lib/ui/shadow-host';

export const TOOLBAR_TAG = 'sagsspor-toolbar' as const;
const UNDO_MS = 8000;
const STATUS_FLUSH_MS = 1500;
const LOAD_RETRIES = 6;

export interface AnnotatorDeps {
  doc: Document;
  client: AnnotationClient;
  /** Something the panel shows changed (counts, lists, save state). */
  onChange: () => void;
  /** Parse the page again now (late content: fresh DomRefs); returns the meeting or null. */
  reparse?: () => Meeting | null;
  /** Scroll to a punkt (whole-punkt annotations). */
  jumpToPunkt?: (n: number) => void;
  /** The backup page the persist notice links to. */
  backupUrl: string;
  now?: () => number;
  uuid?: () => string;
  painter?: 'auto' | 'highlight-api' | 'wrapper';
  /** Write queue retry timing (tests). */
  queue?: { baseDelayMs?: number; maxDelayMs?: number };
  /** Late content observer options (tests). */
  late?: { debounceMs?: number; maxWaitMs?: number; timeoutMs?: number };
}

/** A selection captured when the toolbar appeared (the toolbar never relies on the live selection). */
interface Captured {
  range: Range;
  start: number;
  end: number;
  scope: AnchorScope;
  rect: { x: number; y: number; top: number };
}

type EditorState =
  | { kind: 'new-text'; sel: Captured; focus: 'note' | 'tags'; returnTo: Element | null }
  | { kind: 'new-punkt'; punktNumber: number; returnTo: Element | null }
  | { kind: 'edit'; id: string; at: { left: number; top: number } | null; returnTo: Element | null };

const isEditable = (el: Element | null): boolean =>
  !!el?.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])');

function motivationOf(note: string, tags: readonly string[], text: boolean): Motivation {
  if (note.trim()) return 'commenting';
  if (tags.length > 0 || !text) return 'tagging';
  return 'highlighting';
}

export class Annotator {
  private readonly doc: Document;
  private meeting: Meeting | null = null;
  private url = '';
  private key = '';
  private meetingKey: string | null = null;
  private generation = 0;
  private loaded = false;
  /** Live (not deleted) annotations of the page, by id. */
  private readonly annotations = new Map<string, Annotation>();
  /** Anchoring outcome of text annotations in this page view. */
  private readonly anchorState = new Map<string, AnnotationStatus>();
  /** Deleted this session (kept for undo). */
  private readonly deleted = new Map<string, Annotation>();
  /** Live Ranges of painted CSS highlights (to check them after DOM changes). */
  private readonly ranges = new Map<string, Range>();
  private index: TextIndex | null = null;
  private dirty = true;
  private located: LocatedScope[] | null = null;
  private resolver: ScopeResolver | null = null;
  private painter: Painter | null = null;
  private late: LateAnchorer | null = null;
  private readonly queue: WriteQueue;
  private queueState: QueueState = { pending: 0, error: null };
  private host: Host | null = null;
  private sheet: CSSStyleSheet | HTMLStyleElement | null = null;
  private toolbar: Captured | null = null;
  private editor: EditorState | null = null;
  private knownTags: string[] = [];
  private toast: { id: string; timer: ReturnType<typeof setTimeout> } | null = null;
  private lastColor: AnnotationColor = 'yellow';
  private persistNotice = false;
  private noticeChecked = false;
  private orphanMessage: string | null = null;
  private readonly statusOut = new Map<string, AnnotationStatus>();
  private statusTimer: ReturnType<typeof setTimeout> | null = null;
  private selTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly cleanups: (() => void)[] = [];
  private stopped = false;

  constructor(private readonly deps: AnnotatorDeps) {
    this.doc = deps.doc;
    this.queue = new WriteQueue((w) => deps.client.write(w), {
      ...deps.queue,
      onChange: (s) => {
        this.queueState = s;
        this.changed();
      },
    });
    this.listen();
  }

  // ─── page lifecycle ──────────────────────────────────────────────────────

  /** After every parse: a new page (URL or meeting) loads its annotations; the same page re-checks anchors. */
  setPage(meeting: Meeting | null, url: string): void {
    if (this.stopped) return;
    if (!meeting) {
      if (this.key) this.reset('');
      return;
    }
    const page = pageRefOf(meeting, url, null);
    const key = `${page.url}\u0001${page.meetingKey ?? ''}`;
    this.meeting = meeting;
    this.url = url;
    this.dirty = true;
    this.located = null;
    this.resolver = null;
    if (key !== this.key) {
      this.reset(key);
      this.meetingKey = page.meetingKey;
      void this.load(page.url, page.meetingKey, this.generation, 0);
      return;
    }
    if (this.loaded) this.refresh();
  }

  /** The page's DOM changed (not by us): the text index is stale. */
  domChanged(): void {
    this.dirty = true;
  }

  stop(): void {
    this.stopped = true;
    this.late?.stop();
    this.queue.dispose();
    for (const c of this.cleanups.splice(0)) safe(c);
    if (this.toast) clearTimeout(this.toast.timer);
    if (this.statusTimer) clearTimeout(this.statusTimer);
    if (this.selTimer) clearTimeout(this.selTimer);
    safe(() => this.painter?.clearAll());
    this.removeSheet();
    if (this.host) {
      const h = this.host;
      safe(() => render(null, h.mount));
      h.destroy();
      this.host = null;
    }
  }

  private reset(key: string): void {
    this.generation++;
    this.key = key;
    this.loaded = false;
    this.late?.stop();
    this.late = null;
    safe(() => this.painter?.clearAll());
    this.painter = null;
    this.index = null;
    this.annotations.clear();
    this.anchorState.clear();
    this.deleted.clear();
    this.ranges.clear();
    this.toolbar = null;
    this.editor = null;
    this.orphanMessage = null;
    if (!key) this.meeting = null;
    this.renderLayer();
    this.changed();
  }

  private async load(url: string, meetingKey: string | null, gen: number, attempt: number): Promise<void> {
    const list = await this.deps.client.listForPage({ url, meetingKey });
    if (gen !== this.generation || this.stopped) return;
    if (list === null) {
      // No answer (service worker starting, extension updating): the user can annotate meanwhile
      // (writes wait in the queue); a few bounded retries fetch the stored ones.
      if (!this.loaded) {
        this.loaded = true;
        this.startLate();
        this.changed();
      }
      if (attempt < LOAD_RETRIES)
        setTimeout(() => void this.load(url, meetingKey, gen, attempt + 1), 300 * 2 ** attempt);
      return;
    }
    const fresh: Annotation[] = [];
    for (const a of list.filter((x) => this.belongsHere(x, url))) {
      // Local writes made meanwhile win (they are newer); deleted ones stay deleted.
      const mine = this.annotations.get(a.id);
      if (a.deletedAt !== null || this.deleted.has(a.id) || (mine && mine.modified >= a.modified)) continue;
      this.annotations.set(a.id, a);
      fresh.push(a);
    }
    const first = !this.loaded;
    this.loaded = true;
    this.anchorBatch(fresh);
    if (first) this.startLate();
    this.changed();
  }

  /**
   * The meeting's annotations made on this URL, or on a punkt this page shows. (A meeting published
   * one page per punkt shares one set: another page's punkt is not an orphan here.)
   */
  private belongsHere(a: Annotation, url: string): boolean {
    if (a.page.url === url || a.page.punktNumber === null) return true;
    const punkter = this.meeting?.punkter ?? [];
    return punkter.some(
      (p) => p.number === a.page.punktNumber || (!!a.page.caseNumber && p.caseNumber === a.page.caseNumber),
    );
  }

  private startLate(): void {
    this.late?.stop();
    const body = this.doc.body;
    if (!body) return;
    this.late = createLateAnchorer(
      body,
      () =>
        safe(() => {
          this.dirty = true;
          // A fresh parse (new DomRefs) comes back through setPage, which re-anchors.
          if (this.deps.reparse) this.deps.reparse();
          else this.refresh();
        }),
      this.deps.late ?? {},
    );
  }

  // ─── index, scopes, painting ─────────────────────────────────────────────

  private ensureIndex(): TextIndex {
    if (!this.index || this.dirty) {
      this.index = buildTextIndex(this.doc);
      this.dirty = false;
      this.located = null;
      this.resolver = null;
      this.painter?.setIndex(this.index);
    }
    return this.index;
  }

  private ensureResolver(): ScopeResolver | null {
    if (!this.meeting || !this.doc.body) return null;
    if (!this.resolver)
      this.resolver = meetingScopeResolver(this.meeting, createDomRefLocator(this.doc.body));
    return this.resolver;
  }

  private ensureLocated(): LocatedScope[] {
    const index = this.ensureIndex();
    if (!this.located) {
      const resolve = this.ensureResolver();
      this.located =
        this.meeting && resolve
          ? locateScopes(index, meetingScopes(this.meeting, this.meetingKey ?? undefined), resolve)
          : [];
    }
    return this.located;
  }

  private ensurePainter(): Painter {
    const index = this.ensureIndex();
    if (!this.painter) {
      this.addSheet();
      this.painter = createPainter(index, { prefer: this.deps.painter ?? 'auto' });
    }
    return this.painter;
  }

  /** Highlight CSS on the page: a constructed sheet appended to document.adoptedStyleSheets. */
  private addSheet(): void {
    const doc = this.doc;
    if (this.sheet instanceof HTMLElement) {
      if (!this.sheet.isConnected) (doc.head ?? doc.documentElement).appendChild(this.sheet);
      return;
    }
    try {
      if (!this.sheet) {
        const Ctor = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet ?? CSSStyleSheet;
        const sheet = new Ctor();
        sheet.replaceSync(highlightCss());
        this.sheet = sheet;
      }
      const sheet = this.sheet as CSSStyleSheet;
      if (!doc.adoptedStyleSheets.includes(sheet))
        doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      return;
    } catch {
      // Firefox may refuse a sheet from the content-script sandbox: a <style> element instead.
    }
    const style = doc.createElement('style');
    style.setAttribute('data-sagsspor-ui', '');
    style.textContent = highlightCss();
    (doc.head ?? doc.documentElement).appendChild(style);
    this.sheet = style;
  }

  private removeSheet(): void {
    const s = this.sheet;
    this.sheet = null;
    if (!s) return;
    safe(() => {
      if (s instanceof HTMLElement) s.remove();
      else this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((x) => x !== s);
    });
  }

  private isText(a: Annotation): a is Annotation & { target: Target } {
    return a.target.selectors.length === 2;
  }

  /** Anchor a batch against ONE index and paint; orphans are kept and listed. */
  private anchorBatch(list: Annotation[]): void {
    const text = list.filter((a) => this.isText(a)) as (Annotation & { target: Target })[];
    if (text.length === 0) return;
    const index = this.ensureIndex();
    const resolve = this.ensureResolver() ?? undefined;
    const results = anchorAll(
      text.map((a) => a.target),
      index,
      resolve,
    );
    const painter = this.ensurePainter();
    const paint: { id: string; start: number; end: number; color: string }[] = [];
    results.forEach((r, i) => {
      const a = text[i]!;
      if (r.status === 'anchored') {
        paint.push({ id: a.id, start: r.start, end: r.end, color: a.color });
        this.setAnchor(a, 'anchored');
      } else {
        painter.clear(a.id);
        this.ranges.delete(a.id);
        this.setAnchor(a, 'orphaned');
      }
    });
    this.paint(paint);
  }

  private paint(list: { id: string; start: number; end: number; color: string }[]): void {
    const painter = this.ensurePainter();
    painter.paint(list);
    if (painter.kind !== 'highlight-api' || !this.index) return;
    for (const p of list) {
      const r = this.index.toRange(p.start, p.end);
      if (r) this.ranges.set(p.id, r);
    }
  }

  private setAnchor(a: Annotation, status: AnnotationStatus): void {
    this.anchorState.set(a.id, status);
    if (a.status !== status) {
      this.annotations.set(a.id, { ...a, status });
      this.statusOut.set(a.id, status);
      this.scheduleStatus();
    } else this.statusOut.delete(a.id);
  }

  /** Changed statuses go out in one batch per status, a little later (late content may still fix orphans). */
  private scheduleStatus(): void {
    if (this.statusTimer) return;
    this.statusTimer = setTimeout(() => {
      this.statusTimer = null;
      const by: Record<AnnotationStatus, string[]> = { anchored: [], orphaned: [] };
      for (const [id, s] of this.statusOut) if (this.annotations.has(id)) by[s].push(id);
      this.statusOut.clear();
      for (const status of ['anchored', 'orphaned'] as const)
        if (by[status].length) this.queue.enqueue({ kind: 'status', ids: by[status], status });
    }, STATUS_FLUSH_MS);
  }

  /**
   * After DOM changes: rebuild the index once, keep painted highlights whose
   * text is still there, re-anchor the rest (orphans, stripped wrappers).
   */
  private refresh(): void {
    if (!this.loaded || this.annotations.size === 0) return;
    const index = this.ensureIndex();
    const painter = this.painter;
    const redo: Annotation[] = [];
    for (const a of this.annotations.values()) {
      if (!this.isText(a)) continue;
      if (this.anchorState.get(a.id) !== 'anchored' || !painter || !this.stillPainted(a, index, painter))
        redo.push(a);
    }
    if (painter?.kind === 'wrapper') {
      // Wrappers the page removed: clear them first, so repainting starts clean.
      for (const a of redo) painter.clear(a.id);
    }
    if (
      painter &&
      this.sheet &&
      !(this.sheet instanceof HTMLElement) &&
      !this.doc.adoptedStyleSheets.includes(this.sheet)
    )
      this.addSheet();
    if (redo.length) this.anchorBatch(redo);
    this.changed();
  }

  private stillPainted(a: Annotation & { target: Target }, index: TextIndex, painter: Painter): boolean {
    if (!painter.has(a.id)) return false;
    let o: { start: number; end: number } | null = null;
    if (painter.kind === 'wrapper') {
      const ws = this.doc.querySelectorAll(`${WRAPPER_TAG}[data-sagsspor-id="${a.id}"]`);
      if (ws.length === 0) return false;
      o = { start: index.elementOffsets(ws[0]!).start, end: index.elementOffsets(ws[ws.length - 1]!).end };
    } else {
      // CSS highlights change no DOM: the live Range painted still says where the text is.
      const r = this.ranges.get(a.id);
      if (!r || r.collapsed || !r.startContainer.isConnected) return false;
      o = index.rangeOffsets(r);
    }
    return collapse(index.text.slice(o.start, o.end)) === collapse(a.target.selectors[0].exact);
  }

  // ─── selection, keys, clicks ─────────────────────────────────────────────

  private listen(): void {
    const doc = this.doc;
    const win = doc.defaultView;
    const onSel = () => {
      if (this.selTimer) clearTimeout(this.selTimer);
      this.selTimer = setTimeout(() => safe(() => this.updateToolbar()), 150);
    };
    const onKey = (e: KeyboardEvent) => safe(() => this.onKey(e));
    const onClick = (e: MouseEvent) => safe(() => this.onClick(e));
    let frame = 0;
    // The toolbar follows its selection while the page scrolls (one update per frame).
    const onScroll = () => {
      if (!this.toolbar || frame) return;
      frame =
        win?.requestAnimationFrame(() => {
          frame = 0;
          safe(() => {
            if (!this.toolbar) return;
            this.toolbar = { ...this.toolbar, rect: rectOf(this.toolbar.range) };
            this.renderLayer();
          });
        }) ?? 0;
    };
    win?.addEventListener('scroll', onScroll, { capture: true, passive: true });
    doc.addEventListener('selectionchange', onSel);
    win?.addEventListener('keydown', onKey);
    doc.addEventListener('click', onClick);
    this.cleanups.push(() => {
      doc.removeEventListener('selectionchange', onSel);
      win?.removeEventListener('keydown', onKey);
      doc.removeEventListener('click', onClick);
      win?.removeEventListener('scroll', onScroll, { capture: true });
    });
  }

  /** The current selection, if it is inside a punkt on this page. */
  capture(): Captured | null {
    if (!this.meeting || !this.loaded) return null;
    const sel = this.doc.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
    const range = sel.getRangeAt(0);
    const common = range.commonAncestorContainer;
    const el = common.nodeType === 1 ? (common as Element) : common.parentElement;
    if (!el || isEditable(el) || el.closest('sagsspor-root, sagsspor-toolbar, [data-sagsspor-ui]'))
      return null;
    const index = this.ensureIndex();
    const off = index.rangeOffsets(range);
    if (off.end <= off.start || !/\S/.test(index.text.slice(off.start, off.end))) return null;
    // Trim surrounding whitespace so the quote starts and ends on text.
    let { start, end } = off;
    while (start < end && /\s/.test(index.text[start]!)) start++;
    while (end > start && /\s/.test(index.text[end - 1]!)) end--;
    const hit = scopeAt(start, this.ensureLocated());
    if (!hit) return null;
    return {
      range: range.cloneRange(),
      start,
      end,
      scope: hit.scope,
      rect: rectOf(range),
    };
  }

  private updateToolbar(): void {
    if (this.editor) return;
    const next = this.capture();
    if (!next && !this.toolbar) return;
    this.toolbar = next;
    this.renderLayer();
  }

  private onKey(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing || e.repeat) return;
    const key = e.key;
    if (key !== 'h' && key !== 'n' && key !== 't') return;
    const target = (e.composedPath?.()[0] ?? e.target) as Element | null;
    if (
      target &&
      target.nodeType === 1 &&
      (isEditable(target) || target.closest?.('sagsspor-root, sagsspor-toolbar'))
    )
      return;
    const active = this.doc.activeElement;
    if (isEditable(active)) return;
    const sel = this.capture();
    if (!sel) return;
    e.preventDefault();
    if (key === 'h') this.highlight(this.lastColor, sel);
    else this.openNew(sel, key === 'n' ? 'note' : 'tags');
  }

  private onClick(e: MouseEvent): void {
    if (!this.painter || this.annotations.size === 0 || e.button !== 0) return;
    const sel = this.doc.getSelection();
    if (sel && !sel.isCollapsed) return; // the end of a drag-select, not a click
    const target = e.target as Element | null;
    if (target?.closest?.('sagsspor-root, sagsspor-toolbar')) return;
    this.ensureIndex();
    const ids = this.painter.hitTest(e.clientX, e.clientY).filter((id) => this.annotations.has(id));
    if (ids.length === 0) return;
    this.openEdit(ids[0]!, { left: e.clientX - 20, top: e.clientY + 16 }, null);
  }

  // ─── actions ─────────────────────────────────────────────────────────────

  private build(sel: Captured, color: AnnotationColor, note: string, tags: string[]): Annotation | null {
    if (!this.meeting) return null;
    const index = this.ensureIndex();
    // The DOM may have changed since the toolbar appeared: the cloned Range followed it.
    const off = this.dirtySince(sel) ? index.rangeOffsets(sel.range) : { start: sel.start, end: sel.end };
    const target = describe(index, off, sel.scope, this.ensureResolver() ?? undefined);
    if (!target) return null;
    const now = this.now();
    return {
      id: this.uuid(),
      page: pageRefOf(this.meeting, this.url, sel.scope.punktNumber),
      target,
      motivation: motivationOf(note, tags, true),
      color,
      note,
      tags,
      quote: target.selectors[0].exact,
      created: now,
      modified: now,
      status: 'anchored',
      deletedAt: null,
    };
  }

  private dirtySince(sel: Captured): boolean {
    return this.index === null || this.dirty || sel.range.collapsed;
  }

  /** Create a highlight from a captured selection (toolbar colour button or `h`). */
  highlight(color: AnnotationColor, sel: Captured | null = this.toolbar): Annotation | null {
    if (!sel) return null;
    const a = this.build(sel, color, '', []);
    if (!a) return null;
    this.lastColor = color;
    this.add(a);
    this.toolbar = null;
    safe(() => this.doc.getSelection()?.removeAllRanges());
    this.renderLayer();
    return a;
  }

  private add(a: Annotation): void {
    this.annotations.set(a.id, a);
    // Optimistic: painted at once (the position selector matches on the first try).
    if (this.isText(a)) this.anchorBatch([a]);
    this.queue.enqueue({ kind: 'upsert', annotation: a });
    this.maybeShowPersistNotice();
    this.changed();
  }

  private openNew(sel: Captured, focus: 'note' | 'tags'): void {
    this.toolbar = null;
    this.editor = { kind: 'new-text', sel, focus, returnTo: null };
    this.loadTags();
    this.renderLayer();
  }

  /** Open the editor for an annotation (click on a highlight, or the panel's list). */
  openEdit(id: string, at: { left: number; top: number } | null, returnTo: Element | null): void {
    if (!this.annotations.has(id)) return;
    this.toolbar = null;
    this.editor = { kind: 'edit', id, at, returnTo };
    this.loadTags();
    this.renderLayer();
  }

  /** The panel's list: scroll to the annotation, then open the editor. */
  activate(id: string, returnTo: Element | null = null): void {
    const a = this.annotations.get(id);
    if (!a) return;
    if (!this.isText(a)) {
      if (a.page.punktNumber !== null) this.deps.jumpToPunkt?.(a.page.punktNumber);
      this.openEdit(id, null, returnTo);
      return;
    }
    let at: { left: number; top: number } | null = null;
    safe(() => {
      const index = this.ensureIndex();
      const results = anchorAll([a.target], index, this.ensureResolver() ?? undefined);
      const r = results[0];
      if (r?.status !== 'anchored') return;
      const range = index.toRange(r.start, r.end);
      const el = range?.startContainer.parentElement;
      el?.scrollIntoView?.({ block: 'center' });
      const rect = range?.getBoundingClientRect?.();
      if (rect) at = { left: rect.left, top: rect.bottom + 8 };
    });
    this.openEdit(id, at, returnTo);
  }

  /** Whole punkt note/tags from the outline. */
  openPunkt(punktNumber: number, returnTo: Element | null = null): void {
    this.toolbar = null;
    this.editor = { kind: 'new-punkt', punktNumber, returnTo };
    this.loadTags();
    this.renderLayer();
  }

  private loadTags(): void {
    void this.deps.client.listTags('').then((tags) => {
      this.knownTags = tags;
      if (this.editor) this.renderLayer();
    });
  }

  private save(draft: EditorDraft): void {
    const ed = this.editor;
    if (!ed) return;
    this.closeEditor();
    if (ed.kind === 'new-text') {
      const a = this.build(ed.sel, draft.color, draft.note, draft.tags);
      if (a) {
        this.lastColor = draft.color;
        this.add(a);
        safe(() => this.doc.getSelection()?.removeAllRanges());
      }
      return;
    }
    if (ed.kind === 'new-punkt') {
      if (!draft.note.trim() && draft.tags.length === 0) return;
      const a = this.buildPunkt(ed.punktNumber, draft);
      if (a) this.add(a);
      return;
    }
    const old = this.annotations.get(ed.id);
    if (!old) return;
    const updated: Annotation = {
      ...old,
      note: draft.note,
      tags: draft.tags,
      color: draft.color,
      motivation: motivationOf(draft.note, draft.tags, this.isText(old)),
      modified: Math.max(this.now(), old.modified + 1),
    };
    this.annotations.set(updated.id, updated);
    if (this.isText(updated) && updated.color !== old.color && this.painter?.has(updated.id)) {
      // Repaint in the new colour (same place).
      this.anchorBatch([updated]);
    }
    this.queue.enqueue({ kind: 'upsert', annotation: updated });
    this.changed();
  }

  private buildPunkt(n: number, draft: EditorDraft): Annotation | null {
    const punkt = this.meeting?.punkter.find((p) => p.number === n);
    if (!this.meeting || !punkt) return null;
    const target: PunktTarget = {
      scope: {
        ...(this.meetingKey ? { meetingKey: this.meetingKey } : {}),
        punktNumber: n,
        caseNumber: punkt.caseNumber,
        sectionKind: null,
        sectionIndex: null,
      },
      selectors: [],
    };
    const now = this.now();
    return {
      id: this.uuid(),
      page: pageRefOf(this.meeting, this.url, n),
      target,
      motivation: motivationOf(draft.note, draft.tags, false),
      color: draft.color,
      note: draft.note,
      tags: draft.tags,
      quote: '',
      created: now,
      modified: now,
      status: 'anchored',
      deletedAt: null,
    };
  }

  /** Soft delete with an undo toast (~8 s). */
  remove(id: string): void {
    const a = this.annotations.get(id);
    if (!a) return;
    if (this.editor?.kind === 'edit' && this.editor.id === id) this.closeEditor();
    this.annotations.delete(id);
    this.anchorState.delete(id);
    this.deleted.set(id, a);
    safe(() => this.painter?.clear(id));
    this.ranges.delete(id);
    this.queue.enqueue({ kind: 'delete', id, at: this.now() });
    if (this.toast) clearTimeout(this.toast.timer);
    this.toast = { id, timer: setTimeout(() => this.dismissToast(), UNDO_MS) };
    this.renderLayer();
    this.changed();
  }

  undo(id: string): void {
    const a = this.deleted.get(id);
    if (!a) return;
    this.deleted.delete(id);
    this.dismissToast();
    const restored = { ...a, deletedAt: null, modified: Math.max(this.now(), a.modified + 1) };
    this.annotations.set(id, restored);
    this.queue.enqueue({ kind: 'undo', id, at: this.now() });
    if (this.isText(restored)) this.anchorBatch([restored]);
    this.changed();
  }

  private dismissToast(): void {
    if (!this.toast) return;
    clearTimeout(this.toast.timer);
    this.toast = null;
    this.renderLayer();
  }

  /** Attach an orphan to the current selection: new selectors, same id, note and tags. */
  attach(id: string): boolean {
    const a = this.annotations.get(id);
    if (!a || !this.meeting) return false;
    const sel = this.capture() ?? this.toolbar;
    if (!sel) {
      this.orphanMessage = t('orphanNeedsSelection');
      this.changed();
      return false;
    }
    const fresh = this.build(sel, a.color, a.note, a.tags);
    if (!fresh) return false;
    const updated: Annotation = {
      ...a,
      page: fresh.page,
      target: fresh.target,
      quote: fresh.quote,
      status: 'anchored',
      modified: Math.max(this.now(), a.modified + 1),
    };
    this.orphanMessage = null;
    this.annotations.set(id, updated);
    this.statusOut.delete(id);
    this.toolbar = null;
    safe(() => this.doc.getSelection()?.removeAllRanges());
    this.anchorBatch([updated]);
    this.queue.enqueue({ kind: 'upsert', annotation: updated });
    this.renderLayer();
    this.changed();
    return true;
  }

  private closeEditor(): void {
    const ed = this.editor;
    this.editor = null;
    this.renderLayer();
    safe(() => {
      if (ed?.returnTo && (ed.returnTo as HTMLElement).isConnected) (ed.returnTo as HTMLElement).focus();
    });
  }

  private maybeShowPersistNotice(): void {
    if (this.noticeChecked) return;
    this.noticeChecked = true;
    void this.deps.client.shouldShowPersistNotice().then((show) => {
      if (!show || this.stopped) return;
      this.persistNotice = true;
      void this.deps.client.markPersistNoticeShown();
      this.renderLayer();
      this.changed();
    });
  }

  private dismissNotice(): void {
    this.persistNotice = false;
    this.renderLayer();
    this.changed();
  }

  // ─── views ───────────────────────────────────────────────────────────────

  /** Anchored text annotations plus whole-punkt ones (what the page shows). */
  get anchoredCount(): number {
    let n = 0;
    for (const a of this.annotations.values())
      if (!this.isText(a) || this.anchorState.get(a.id) === 'anchored') n++;
    return n;
  }

  get orphanCount(): number {
    let n = 0;
    for (const a of this.annotations.values())
      if (this.isText(a) && this.anchorState.get(a.id) === 'orphaned') n++;
    return n;
  }

  get pendingWrites(): number {
    return this.queueState.pending;
  }

  /** Pending writes (for the data-pending hook and tests). */
  get pending(): Write[] {
    return this.queue.pendingWrites;
  }

  get active(): boolean {
    return this.key !== '';
  }

  /** Per-punkt count and whole-punkt button for the outline. */
  readonly extras = (p: Punkt) => {
    const counts = countPerPunkt(this.annotations.values());
    return (
      <PunktExtras
        number={p.number}
        count={counts.get(p.number) ?? 0}
        onNote={(n, el) => this.openPunkt(n, el ?? null)}
      />
    );
  };

  /** The panel's annotation section. */
  section() {
    const all = [...this.annotations.values()];
    const shown = all
      .filter((a) => !this.isText(a) || this.anchorState.get(a.id) === 'anchored')
      .sort((x, y) => (x.page.punktNumber ?? -1) - (y.page.punktNumber ?? -1) || x.created - y.created);
    const orphans: OrphanItem[] = all
      .filter((a) => this.isText(a) && this.anchorState.get(a.id) === 'orphaned')
      .map((a) => ({ id: a.id, quote: orphanQuote(a), punktNumber: a.page.punktNumber }));
    return (
      <AnnotationsSection
        items={shown.map((a) => listed(a))}
        orphans={orphans}
        pending={this.queueState.pending}
        error={this.queueState.error === 'unavailable' ? null : this.queueState.error}
        persistNotice={this.persistNotice ? { backupUrl: this.deps.backupUrl } : null}
        orphanMessage={this.orphanMessage}
        onActivate={(id, el) => this.activate(id, el ?? null)}
        onAttach={(id) => this.attach(id)}
        onDeleteOrphan={(id) => this.remove(id)}
        onDismissNotice={() => this.dismissNotice()}
      />
    );
  }

  private renderLayer(): void {
    safe(() => {
      const needed = !!(this.toolbar || this.editor || this.toast || this.persistNotice);
      if (!needed && !this.host) return;
      if (!this.host) {
        this.host = createHost(this.doc, annotateStyles, TOOLBAR_TAG);
        this.host.host.setAttribute('data-sagsspor-ui', '');
      }
      render(
        <Layer
          toolbar={this.toolbar ? { ...this.toolbar.rect } : null}
          lastColor={this.lastColor}
          editor={this.editorView()}
          toast={this.toast ? { message: t('annotationDeleted'), id: this.toast.id } : null}
          onHighlight={(c) => this.highlight(c)}
          onNote={() => this.toolbar && this.openNew(this.toolbar, 'note')}
          onTags={() => this.toolbar && this.openNew(this.toolbar, 'tags')}
          onCloseToolbar={() => {
            this.toolbar = null;
            this.renderLayer();
          }}
          onUndo={(id) => this.undo(id)}
          onDismissToast={() => this.dismissToast()}
          persistNotice={this.persistNotice ? { backupUrl: this.deps.backupUrl } : null}
          onDismissNotice={() => this.dismissNotice()}
        />,
        this.host.mount,
      );
    });
  }

  private editorView(): LayerEditor | null {
    const ed = this.editor;
    if (!ed) return null;
    const common = {
      knownTags: this.knownTags,
      onSave: (d: EditorDraft) => this.save(d),
      onCancel: () => this.closeEditor(),
    };
    if (ed.kind === 'new-text') {
      return {
        ...common,
        key: `new-${ed.sel.start}-${ed.sel.end}`,
        heading: t('editorLabel'),
        quote: this.index?.text.slice(ed.sel.start, ed.sel.end) ?? '',
        initial: { note: '', tags: [], color: this.lastColor },
        showColor: true,
        focus: ed.focus,
        position: { left: ed.sel.rect.x - 160, top: ed.sel.rect.y + 10 },
      };
    }
    if (ed.kind === 'new-punkt') {
      return {
        ...common,
        key: `punkt-${ed.punktNumber}`,
        heading: t('editorPunktLabel', [ed.punktNumber]),
        initial: { note: '', tags: [], color: this.lastColor },
        showColor: false,
        focus: 'note',
        position: null,
      };
    }
    const a = this.annotations.get(ed.id);
    if (!a) return null;
    const text = this.isText(a);
    return {
      ...common,
      key: `edit-${a.id}`,
      heading: text ? t('editorLabel') : t('editorPunktLabel', [a.page.punktNumber ?? '']),
      quote: text ? a.quote : undefined,
      initial: { note: a.note, tags: a.tags, color: a.color },
      showColor: text,
      focus: 'note',
      position: ed.at,
      onDelete: () => this.remove(a.id),
    };
  }

  private changed(): void {
    safe(() => this.deps.onChange());
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  private uuid(): string {
    return this.deps.uuid?.() ?? crypto.randomUUID();
  }
}

/** Viewport position of a selection: end of its last line, top of its first. */
function rectOf(range: Range): { x: number; y: number; top: number } {
  const rects = typeof range.getClientRects === 'function' ? [...range.getClientRects()] : [];
  const last = rects[rects.length - 1];
  const first = rects[0];
  return { x: last?.right ?? 0, y: last?.bottom ?? 0, top: first?.top ?? 0 };
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function safe(fn: () => unknown): void {
  try {
    fn();
  } catch {
    // never throw into the page
  }
}
