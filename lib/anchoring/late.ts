// Late content (collapsed items rendered on expand, client-rendered portals):
// a debounced, bounded MutationObserver that tells the caller when new text
// appeared, so it rebuilds the index ONCE and anchors its pending targets.
// Bounded three ways: a debounce with a maximum wait, at most `maxPerMinute`
// signals per rolling minute, and a hard stop after `timeoutMs`.
import { isOwnNode } from './paint/own-nodes';

export interface LateAnchorerOptions {
  /** Quiet time before signalling (default 200 ms). */
  debounceMs?: number;
  /** Signal at the latest this long after the first unsignalled mutation (default 1000 ms). */
  maxWaitMs?: number;
  /** Most signals per rolling 60 s (default 6); later ones wait for a slot. */
  maxPerMinute?: number;
  /** Stop observing after this long (default 120 s). 0 = never. */
  timeoutMs?: number;
  /** For tests / other realms. */
  MutationObserver?: typeof MutationObserver;
  now?: () => number;
}

export interface LateAnchorer {
  /** Stop observing (idempotent). */
  stop(): void;
  readonly active: boolean;
  /** Number of times `onNewContent` was called. */
  readonly signals: number;
}

const SKIP_PARENT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA']);

function addsText(node: Node): boolean {
  if (!node.isConnected || isOwnNode(node)) return false;
  if (node.nodeType === 3) {
    const parent = node.parentElement;
    return !!parent && !SKIP_PARENT.has(parent.tagName) && /\S/.test((node as Text).data);
  }
  if (node.nodeType !== 1) return false;
  const el = node as Element;
  if (SKIP_PARENT.has(el.tagName)) return false;
  return /\S/.test(el.textContent ?? '');
}

export function createLateAnchorer(
  root: Node,
  onNewContent: () => void,
  options: LateAnchorerOptions = {},
): LateAnchorer {
  const debounceMs = options.debounceMs ?? 200;
  const maxWaitMs = options.maxWaitMs ?? 1000;
  const maxPerMinute = options.maxPerMinute ?? 6;
  const timeoutMs = options.timeoutMs ?? 120_000;
  const now = options.now ?? (() => Date.now());
  const MO = options.MutationObserver ?? globalThis.MutationObserver;
  const fired: number[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  let firstPending = 0;
  let active = true;
  let signals = 0;
  let stopTimer: ReturnType<typeof setTimeout> | null = null;

  const fire = () => {
    timer = null;
    if (!active) return;
    const t = now();
    while (fired.length > 0 && t - fired[0]! >= 60_000) fired.shift();
    if (fired.length >= maxPerMinute) {
      // Rate limit reached: one deferred signal when the oldest slot frees up.
      timer = setTimeout(fire, 60_000 - (t - fired[0]!) + 1);
      return;
    }
    fired.push(t);
    firstPending = 0;
    signals++;
    try {
      onNewContent();
    } catch {
      // The caller's failure must not kill the observer; it is bounded anyway.
    }
  };

  const schedule = () => {
    const t = now();
    if (firstPending === 0) firstPending = t;
    if (timer !== null) clearTimeout(timer);
    const wait = Math.max(0, Math.min(debounceMs, firstPending + maxWaitMs - t));
    timer = setTimeout(fire, wait);
  };

  const observer = MO
    ? new MO((records) => {
        if (!active) return;
        for (const r of records) {
          for (const n of Array.from(r.addedNodes)) {
            if (addsText(n)) {
              schedule();
              return;
            }
          }
        }
      })
    : null;
  observer?.observe(root, { childList: true, subtree: true });

  const stop = () => {
    if (!active) return;
    active = false;
    observer?.disconnect();
    if (timer !== null) clearTimeout(timer);
    if (stopTimer !== null) clearTimeout(stopTimer);
    timer = null;
  };
  if (timeoutMs > 0) stopTimer = setTimeout(stop, timeoutMs);

  return {
    stop,
    get active() {
      return active;
    },
    get signals() {
      return signals;
    },
  };
}
