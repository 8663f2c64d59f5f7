// The page side of annotations: one text index per batch (rebuilt only after
// DOM changes), the parsed meeting's scopes, the painter and its stylesheet.
// Anchors are offsets; live Ranges are kept only to check CSS highlights
// after DOM changes.
import {
  anchorAll,
  buildTextIndex,
  createDomRefLocator,
  createPainter,
  highlightCss,
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
import type { AnnotationStatus } from '../../lib/model/annotation';
import type { Meeting } from '../../lib/model/minutes';
import type { AnchorScope } from '../../lib/model/selectors';
import { collapse, safe } from './dom';
import type { TextAnnotation } from './records';

export class PageHighlights {
  private index: TextIndex | null = null;
  private dirty = true;
  private located: LocatedScope[] | null = null;
  private resolver: ScopeResolver | null = null;
  private painter: Painter | null = null;
  private sheet: CSSStyleSheet | HTMLStyleElement | null = null;
  /** Live Ranges of painted CSS highlights (to check them after DOM changes). */
  private readonly ranges = new Map<string, Range>();
  /** Start offset (in the current index) of each annotation anchored by the last `anchor` calls. */
  private readonly starts = new Map<string, number>();
  private meeting: Meeting | null = null;
  private meetingKey: string | null = null;

  constructor(
    private readonly doc: Document,
    private readonly prefer: 'auto' | 'highlight-api' | 'wrapper' = 'auto',
  ) {}

  /** A fresh parse (new DomRefs): scopes are resolved again. */
  setMeeting(meeting: Meeting | null, meetingKey: string | null): void {
    this.meeting = meeting;
    this.meetingKey = meetingKey;
    this.markDirty();
  }

  /** The page's DOM changed: rebuild the index before the next use. */
  markDirty(): void {
    this.dirty = true;
    this.located = null;
    this.starts.clear();
    this.resolver = null;
  }

  get isDirty(): boolean {
    return this.dirty || this.index === null;
  }

  get kind(): Painter['kind'] | null {
    return this.painter?.kind ?? null;
  }

  textIndex(): TextIndex {
    if (!this.index || this.dirty) {
      this.index = buildTextIndex(this.doc);
      this.dirty = false;
      this.located = null;
      this.resolver = null;
      this.painter?.setIndex(this.index);
    }
    return this.index;
  }

  scopeResolver(): ScopeResolver | undefined {
    if (!this.meeting || !this.doc.body) return undefined;
    this.textIndex();
    if (!this.resolver)
      this.resolver = meetingScopeResolver(this.meeting, createDomRefLocator(this.doc.body));
    return this.resolver;
  }

  /** Every punkt and section of the meeting with its offsets in the current index. */
  scopes(): LocatedScope[] {
    const index = this.textIndex();
    if (!this.located) {
      const resolve = this.scopeResolver();
      this.located =
        this.meeting && resolve
          ? locateScopes(index, meetingScopes(this.meeting, this.meetingKey ?? undefined), resolve)
          : [];
    }
    return this.located;
  }

  private ensurePainter(): Painter {
    const index = this.textIndex();
    if (!this.painter) {
      this.ensureSheet();
      this.painter = createPainter(index, { prefer: this.prefer });
    }
    return this.painter;
  }

  /** Anchor a batch against ONE index and paint the anchored; returns each one's status. */
  anchor(list: readonly TextAnnotation[]): Map<string, AnnotationStatus> {
    const out = new Map<string, AnnotationStatus>();
    if (list.length === 0) return out;
    const index = this.textIndex();
    const results = anchorAll(
      list.map((a) => a.target),
      index,
      this.scopeResolver(),
    );
    const painter = this.ensurePainter();
    const paint: { id: string; start: number; end: number; color: string }[] = [];
    results.forEach((r, i) => {
      const a = list[i]!;
      if (r.status === 'anchored') {
        paint.push({ id: a.id, start: r.start, end: r.end, color: a.color });
        out.set(a.id, 'anchored');
        this.starts.set(a.id, r.start);
      } else {
        this.starts.delete(a.id);
        this.clear(a.id);
        out.set(a.id, 'orphaned');
      }
    });
    painter.paint(paint);
    if (painter.kind === 'highlight-api') {
      for (const p of paint) {
        const r = index.toRange(p.start, p.end);
        if (r) this.ranges.set(p.id, r);
      }
    }
    return out;
  }

  /** The punkt (and section) an anchored annotation lies in now, or null. */
  scopeOf(id: string): AnchorScope | null {
    const start = this.starts.get(id);
    return start === undefined ? null : (scopeAt(start, this.scopes())?.scope ?? null);
  }

  /** Where an annotation is on the page now (scrolling to it), or null. */
  locate(a: TextAnnotation): Range | null {
    const index = this.textIndex();
    const [r] = anchorAll([a.target], index, this.scopeResolver());
    return r?.status === 'anchored' ? index.toRange(r.start, r.end) : null;
  }

  clear(id: string): void {
    safe(() => this.painter?.clear(id));
    this.ranges.delete(id);
  }

  clearAll(): void {
    safe(() => this.painter?.clearAll());
    this.ranges.clear();
  }

  /** Ids of painted annotations under a viewport point, innermost first. */
  hitTest(x: number, y: number): string[] {
    if (!this.painter) return [];
    this.textIndex();
    return this.painter.hitTest(x, y);
  }

  /**
   * After DOM changes: which painted annotations lost their highlight (the
   * page re-rendered their text, stripped our wrappers). The index is rebuilt
   * once for all.
   */
  lost(list: readonly TextAnnotation[]): TextAnnotation[] {
    const painter = this.painter;
    if (!painter) return [...list];
    const index = this.textIndex();
    const gone = list.filter((a) => !this.stillPainted(a, index, painter));
    // Wrappers the page removed: forget them first, so repainting starts clean.
    if (painter.kind === 'wrapper') for (const a of gone) this.clear(a.id);
    this.ensureSheet();
    return gone;
  }

  private stillPainted(a: TextAnnotation, index: TextIndex, painter: Painter): boolean {
    if (!painter.has(a.id)) return false;
    let o: { start: number; end: number };
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

  /**
   * Highlight CSS on the page: a constructed sheet appended to (never
   * replacing) document.adoptedStyleSheets; added again if the page dropped it.
   */
  ensureSheet(): void {
    const doc = this.doc;
    if (this.sheet && 'isConnected' in this.sheet) {
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
      // A sheet from another realm may be refused: a <style> element instead.
    }
    const style = doc.createElement('style');
    style.setAttribute('data-sagsspor-ui', '');
    style.textContent = highlightCss();
    (doc.head ?? doc.documentElement).appendChild(style);
    this.sheet = style;
  }

  /** Another page (URL or meeting): highlights removed, painter and index dropped (the sheet stays). */
  reset(): void {
    this.clearAll();
    this.painter = null;
    this.index = null;
    this.markDirty();
  }

  /** Remove every highlight and our stylesheet. */
  destroy(): void {
    this.clearAll();
    this.painter = null;
    this.index = null;
    const s = this.sheet;
    this.sheet = null;
    if (!s) return;
    safe(() => {
      if ('isConnected' in s) s.remove();
      else this.doc.adoptedStyleSheets = this.doc.adoptedStyleSheets.filter((x) => x !== s);
    });
  }
}
