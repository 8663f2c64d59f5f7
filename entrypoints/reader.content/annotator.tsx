// Annotations on a recognised minutes page: the selection toolbar, creating,
// painting, re-anchoring (once per batch, late content through a bounded
// observer), editing, deleting with undo, orphans, and the write queue that
// keeps every write pending until the background acknowledges it, and live
// sync: changes made elsewhere (another tab, the dashboard) appear here.
// Everything the page can reach is text: page text never becomes HTML.
import { render } from 'preact';
import { AnnotationsSection, type OrphanItem } from '../../components/annotate/AnnotationsSection';
import type { EditorDraft } from '../../components/annotate/Editor';
import { Layer, type LayerEditor } from '../../components/annotate/Layer';
import { countPerPunkt, listed, orphanQuote } from '../../components/annotate/model';
import { PunktExtras } from '../../components/annotate/PunktExtras';
import { annotateStyles } from '../../components/annotate/styles';
import { focusToolbar } from '../../components/annotate/Toolbar';
import { t } from '../../components/i18n';
import { createLateAnchorer, describe, type LateAnchorer, scopeAt } from '../../lib/anchoring';
import type { AnnotationClient } from '../../lib/annotate-client/client';
import { type QueueState, type Write, WriteQueue } from '../../lib/annotate-client/queue';
import type { AnnotationsChangedMessage } from '../../lib/messages/schemas';
import type { Annotation, AnnotationColor, AnnotationStatus } from '../../lib/model/annotation';
import type { Meeting, Punkt } from '../../lib/model/minutes';
import type { AnchorScope } from '../../lib/model/selectors';
import { hiddenAncestors, revealStep } from '../../lib/ui/reveal';
import { createHost, type Host } from '../../lib/ui/shadow-host';
import { isEditable, rectOf, safe } from './dom';
import { type FocusBack, focusBackFrom } from './focus-back';
import { PageHighlights } from './page-highlights';
import { isTextAnnotation, motivationOf, pageRef, punktAnnotation, textAnnotation } from './records';
import { concernsPage, reconcile, type SyncPage, sameTarget } from './sync';

export const TOOLBAR_TAG = 'sagsspor-toolbar' as const;
const UNDO_MS = 8000;
const STATUS_FLUSH_MS = 1500;
const LOAD_RETRIES = 6;
/** Showing an annotation in collapsed boxes: at most this many opened, this many waits for the page. */
const REVEAL_STEPS = 6;
const REVEAL_WAITS = 10;
const REVEAL_WAIT_MS = 50;

interface RevealState {
  opened: number;
  waits: number;
  /** The box opened last (still hidden: the page has not reacted yet). */
  last: Element | null;
}

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
  /** Opens the dashboard's backup page (through the background). */
  openBackup: () => void;
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
  /** The selected text (index text, as the quote will be). */
  quote: string;
  rect: { x: number; y: number; top: number };
}

type EditorState =
  | { kind: 'new-text'; sel: Captured; focus: 'note' | 'tags'; returnTo: Element | null }
  | { kind: 'new-punkt'; punktNumber: number; returnTo: Element | null }
  | { kind: 'edit'; id: string; at: { left: number; top: number } | null; returnTo: Element | null };

export class Annotator {
  private readonly doc: Document;
  private meeting: Meeting | null = null;
  private url = '';
  private key = '';
  private meetingKey: string | null = null;
  /** Canonical URL of the page (as stored on its annotations). */
  private pageUrl = '';
  private generation = 0;
  private loaded = false;
  /** Live (not deleted) annotations of the page, by id. */
  private readonly annotations = new Map<string, Annotation>();
  /** Anchoring outcome of text annotations in this page view. */
  private readonly anchorState = new Map<string, AnnotationStatus>();
  /** Deleted this session (kept for undo). */
  private readonly deleted = new Map<string, Annotation>();
  private readonly hl: PageHighlights;
  private late: LateAnchorer | null = null;
  private readonly queue: WriteQueue;
  private queueState: QueueState = { pending: 0, error: null };
  private host: Host | null = null;
  private toolbar: Captured | null = null;
  /** The selection whose toolbar was dismissed with Esc (offsets). */
  private dismissed: { start: number; end: number; live: Range | null } | null = null;
  /** The page element focused before Tab moved focus into the toolbar. */
  private toolbarReturn: Element | null = null;
  private editor: EditorState | null = null;
  private knownTags: string[] = [];
  private toast: { id: string; timer: ReturnType<typeof setTimeout>; back: FocusBack | null } | null = null;
  private lastColor: AnnotationColor = 'yellow';
  private persistNotice = false;
  private noticeChecked = false;
  private orphanMessage: string | null = null;
  private readonly statusOut = new Map<string, AnnotationStatus>();
  private statusTimer: ReturnType<typeof setTimeout> | null = null;
  private selTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly cleanups: (() => void)[] = [];
  private stopped = false;
  private unloadGuarded = false;
  /** Live sync: fetches counted, so a list older than a local write does not undo it. */
  private syncSeq = 0;
  /** id → `syncSeq` when this tab last wrote it (queued or acknowledged). */
  private readonly touched = new Map<string, number>();
  private syncing = false;
  private syncAgain = false;
  private syncAfterLoad = false;
  private syncQueued = false;
  /** The latest "show this annotation" (an older one still revealing stops). */
  private revealSeq = 0;

  constructor(private readonly deps: AnnotatorDeps) {
    this.doc = deps.doc;
    this.hl = new PageHighlights(deps.doc, deps.painter ?? 'auto');
    this.queue = new WriteQueue(
      async (w) => {
        const r = await deps.client.write(w);
        // Acknowledged now: a list fetched meanwhile may not show it yet.
        this.touch(w);
        return r;
      },
      {
        ...deps.queue,
        onChange: (s) => {
          const wasFull = this.queueState.error === 'storage-full';
          this.queueState = s;
          this.guardUnload(s.pending > 0);
          if (wasFull !== (s.error === 'storage-full')) this.renderLayer();
          this.changed();
        },
      },
    );
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
    const page = pageRef(meeting, url, null);
    const key = `${page.url}\u0001${page.meetingKey ?? ''}`;
    this.meeting = meeting;
    this.url = url;
    this.hl.setMeeting(meeting, page.meetingKey);
    if (key !== this.key) {
      this.reset(key);
      this.meetingKey = page.meetingKey;
      this.pageUrl = page.url;
      void this.load(page.url, page.meetingKey, this.generation, 0);
      return;
    }
    if (this.loaded) this.refresh();
  }

  /** The page's DOM changed (not by us): the text index is stale. */
  domChanged(): void {
    this.hl.markDirty();
  }

  /**
   * While writes are unacknowledged, leaving the page asks first (the
   * listener exists only then, so the back/forward cache is not blocked).
   */
  private guardUnload(on: boolean): void {
    const win = this.doc.defaultView;
    if (!win || on === this.unloadGuarded) return;
    this.unloadGuarded = on;
    if (on) win.addEventListener('beforeunload', this.onBeforeUnload);
    else win.removeEventListener('beforeunload', this.onBeforeUnload);
  }

  private readonly onBeforeUnload = (e: BeforeUnloadEvent) => {
    e.preventDefault();
    e.returnValue = '';
  };

  stop(): void {
    this.guardUnload(false);
    this.stopped = true;
    this.late?.stop();
    this.queue.dispose();
    for (const c of this.cleanups.splice(0)) safe(c);
    if (this.toast) clearTimeout(this.toast.timer);
    if (this.statusTimer) clearTimeout(this.statusTimer);
    if (this.selTimer) clearTimeout(this.selTimer);
    this.hl.destroy();
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
    this.hl.reset();
    this.annotations.clear();
    this.anchorState.clear();
    this.deleted.clear();
    this.toolbar = null;
    this.dismissed = null;
    this.toolbarReturn = null;
    this.editor = null;
    this.orphanMessage = null;
    this.touched.clear();
    this.syncAgain = false;
    this.syncAfterLoad = false;
    if (!key) {
      this.pageUrl = '';
      this.meeting = null;
      this.hl.setMeeting(null, null);
    }
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
    // A change was announced while this list was on its way: it may predate it.
    if (this.syncAfterLoad) {
      this.syncAfterLoad = false;
      this.requestSync();
    }
  }

  // ─── live sync ───────────────────────────────────────────────────────────

  /** The page as the store keys it (null when no page is shown). */
  get syncPage(): SyncPage | null {
    return this.key ? { url: this.pageUrl, meetingKey: this.meetingKey } : null;
  }

  /**
   * Annotations changed elsewhere (`reader/annotationsChanged`): when it concerns this page, fetch
   * its annotations again. Returns whether it did.
   */
  remoteChanged(message: Pick<AnnotationsChangedMessage, 'ids' | 'pages'>): boolean {
    if (this.stopped) return false;
    const knows = (id: string) => this.annotations.has(id) || this.deleted.has(id);
    if (!concernsPage(message, this.syncPage, knows)) return false;
    this.requestSync();
    return true;
  }

  /**
   * Fetch the page's annotations again (now, not on a timer: timers of background tabs are
   * throttled). Requests in the same task share one fetch; requests while a fetch is on its way
   * lead to one more fetch after it.
   */
  requestSync(): void {
    if (this.stopped || !this.key || this.syncQueued) return;
    this.syncQueued = true;
    queueMicrotask(() => {
      this.syncQueued = false;
      void this.sync().catch(() => {});
    });
  }

  /** Resolves when no sync is queued or running (tests). */
  async whenSynced(): Promise<void> {
    while (this.syncQueued || this.syncing) await new Promise((r) => setTimeout(r, 5));
  }

  private touch(w: Write): void {
    const id = w.kind === 'upsert' ? w.annotation.id : w.kind === 'status' ? null : w.id;
    if (id) this.touched.set(id, this.syncSeq);
  }

  private async sync(): Promise<void> {
    if (!this.loaded) {
      this.syncAfterLoad = true;
      return;
    }
    if (this.syncing) {
      this.syncAgain = true;
      return;
    }
    this.syncing = true;
    const gen = this.generation;
    const seq = ++this.syncSeq;
    try {
      const list = await this.deps.client.listForPage({ url: this.pageUrl, meetingKey: this.meetingKey });
      if (list && gen === this.generation && !this.stopped) this.applySync(list, seq);
    } finally {
      this.syncing = false;
    }
    // Asked again meanwhile (for this page, or for the page shown since): fetch once more.
    if (this.syncAgain) {
      this.syncAgain = false;
      await this.sync();
    }
  }

  /** Take the store's version of what changed; repaint only that. Local unacknowledged writes win. */
  private applySync(list: Annotation[], seq: number): void {
    const pending = new Set<string>();
    for (const w of this.queue.pendingWrites) {
      if (w.kind === 'upsert') pending.add(w.annotation.id);
      else if (w.kind !== 'status') pending.add(w.id);
    }
    const keepLocal = (id: string) => pending.has(id) || (this.touched.get(id) ?? -1) >= seq;
    const here = list.filter((a) => this.belongsHere(a, this.url));
    const { added, updated, removed } = reconcile(this.annotations, here, keepLocal);
    if (!added.length && !updated.length && !removed.length) return;
    let layer = false;
    for (const a of removed) layer = this.forget(a.id) || layer;
    const anchor: Annotation[] = [];
    for (const a of added) {
      // Restored elsewhere (undo in another tab): no undo here any more.
      this.deleted.delete(a.id);
      if (this.toast?.id === a.id) this.dismissToast();
      this.annotations.set(a.id, a);
      anchor.push(a);
    }
    for (const { before, after } of updated) {
      if (sameTarget(before, after)) {
        // Same place: the anchoring result of this tab stands; repaint only a new colour.
        this.annotations.set(after.id, { ...after, status: before.status });
        if (
          isTextAnnotation(after) &&
          after.color !== before.color &&
          this.anchorState.get(after.id) === 'anchored'
        )
          anchor.push(after);
      } else {
        this.hl.clear(after.id);
        this.anchorState.delete(after.id);
        this.statusOut.delete(after.id);
        this.annotations.set(after.id, after);
        anchor.push(after);
      }
    }
    this.anchorBatch(anchor);
    if (this.editor?.kind === 'edit' && this.annotations.has(this.editor.id)) layer = true;
    if (layer) this.renderLayer();
    this.changed();
  }

  /** An annotation deleted elsewhere: unpainted and unlisted (no undo here). True if its editor closed. */
  private forget(id: string): boolean {
    this.annotations.delete(id);
    this.anchorState.delete(id);
    this.statusOut.delete(id);
    this.hl.clear(id);
    if (this.editor?.kind === 'edit' && this.editor.id === id) {
      this.closeEditor();
      return true;
    }
    return false;
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
          this.hl.markDirty();
          // A fresh parse (new DomRefs) comes back through setPage, which re-anchors.
          if (this.deps.reparse) this.deps.reparse();
          else this.refresh();
        }),
      this.deps.late ?? {},
    );
  }

  // ─── anchoring ───────────────────────────────────────────────────────────

  /** Anchor a batch against ONE index and paint; orphans are kept and listed. */
  private anchorBatch(list: Annotation[]): void {
    const text = list.filter(isTextAnnotation);
    for (const [id, status] of this.hl.anchor(text)) {
      const a = this.annotations.get(id);
      if (!a) continue;
      this.setAnchor(a, status);
      if (status === 'anchored') this.followRenumbering(id);
    }
  }

  /**
   * The page was republished with its punkter renumbered (one inserted before): the text was found
   * in another punkt than the one stored (by case number, or further afield). The annotation moves
   * to the punkt it is in now — number, case number and scope — so lists, counts and exports name
   * the right punkt. Saved like an edit, without a new `modified` (not the user's change).
   */
  private followRenumbering(id: string): void {
    const a = this.annotations.get(id);
    const scope = a?.target.scope;
    if (!a || !scope || a.page.punktNumber === null || !this.meeting) return;
    if (a.page.meetingKey !== this.meetingKey) return; // another copy of the meeting: leave it
    const now = this.hl.scopeOf(id);
    if (!now || now.punktNumber === a.page.punktNumber) return;
    const moved: Annotation = {
      ...a,
      page: { ...a.page, punktNumber: now.punktNumber, caseNumber: now.caseNumber ?? a.page.caseNumber },
      target: {
        ...a.target,
        // The section stays: positions are measured from its start, and the punkt kept its layout.
        scope: { ...scope, punktNumber: now.punktNumber, caseNumber: now.caseNumber ?? scope.caseNumber },
      },
    };
    this.annotations.set(id, moved);
    this.queue.enqueue({ kind: 'upsert', annotation: moved });
    this.changed();
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
    const text = [...this.annotations.values()].filter(isTextAnnotation);
    const painted = text.filter((a) => this.anchorState.get(a.id) === 'anchored');
    const pending = text.filter((a) => this.anchorState.get(a.id) !== 'anchored');
    const redo = [...pending, ...this.hl.lost(painted)];
    if (redo.length) this.anchorBatch(redo);
    this.changed();
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
    // Back to this tab: catch up on changes whose announcement did not reach it (e.g. the
    // service worker restarted and did not know this frame).
    const onVisible = () =>
      safe(() => {
        if (doc.visibilityState === 'visible' && this.loaded) this.requestSync();
      });
    win?.addEventListener('scroll', onScroll, { capture: true, passive: true });
    doc.addEventListener('visibilitychange', onVisible);
    doc.addEventListener('selectionchange', onSel);
    win?.addEventListener('keydown', onKey);
    doc.addEventListener('click', onClick);
    this.cleanups.push(() => {
      doc.removeEventListener('selectionchange', onSel);
      doc.removeEventListener('visibilitychange', onVisible);
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
    const index = this.hl.textIndex();
    const off = index.rangeOffsets(range);
    if (off.end <= off.start || !/\S/.test(index.text.slice(off.start, off.end))) return null;
    // Trim surrounding whitespace so the quote starts and ends on text.
    let { start, end } = off;
    while (start < end && /\s/.test(index.text[start]!)) start++;
    while (end > start && /\s/.test(index.text[end - 1]!)) end--;
    const hit = scopeAt(start, this.hl.scopes());
    if (!hit) return null;
    return {
      range: range.cloneRange(),
      start,
      end,
      scope: hit.scope,
      quote: index.text.slice(start, end),
      rect: rectOf(range),
    };
  }

  private updateToolbar(): void {
    if (this.editor) return;
    const next = this.capture();
    // Dismissed with Esc: not shown again for the same selection (a new one, even of the same
    // text, is a new Range).
    const d = this.dismissed;
    if (next && d && next.start === d.start && next.end === d.end && this.liveRange() === d.live) return;
    this.dismissed = null;
    if (!next && !this.toolbar) return;
    if (!next) this.toolbarReturn = null;
    this.toolbar = next;
    this.renderLayer();
  }

  /** Hide the toolbar, keeping the page's selection (`h`, `n`, `t` still act on it). */
  private dismissToolbar(refocus: boolean): void {
    const sel = this.toolbar;
    if (!sel) return;
    this.dismissed = { start: sel.start, end: sel.end, live: this.liveRange() };
    this.toolbar = null;
    this.renderLayer();
    if (refocus) this.returnFromToolbar();
  }

  /** The page selection's Range object (the same object while the user has not selected anew). */
  private liveRange(): Range | null {
    try {
      const sel = this.doc.getSelection();
      return sel && sel.rangeCount > 0 ? sel.getRangeAt(0) : null;
    } catch {
      return null;
    }
  }

  /** Focus the toolbar's default button (true when it is shown). */
  private focusToolbar(): boolean {
    let done = false;
    safe(() => {
      if (this.host) done = focusToolbar(this.host.mount);
    });
    return done;
  }

  /** Focus left the toolbar (Esc, or it closed under it): back to where it came from on the page. */
  private returnFromToolbar(): void {
    const back = this.toolbarReturn;
    this.toolbarReturn = null;
    safe(() => {
      if (back && (back as HTMLElement).isConnected) (back as HTMLElement).focus();
      else if (this.focusInLayer()) (this.doc.activeElement as HTMLElement | null)?.blur?.();
    });
  }

  /** Focus is inside the toolbar host (toolbar, editor or toast). */
  private focusInLayer(selector?: string): boolean {
    const h = this.host;
    if (!h || this.doc.activeElement !== h.host) return false;
    const inner = (h.mount.getRootNode() as ShadowRoot).activeElement;
    return !!inner && (!selector || !!inner.closest(selector));
  }

  /**
   * Keys on the page (keys typed in our own UI stop at its host). With a selection in a punkt:
   * `h`, `n`, `t`; Tab moves focus into the toolbar; Esc hides the toolbar (the selection stays).
   * With the editor open and focus on the page (e.g. after a click outside it), Esc cancels it.
   */
  private onKey(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    const key = e.key;
    if (key !== 'h' && key !== 'n' && key !== 't' && key !== 'Escape' && key !== 'Tab') return;
    const target = (e.composedPath?.()[0] ?? e.target) as Element | null;
    if (
      target &&
      target.nodeType === 1 &&
      (isEditable(target) || target.closest?.('sagsspor-root, sagsspor-toolbar'))
    )
      return;
    const active = this.doc.activeElement;
    if (isEditable(active)) return;
    if (key === 'Escape') {
      if (this.editor) this.closeEditor();
      else if (this.toolbar) this.dismissToolbar(false);
      return;
    }
    if (e.repeat) return;
    if (key === 'Tab') {
      if (e.shiftKey || !this.toolbar || this.editor) return;
      // The toolbar belongs to the selection: the next stop after it.
      const from = this.pageFocus();
      if (this.focusToolbar()) {
        e.preventDefault();
        this.toolbarReturn = from;
      }
      return;
    }
    const sel = this.capture();
    if (!sel) return;
    e.preventDefault();
    if (key === 'h') this.highlight(this.lastColor, sel);
    else this.openNew(sel, key === 'n' ? 'note' : 'tags');
  }

  private onClick(e: MouseEvent): void {
    if (this.hl.kind === null || this.annotations.size === 0 || e.button !== 0) return;
    const sel = this.doc.getSelection();
    if (sel && !sel.isCollapsed) return; // the end of a drag-select, not a click
    const target = e.target as Element | null;
    // Our UI, and the page's own controls (a highlighted link still just navigates).
    if (
      target?.closest?.(
        'sagsspor-root, sagsspor-toolbar, a[href], button, input, select, textarea, label, summary',
      )
    )
      return;
    const ids = this.hl.hitTest(e.clientX, e.clientY).filter((id) => this.annotations.has(id));
    if (ids.length === 0) return;
    this.revealSeq++;
    this.openEdit(ids[0]!, { left: e.clientX - 20, top: e.clientY + 16 }, this.pageFocus());
  }

  // ─── actions ─────────────────────────────────────────────────────────────

  private build(sel: Captured, color: AnnotationColor, note: string, tags: string[]): Annotation | null {
    if (!this.meeting) return null;
    // The DOM may have changed since the toolbar appeared: the cloned Range followed it.
    const stale = this.hl.isDirty || sel.range.collapsed;
    const index = this.hl.textIndex();
    const off = stale ? index.rangeOffsets(sel.range) : sel;
    const target = describe(index, { start: off.start, end: off.end }, sel.scope, this.hl.scopeResolver());
    if (!target) return null;
    return textAnnotation(
      this.meeting,
      this.url,
      target,
      { color, note, tags },
      { id: this.uuid(), now: this.now() },
    );
  }

  /** Create a highlight from a captured selection (toolbar colour button or `h`). */
  highlight(color: AnnotationColor, sel: Captured | null = this.toolbar): Annotation | null {
    if (!sel) return null;
    const a = this.build(sel, color, '', []);
    if (!a) return null;
    this.lastColor = color;
    this.add(a);
    const fromToolbar = this.focusInLayer('[role="toolbar"]');
    this.toolbar = null;
    safe(() => this.doc.getSelection()?.removeAllRanges());
    this.renderLayer();
    if (fromToolbar) this.returnFromToolbar();
    return a;
  }

  private add(a: Annotation): void {
    this.annotations.set(a.id, a);
    // Optimistic: painted at once (the position selector matches on the first try).
    if (isTextAnnotation(a)) this.anchorBatch([a]);
    this.queue.enqueue({ kind: 'upsert', annotation: a });
    this.maybeShowPersistNotice();
    this.changed();
  }

  private openNew(sel: Captured, focus: 'note' | 'tags'): void {
    this.revealSeq++;
    const returnTo = this.focusInLayer('[role="toolbar"]') ? this.toolbarReturn : this.pageFocus();
    this.toolbarReturn = null;
    this.toolbar = null;
    this.editor = { kind: 'new-text', sel, focus, returnTo };
    this.loadTags();
    this.renderLayer();
  }

  /** The page element that had focus (focus returns there when the editor closes). */
  private pageFocus(): Element | null {
    const el = this.doc.activeElement;
    return el && el !== this.doc.body && !el.localName.startsWith('sagsspor-') ? el : null;
  }

  /** Open the editor for an annotation (click on a highlight, or the panel's list). */
  openEdit(id: string, at: { left: number; top: number } | null, returnTo: Element | null): void {
    if (!this.annotations.has(id)) return;
    this.toolbar = null;
    this.editor = { kind: 'edit', id, at, returnTo };
    this.loadTags();
    this.renderLayer();
  }

  /**
   * The panel's list: show the annotation (expanding the collapsed item, section or <details> it
   * is in, with the page's own toggles), scroll to it, then open the editor next to it.
   */
  activate(id: string, returnTo: Element | null = null): void {
    const a = this.annotations.get(id);
    if (!a) return;
    const seq = ++this.revealSeq;
    if (!isTextAnnotation(a)) {
      if (a.page.punktNumber !== null) this.deps.jumpToPunkt?.(a.page.punktNumber);
      this.openEdit(id, null, returnTo);
      return;
    }
    this.reveal(id, returnTo, seq, { opened: 0, waits: 0, last: null });
  }

  /**
   * Show a text annotation, then open its editor next to it. When it is in a collapsed box, the
   * outermost one is opened and the annotation looked up again (at once, or after a short wait
   * when the page reacts later), until it is shown. Bounded: REVEAL_STEPS boxes, REVEAL_WAITS waits.
   */
  private reveal(id: string, returnTo: Element | null, seq: number, step: RevealState): void {
    if (seq !== this.revealSeq || this.stopped) return;
    const a = this.annotations.get(id);
    if (!a || !isTextAnnotation(a)) return;
    let range: Range | null = null;
    safe(() => {
      range = this.hl.locate(a);
    });
    const start = (range as Range | null)?.startContainer ?? null;
    const box = start ? hiddenAncestors(start).pop() : undefined;
    if (start && box && step.opened < REVEAL_STEPS) {
      if (box === step.last && step.waits < REVEAL_WAITS) {
        // The page has not reacted yet (it may render on its own schedule).
        step.waits++;
        setTimeout(() => safe(() => this.reveal(id, returnTo, seq, step)), REVEAL_WAIT_MS);
        return;
      }
      if (box !== step.last && revealStep(start)) {
        step.opened++;
        step.last = box;
        step.waits = 0;
        // The page may rebuild what it shows: the text index is read again.
        this.hl.markDirty();
        this.reveal(id, returnTo, seq, step);
        return;
      }
    }
    let at: { left: number; top: number } | null = null;
    safe(() => {
      const el = start?.nodeType === 1 ? (start as Element) : start?.parentElement;
      el?.scrollIntoView?.({ block: 'center' });
      const rect = (range as Range | null)?.getBoundingClientRect?.();
      if (rect && (rect.width > 0 || rect.height > 0)) at = { left: rect.left, top: rect.bottom + 8 };
    });
    this.openEdit(id, at, returnTo);
  }

  /** Whole punkt note/tags from the outline. */
  openPunkt(punktNumber: number, returnTo: Element | null = null): void {
    this.revealSeq++;
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
      motivation: motivationOf(draft.note, draft.tags, isTextAnnotation(old)),
      modified: Math.max(this.now(), old.modified + 1),
    };
    this.annotations.set(updated.id, updated);
    if (
      isTextAnnotation(updated) &&
      updated.color !== old.color &&
      this.anchorState.get(updated.id) === 'anchored'
    ) {
      // Repaint in the new colour (same place).
      this.anchorBatch([updated]);
    }
    this.queue.enqueue({ kind: 'upsert', annotation: updated });
    this.changed();
  }

  private buildPunkt(n: number, draft: EditorDraft): Annotation | null {
    if (!this.meeting) return null;
    return punktAnnotation(this.meeting, this.url, this.meetingKey, n, draft, {
      id: this.uuid(),
      now: this.now(),
    });
  }

  /**
   * Soft delete with an undo toast (~8 s). Focus moves to the toast's Undo button (the control
   * it was on leaves with the annotation); `from` is that control (focus goes back near it later).
   */
  remove(id: string, from: Element | null = null): void {
    const a = this.annotations.get(id);
    if (!a) return;
    const ed = this.editor;
    const inEditor = ed?.kind === 'edit' && ed.id === id;
    const back = focusBackFrom(inEditor ? ed.returnTo : from);
    if (inEditor) this.closeEditor(false);
    this.annotations.delete(id);
    this.anchorState.delete(id);
    this.deleted.set(id, a);
    this.hl.clear(id);
    this.queue.enqueue({ kind: 'delete', id, at: this.now() });
    if (this.toast) clearTimeout(this.toast.timer);
    this.toast = { id, timer: this.toastTimer(), back };
    this.renderLayer();
    this.changed();
    safe(() => this.host?.mount.querySelector<HTMLElement>('[data-testid="undo"]')?.focus());
  }

  /** The toast goes after UNDO_MS, but not while it has focus (a keyboard user may be about to undo). */
  private toastTimer(): ReturnType<typeof setTimeout> {
    return setTimeout(() => {
      if (this.focusInLayer('.toast')) {
        if (this.toast) this.toast.timer = this.toastTimer();
      } else this.dismissToast();
    }, UNDO_MS);
  }

  undo(id: string): void {
    const a = this.deleted.get(id);
    if (!a) return;
    const back = this.toast?.id === id ? this.toast.back : null;
    const refocus = this.focusInLayer('.toast');
    this.deleted.delete(id);
    this.dismissToast(false);
    const restored = { ...a, deletedAt: null, modified: Math.max(this.now(), a.modified + 1) };
    this.annotations.set(id, restored);
    this.queue.enqueue({ kind: 'undo', id, at: this.now() });
    if (isTextAnnotation(restored)) this.anchorBatch([restored]);
    this.changed();
    // Back to the annotation in the panel's list (listed again by now), else near it.
    if (refocus) safe(() => back?.target(id)?.focus());
  }

  /** Remove the toast; with focus in it, focus goes back near where the deleted annotation was. */
  private dismissToast(refocus = true): void {
    const toast = this.toast;
    if (!toast) return;
    const had = refocus && this.focusInLayer('.toast');
    clearTimeout(toast.timer);
    this.toast = null;
    this.renderLayer();
    if (had) safe(() => toast.back?.target()?.focus());
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

  /** Close the editor (the draft is dropped); focus returns to where it came from. */
  private closeEditor(refocus = true): void {
    const ed = this.editor;
    this.editor = null;
    this.renderLayer();
    if (!refocus) return;
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
      if (!isTextAnnotation(a) || this.anchorState.get(a.id) === 'anchored') n++;
    return n;
  }

  get orphanCount(): number {
    let n = 0;
    for (const a of this.annotations.values())
      if (isTextAnnotation(a) && this.anchorState.get(a.id) === 'orphaned') n++;
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

  /** The page's stored annotations were loaded (or the background did not answer: retrying). */
  get isLoaded(): boolean {
    return this.loaded;
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
      .filter((a) => !isTextAnnotation(a) || this.anchorState.get(a.id) === 'anchored')
      .sort((x, y) => (x.page.punktNumber ?? -1) - (y.page.punktNumber ?? -1) || x.created - y.created);
    const orphans: OrphanItem[] = all
      .filter((a) => isTextAnnotation(a) && this.anchorState.get(a.id) === 'orphaned')
      .map((a) => ({ id: a.id, quote: orphanQuote(a), punktNumber: a.page.punktNumber }));
    return (
      <AnnotationsSection
        items={shown.map((a) => listed(a))}
        orphans={orphans}
        pending={this.queueState.pending}
        error={this.queueState.error === 'unavailable' ? null : this.queueState.error}
        persistNotice={this.persistNotice ? { openBackup: this.deps.openBackup } : null}
        orphanMessage={this.orphanMessage}
        onActivate={(id, el) => this.activate(id, el ?? null)}
        onAttach={(id) => this.attach(id)}
        onDeleteOrphan={(id, el) => this.remove(id, el ?? null)}
        onDismissNotice={() => this.dismissNotice()}
      />
    );
  }

  private renderLayer(): void {
    safe(() => {
      const storageFull = this.queueState.error === 'storage-full';
      const needed = !!(this.toolbar || this.editor || this.toast || this.persistNotice || storageFull);
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
          onCloseToolbar={() => this.dismissToolbar(true)}
          onUndo={(id) => this.undo(id)}
          onDismissToast={() => this.dismissToast()}
          persistNotice={this.persistNotice ? { openBackup: this.deps.openBackup } : null}
          onDismissNotice={() => this.dismissNotice()}
          storageFull={storageFull}
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
        quote: ed.sel.quote,
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
    const text = isTextAnnotation(a);
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
