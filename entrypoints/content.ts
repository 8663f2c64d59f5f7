// The tiny detector. Runs on every candidate page, so it imports only the
// dependency-free `detectMinutes` (no zod, no Preact, no messaging library)
// and must never throw. On a likely minutes page it asks the background to
// inject the full reader (entrypoints/reader.content).
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { getReaderHandle } from '../lib/messages/reader-handle';
import type { InjectReaderMessage } from '../lib/messages/schemas';
import { detectMinutes } from '../lib/minutes/detect';

/** Client-rendered shells: how long and how often to re-check. */
const WATCH_MS = 15_000;
const MAX_CHECKS = 40;
const DEBOUNCE_MS = 250;

export default defineContentScript({
  matches: ['*://*.dk/*'],
  runAt: 'document_idle',
  noScriptStartedPostMessage: true,
  main(ctx) {
    try {
      ctx.onInvalidated(startDetector());
    } catch {
      // never break the page
    }
  },
});

/** Starts detecting; returns a function that stops every observer and listener. */
export function startDetector(): () => void {
  let url = location.href;
  let requested = false;
  let watcher: MutationObserver | null = null;
  let checks = 0;
  let deadline = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let deadlineTimer: ReturnType<typeof setTimeout> | undefined;

  const stopWatching = () => {
    watcher?.disconnect();
    watcher = null;
    clearTimeout(timer);
    clearTimeout(deadlineTimer);
  };

  const requestReader = (platform: InjectReaderMessage['platform']) => {
    if (requested) return;
    requested = true;
    const message: InjectReaderMessage = { type: 'reader/inject', platform };
    try {
      browser.runtime.sendMessage(message).catch(() => {});
    } catch {
      // extension reloaded or context invalidated
    }
  };

  /** Returns true when nothing more needs watching for this URL. */
  const check = (): boolean => {
    const reader = getReaderHandle();
    if (reader) {
      // The reader owns the page from now on (it follows navigation itself).
      reader.refresh();
      return true;
    }
    let d: ReturnType<typeof detectMinutes>;
    try {
      d = detectMinutes(document, location.href);
    } catch {
      return true;
    }
    if (d.likely) {
      requestReader(d.platform);
      return true;
    }
    return !d.pending;
  };

  const onDomChange = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      try {
        checks++;
        if (check() || checks >= MAX_CHECKS || Date.now() > deadline) stopWatching();
      } catch {
        stopWatching();
      }
    }, DEBOUNCE_MS);
  };

  const watchPending = () => {
    stopWatching();
    checks = 0;
    deadline = Date.now() + WATCH_MS;
    watcher = new MutationObserver(onDomChange);
    watcher.observe(document.documentElement, { childList: true, subtree: true });
    // Also stop at the deadline when the page goes quiet.
    deadlineTimer = setTimeout(stopWatching, WATCH_MS + 50);
  };

  const run = () => {
    if (!check()) watchPending();
  };

  // In-page navigation between meetings: the URL changes without a load.
  // Page scripts' pushState is invisible to the isolated world, so compare
  // the URL on DOM changes (a cheap string compare) and on history events.
  const onMaybeNavigated = () => {
    try {
      if (location.href === url) return;
      url = location.href;
      requested = false;
      stopWatching();
      run();
    } catch {
      // ignore
    }
  };
  const navigation = new MutationObserver(onMaybeNavigated);
  navigation.observe(document.documentElement, { childList: true, subtree: true });
  addEventListener('popstate', onMaybeNavigated);
  addEventListener('hashchange', onMaybeNavigated);

  run();

  return () => {
    stopWatching();
    navigation.disconnect();
    removeEventListener('popstate', onMaybeNavigated);
    removeEventListener('hashchange', onMaybeNavigated);
  };
}
