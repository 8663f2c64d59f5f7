// Live sync between tabs: after a committed annotation write (reader, dashboard, tag edit, backup
// import) the background tells the readers that may show an affected page to fetch their
// annotations again (`reader/annotationsChanged`: ids and pages only, never content).
//
// Which frames: every frame whose reader loaded annotations (`seen`, from `annotations/listForPage`;
// the frame's own URL, so readers in iframes are reached too), plus — for a service worker that was
// restarted and forgot them — the top frame of every open tab on an affected site (`tabs.query`
// shows the URL of tabs on sites the extension may access). A frame only hears about its own site's
// annotations. Changes within a few milliseconds go out as one message per frame.
import { browser } from 'wxt/browser';
import {
  type AnnotationsChangedMessage,
  type ChangedPage,
  type FollowsChangedMessage,
  MAX_CHANGED_CASES,
  MAX_CHANGED_IDS,
  MAX_CHANGED_PAGES,
} from '../../../lib/messages/schemas';
import type { SenderLike } from '../../../lib/messages/sender';
import type { AnnotationPage } from '../../../lib/model/annotation';
import { originOf } from './access';

export interface AnnotationChanges {
  /** A content script loaded its page's annotations: its frame hears about later changes. */
  seen(sender: SenderLike): void;
  /** These annotations were written (their page as stored). */
  changed(annotations: readonly { id: string; page: Pick<AnnotationPage, 'url' | 'meetingKey'> }[]): void;
  /** Anything may have changed (backup import): every reader fetches again. */
  changedAll(): void;
  /** These cases were followed or unfollowed: every reader asks again which of its cases are followed. */
  followsChanged(caseKeys: readonly string[]): void;
  /** Send what is batched now (tests; also returns when sending is done). */
  flush(): Promise<void>;
}

/** The part of `browser.tabs` the notifier uses. */
export interface TabsLike {
  query(info: Record<string, never>): Promise<{ id?: number; url?: string }[]>;
  sendMessage(tabId: number, message: unknown, options?: { frameId?: number }): Promise<unknown>;
}

export interface ChangeNotifierOptions {
  /** Batch window (ms). Default 20. */
  delayMs?: number;
  /** At most this many registered frames (oldest dropped). Default 500. */
  maxFrames?: number;
}

interface Frame {
  tabId: number;
  frameId: number;
  origin: string;
}

interface Batch {
  all: boolean;
  /** Followed or unfollowed cases (null: any), told to every reader. */
  follows?: Set<string> | null;
  /** origin → ids and pages */
  byOrigin: Map<string, { ids: Set<string>; pages: Map<string, ChangedPage> }>;
}

const frameKey = (tabId: number, frameId: number) => `${tabId}:${frameId}`;

/** The follows message every reader gets (null: any case). */
export function followsMessage(caseKeys: Iterable<string> | null): FollowsChangedMessage {
  return { type: 'reader/followsChanged', caseKeys: caseKeys === null ? null : [...caseKeys] };
}

/** The message one origin's frames get. Too many ids or pages: "anything" (null) instead. */
export function changeMessage(
  entry: { ids: Iterable<string>; pages: Iterable<ChangedPage> } | null,
): AnnotationsChangedMessage {
  if (!entry) return { type: 'reader/annotationsChanged', ids: null, pages: null };
  const ids = [...entry.ids];
  const pages = [...entry.pages];
  if (ids.length > MAX_CHANGED_IDS || pages.length > MAX_CHANGED_PAGES)
    return { type: 'reader/annotationsChanged', ids: null, pages: null };
  return { type: 'reader/annotationsChanged', ids, pages };
}

export function createChangeNotifier(
  tabs: () => TabsLike | null,
  options: ChangeNotifierOptions = {},
): AnnotationChanges & { forgetTab(tabId: number): void; readonly frames: number } {
  const delay = options.delayMs ?? 20;
  const maxFrames = options.maxFrames ?? 500;
  const frames = new Map<string, Frame>();
  let batch: Batch | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let sending: Promise<void> = Promise.resolve();

  const current = (): Batch => {
    batch ??= { all: false, byOrigin: new Map() };
    if (timer === null) timer = setTimeout(() => void flush(), delay);
    return batch;
  };

  async function send(b: Batch): Promise<void> {
    const api = tabs();
    if (!api) return;
    const annotations = b.all || b.byOrigin.size > 0;
    const follows = b.follows === undefined ? undefined : followsMessage(b.follows);
    const targets = new Map<string, Frame>();
    for (const [k, f] of frames) if (b.all || b.byOrigin.has(f.origin) || follows) targets.set(k, f);
    // Top frames of open tabs on an affected site (a restarted service worker forgot `seen`).
    try {
      for (const tab of await api.query({})) {
        const origin = originOf(tab.url);
        if (typeof tab.id !== 'number' || tab.id < 0 || !origin) continue;
        if (!b.all && !b.byOrigin.has(origin) && !follows) continue;
        const k = frameKey(tab.id, 0);
        if (!targets.has(k)) targets.set(k, { tabId: tab.id, frameId: 0, origin });
      }
    } catch {
      // no tabs API here: registered frames only
    }
    await Promise.all(
      [...targets].map(async ([k, f]) => {
        const messages: unknown[] = [];
        if (annotations && (b.all || b.byOrigin.has(f.origin))) {
          const entry = b.all ? null : b.byOrigin.get(f.origin)!;
          messages.push(changeMessage(entry ? { ids: entry.ids, pages: entry.pages.values() } : null));
        }
        if (follows) messages.push(follows);
        try {
          for (const message of messages) await api.sendMessage(f.tabId, message, { frameId: f.frameId });
        } catch {
          // No reader there (any more): forget the frame.
          frames.delete(k);
        }
      }),
    );
  }

  function flush(): Promise<void> {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const b = batch;
    batch = null;
    if (b) sending = sending.then(() => send(b)).catch(() => {});
    return sending;
  }

  return {
    seen(sender) {
      const tabId = sender.tab?.id;
      const origin = originOf(sender.url) ?? originOf(sender.origin);
      if (typeof tabId !== 'number' || tabId < 0 || !origin) return;
      const frameId = sender.frameId ?? 0;
      const k = frameKey(tabId, frameId);
      frames.delete(k); // re-inserted last: the oldest are dropped first
      frames.set(k, { tabId, frameId, origin });
      while (frames.size > maxFrames) frames.delete(frames.keys().next().value!);
    },
    changed(annotations) {
      if (annotations.length === 0) return;
      const b = current();
      if (b.all) return;
      for (const a of annotations) {
        const origin = originOf(a.page.url);
        if (!origin) continue;
        let entry = b.byOrigin.get(origin);
        if (!entry) {
          entry = { ids: new Set(), pages: new Map() };
          b.byOrigin.set(origin, entry);
        }
        entry.ids.add(a.id);
        const page = { url: a.page.url, meetingKey: a.page.meetingKey };
        entry.pages.set(`${page.url}\u0001${page.meetingKey ?? ''}`, page);
      }
    },
    changedAll() {
      const b = current();
      b.all = true;
      b.byOrigin.clear();
    },
    followsChanged(caseKeys) {
      if (caseKeys.length === 0) return;
      const b = current();
      if (b.follows === null) return;
      b.follows ??= new Set();
      for (const k of caseKeys) b.follows.add(k);
      if (b.follows.size > MAX_CHANGED_CASES) b.follows = null;
    },
    flush,
    forgetTab(tabId) {
      for (const [k, f] of frames) if (f.tabId === tabId) frames.delete(k);
    },
    get frames() {
      return frames.size;
    },
  };
}

/** Route deps may carry a notifier (tests); otherwise the background's shared one is used. */
export interface WithChanges {
  changes?: AnnotationChanges;
}

let shared: AnnotationChanges | null = null;

function browserTabs(): TabsLike | null {
  const tabs = (browser as unknown as { tabs?: Partial<TabsLike> }).tabs;
  return tabs?.query && tabs.sendMessage ? (tabs as TabsLike) : null;
}

/** The background's notifier over `browser.tabs` (created on first use; forgets closed and reloaded tabs). */
export function sharedChanges(): AnnotationChanges {
  if (shared) return shared;
  const notifier = createChangeNotifier(browserTabs);
  shared = notifier;
  try {
    browser.tabs.onRemoved.addListener((tabId) => notifier.forgetTab(tabId));
    // A new document: its reader registers again when it loads its annotations.
    browser.tabs.onUpdated.addListener((tabId, info) => {
      if (info.status === 'loading' && info.url) notifier.forgetTab(tabId);
    });
  } catch {
    // no tab events (tests): frames are forgotten when a send fails
  }
  return notifier;
}

export function changesOf(deps: WithChanges): AnnotationChanges {
  return deps.changes ?? sharedChanges();
}
