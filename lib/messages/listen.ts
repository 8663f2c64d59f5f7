// Wire a Router to a `runtime.onMessage` event. The event is passed in, so
// lib stays free of direct extension-API imports.
import type { Router } from './router';
import type { SenderLike } from './sender';

type Listener = (message: unknown, sender: SenderLike, sendResponse: (response?: unknown) => void) => boolean;

export interface OnMessageLike {
  // biome-ignore lint/suspicious/noExplicitAny: the browser's listener type is wider than ours
  addListener(cb: any): void;
  // biome-ignore lint/suspicious/noExplicitAny: see above
  removeListener(cb: any): void;
}

/** Answers through `sendResponse` + `return true`, which every browser (and WXT's fakeBrowser) supports. */
export function listen(onMessage: OnMessageLike, router: Router): () => void {
  const listener: Listener = (message, sender, sendResponse) => {
    let pending: ReturnType<Router>;
    try {
      pending = router(message, sender);
    } catch {
      return false;
    }
    if (pending === null) return false;
    pending.then(sendResponse, () => sendResponse({ ok: false, error: 'handler-failed' }));
    return true;
  };
  onMessage.addListener(listener);
  return () => onMessage.removeListener(listener);
}
