// The full reader: parses the page, keeps the badge and the in-page panel up
// to date, answers the popup, follows client rendering and in-page
// navigation. Every entry point is wrapped: nothing throws into the page.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { FollowExtras } from '../../components/follow/FollowExtras';
import { t } from '../../components/i18n';
import { Panel } from '../../components/panel/Panel';
import { panelStyles } from '../../components/panel/styles';
import { isOwnNode } from '../../lib/anchoring/paint/own-nodes';
import { createRuntimeClient } from '../../lib/annotate-client/client';
import { kleMainGroupName } from '../../lib/kle/main-groups';
import { listen } from '../../lib/messages/listen';
import type { ReaderStartOptions } from '../../lib/messages/reader-handle';
import { createRouter, route } from '../../lib/messages/router';
import {
  type Ack,
  AnnotationsChangedMessage,
  type ContentToBackground,
  FollowsChangedMessage,
  GetModelMessage,
  JumpMessage,
  type JumpResponse,
  type ModelResponse,
  type PageNotRecognisedMessage,
  type PageRecognisedMessage,
  PanelState,
} from '../../lib/messages/schemas';
import { detectMinutes, parseDocument, resolveDomRef } from '../../lib/minutes';
import type { ParseResult, Punkt } from '../../lib/model/minutes';
import type { Topic } from '../../lib/model/records';
import { flashElement } from '../../lib/ui/flash';
import { jumpToPunkt } from '../../lib/ui/jump';
import { createHost, type Host } from '../../lib/ui/shadow-host';
import { Annotator } from './annotator';
import { Follower } from './follower';
import { statusOf, toTabSummary } from './summary';

const DEBOUNCE_MS = 400;
const MAX_PARSES_PER_URL = 30;
/** Below this window width the open panel (max 380 px) would hide the punkt it jumps to. */
const NARROW_PX = 760;

export class Reader {
  private view: ModelResponse;
  private open = false;
  /** Move focus with the next open/close (only when the user toggled). */
  private focusOnToggle = false;
  /** The punkt last jumped to (marked in the outline). */
  private current: number | null = null;
  /** The user asked to read this page: explain instead of staying silent. */
  private forced = false;
  private notice: string | null = null;
  private host: Host | null = null;
  private lastReport = '';
  private url: string;
  private parses = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private observer: MutationObserver | null = null;
  private cleanups: (() => void)[] = [];
  /** Highlights, notes and tags of a recognised page (issue 3). */
  private annotator: Annotator | null = null;
  /** Remembering the meeting and following its cases (issue 4). */
  private readonly follower = new Follower(
    (m) => browser.runtime.sendMessage(m),
    () => this.render(),
  );

  constructor(
    private readonly doc: Document,
    private readonly options?: ReaderStartOptions,
  ) {
    this.url = doc.location?.href ?? '';
    this.view = { status: 'idle', url: this.url, result: null };
    this.open = options?.panelOpen === true;
    this.forced = options?.forced === true;
  }

  start(): void {
    this.parseNow();
    this.observe();
    this.restorePanelState();
    this.cleanups.push(
      listen(
        browser.runtime.onMessage,
        createRouter(
          () => ({ runtimeId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') }),
          {
            'reader/getModel': route(GetModelMessage, 'extension-page', () => this.view),
            'reader/jump': route(
              JumpMessage,
              'extension-page',
              (m): JumpResponse => ({ ok: this.jump(m.punkt) }),
            ),
            // Annotations changed in another tab, the dashboard or an import (live sync).
            'reader/annotationsChanged': route(AnnotationsChangedMessage, 'background', (m): Ack => {
              this.annotator?.remoteChanged(m);
              return { ok: true };
            }),
            // A case was followed or unfollowed elsewhere (popup, dashboard, another tab).
            'reader/followsChanged': route(FollowsChangedMessage, 'background', (m): Ack => {
              void this.follower.refreshFollowed(m.caseKeys).catch(() => {});
              return { ok: true };
            }),
          },
        ),
      ),
    );
    const win = this.doc.defaultView;
    if (win) {
      const onKey = (e: KeyboardEvent) =>
        safe(() => {
          if (!isShortcut(e) || this.view.status === 'idle') return;
          // Firefox uses Alt+Shift for access keys: leave the page's own "s" alone.
          if (this.doc.querySelector('[accesskey="s" i]')) return;
          e.preventDefault();
          this.setOpen(!this.open, true);
        });
      const onNav = () => safe(() => this.checkUrl());
      // Back/forward cache: the tab's badge was cleared on leaving; report again.
      const onShow = (e: PageTransitionEvent) =>
        safe(() => {
          if (!e.persisted) return;
          this.lastReport = '';
          this.report();
        });
      win.addEventListener('keydown', onKey, true);
      win.addEventListener('popstate', onNav);
      win.addEventListener('hashchange', onNav);
      win.addEventListener('pageshow', onShow);
      this.cleanups.push(() => {
        win.removeEventListener('keydown', onKey, true);
        win.removeEventListener('popstate', onNav);
        win.removeEventListener('hashchange', onNav);
        win.removeEventListener('pageshow', onShow);
      });
    }
  }

  stop(): void {
    clearTimeout(this.timer);
    this.observer?.disconnect();
    for (const c of this.cleanups.splice(0)) safe(c);
    safe(() => this.annotator?.stop());
    this.annotator = null;
    if (this.host) {
      safe(() => render(null, this.host!.mount));
      this.host.destroy();
      this.host = null;
    }
  }

  /** Re-read soon (detector after navigation, DOM changes); at once when injected again with options. */
  refresh(options?: ReaderStartOptions): void {
    if (options?.forced) {
      this.forced = true;
      this.parseNow();
      return;
    }
    this.checkUrl();
    this.schedule();
  }

  private observe(): void {
    this.observer = new MutationObserver((records) => {
      try {
        this.checkUrl();
        // Our own UI and highlight wrappers are not page changes.
        if (records.every(isOurs)) return;
        this.annotator?.domChanged();
        if (this.parses < MAX_PARSES_PER_URL) this.schedule();
      } catch {
        // ignore
      }
    });
    this.observer.observe(this.doc.documentElement, { childList: true, subtree: true, characterData: true });
  }

  private checkUrl(): void {
    const href = this.doc.location?.href ?? '';
    if (href === this.url) return;
    this.url = href;
    this.parses = 0;
    this.notice = null;
    this.current = null;
    this.schedule();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => safe(() => this.parseNow()), DEBOUNCE_MS);
  }

  private parseNow(): void {
    this.parses++;
    const url = this.doc.location?.href ?? this.url;
    let result: ParseResult | null;
    try {
      result = parseDocument(this.doc, url);
    } catch {
      result = { isMinutes: false, platform: null, reason: 'parse-error' };
    }
    let likely = false;
    try {
      likely = detectMinutes(this.doc, url).likely;
    } catch {
      likely = false;
    }
    const status = statusOf(result, likely || this.forced);
    this.view = { status, url, result };
    this.syncAnnotator();
    this.render();
    this.report();
  }

  private syncAnnotator(): void {
    safe(() => {
      const meeting = this.view.status === 'recognised' ? (this.view.result?.meeting ?? null) : null;
      if (meeting && !this.annotator) {
        this.annotator = new Annotator({
          doc: this.doc,
          client: createRuntimeClient((m) => browser.runtime.sendMessage(m)),
          onChange: () => this.render(),
          reparse: () => {
            this.parseNow();
            return this.view.status === 'recognised' ? (this.view.result?.meeting ?? null) : null;
          },
          jumpToPunkt: (n) => this.jump(n, true),
          openBackup: () => this.send({ type: 'ui/openDashboard', route: '/backup' }),
        });
      }
      this.annotator?.setPage(meeting, this.view.url);
      void this.follower.remember(meeting, this.view.url, this.view.result?.platform ?? null).catch(() => {});
    });
  }

  private report(): void {
    const summary = this.view.result ? toTabSummary(this.view.result, this.view.url) : null;
    let message: PageRecognisedMessage | PageNotRecognisedMessage;
    if (summary && this.view.status === 'recognised')
      message = { type: 'page/recognised', tabSummary: summary };
    else
      message = { type: 'page/not-recognised', reason: this.view.result?.reason ?? null, url: this.view.url };
    const key = JSON.stringify(message);
    if (key === this.lastReport) return;
    this.lastReport = key;
    this.send(message);
  }

  private setOpen(open: boolean, byUser: boolean): void {
    if (open === this.open) return;
    this.open = open;
    this.focusOnToggle = byUser;
    if (!open) this.notice = null;
    this.render();
    this.focusOnToggle = false;
    if (byUser) this.send({ type: 'ui/setPanelState', open });
  }

  /** Open the panel if the user left it open on an earlier page this session. */
  private restorePanelState(): void {
    if (typeof this.options?.panelOpen === 'boolean') return; // the background said so at injection
    this.sendForReply({ type: 'ui/getPanelState' }).then((reply) => {
      const parsed = PanelState.safeParse(reply);
      if (parsed.success && parsed.data.open && this.view.status !== 'idle') this.setOpen(true, false);
    });
  }

  private send(message: ContentToBackground): void {
    void this.sendForReply(message);
  }

  private async sendForReply(message: ContentToBackground): Promise<unknown> {
    try {
      return await browser.runtime.sendMessage(message);
    } catch {
      return undefined; // extension reloaded, or no background yet
    }
  }

  jump(n: number, fromPanel = false): boolean {
    const punkt = this.view.result?.meeting?.punkter.find((p: Punkt) => p.number === n);
    if (!punkt) return false;
    const res = jumpToPunkt(this.doc, punkt, resolveDomRef);
    this.notice = res.ok ? null : t('jumpFailed');
    this.current = res.ok ? n : null;
    if (res.ok && res.element && this.host) {
      const el = res.element;
      const layer = this.host.layer;
      safe(() => flashElement(el, layer));
    }
    // On narrow windows the open panel would cover the punkt: step aside
    // (for this page only; the session preference stays as the user set it).
    if (res.ok && this.open && (this.doc.defaultView?.innerWidth ?? 1024) < NARROW_PX) {
      this.open = false;
      this.focusOnToggle = fromPanel;
    }
    this.render();
    this.focusOnToggle = false;
    return res.ok;
  }

  private followExtras(p: Punkt) {
    const state = this.follower.state;
    const flag = state.flags.get(p.number);
    if (!flag) return null;
    return (
      <FollowExtras
        number={p.number}
        followed={flag.followed}
        newCount={flag.newCount}
        topics={this.follower.topicLabels(p.number, topicLabel)}
        busy={state.busy.has(p.number)}
        onToggle={(n, follow) => void this.follower.toggle(n, follow).catch(() => {})}
      />
    );
  }

  private render(): void {
    safe(() => this.renderUnsafe());
  }

  private renderUnsafe(): void {
    if (this.view.status === 'idle') {
      if (this.host) {
        safe(() => render(null, this.host!.mount));
        this.host.destroy();
        this.host = null;
      }
      return;
    }
    if (!this.host) this.host = createHost(this.doc, panelStyles);
    const h = this.host.host;
    h.setAttribute('data-state', this.open ? 'open' : 'collapsed');
    h.setAttribute('data-status', this.view.status);
    const count = this.view.result?.meeting?.punkter.length ?? 0;
    if (this.view.status === 'recognised') h.setAttribute('data-punkter', String(count));
    else h.removeAttribute('data-punkter');
    const ann = this.annotator?.active ? this.annotator : null;
    // Cheap test hooks (counts only, never page text).
    h.setAttribute('data-annotations', String(ann?.anchoredCount ?? 0));
    h.setAttribute('data-orphans', String(ann?.orphanCount ?? 0));
    h.setAttribute('data-pending', String(ann?.pendingWrites ?? 0));
    h.setAttribute('data-loaded', String(ann?.isLoaded ?? false));
    render(
      <Panel
        view={this.view}
        open={this.open}
        notice={this.notice}
        current={this.current}
        moveFocus={this.focusOnToggle}
        onOpenChange={(open) => this.setOpen(open, true)}
        onJump={(p) => this.jump(p.number, true)}
        renderExtras={(p: Punkt) => (
          <>
            {this.followExtras(p)}
            {ann?.extras(p)}
          </>
        )}
        annotations={ann?.section()}
        saving={(ann?.pendingWrites ?? 0) > 0}
      />,
      this.host.mount,
    );
  }
}

function topicLabel(tp: Topic): string {
  if (tp.kind === 'kle') {
    const name = kleMainGroupName(tp.value);
    return name ? `KLE ${tp.value} ${name}` : `KLE ${tp.value}`;
  }
  return tp.value;
}

function isShortcut(e: KeyboardEvent): boolean {
  return e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyS';
}

/** A mutation made by us: our hosts (`sagsspor-*`), highlight wrappers and the text pieces painting split. */
function isOurs(r: MutationRecord): boolean {
  if (r.type === 'characterData') return isOwnNode(r.target);
  if (r.type !== 'childList') return false;
  const all = [...r.addedNodes, ...r.removedNodes];
  return (
    all.length > 0 &&
    all.every((n) => (n.nodeType === 1 && (n as Element).localName.startsWith('sagsspor-')) || isOwnNode(n))
  );
}

function safe(fn: () => unknown): void {
  try {
    fn();
  } catch {
    // never throw into the page
  }
}
