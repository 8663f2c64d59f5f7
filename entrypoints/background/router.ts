// Every message the background accepts, validated with zod and checked for
// its sender. Later issues add the database routes here.
import type { ReaderStartOptions } from '../../lib/messages/reader-handle';
import { createRouter, type Router, route } from '../../lib/messages/router';
import type { Ack, PanelState } from '../../lib/messages/schemas';
import {
  GetPanelStateMessage,
  InjectReaderMessage,
  OpenDashboardMessage,
  PageNotRecognisedMessage,
  PageRecognisedMessage,
  SetPanelStateMessage,
} from '../../lib/messages/schemas';
import type { Self, SenderLike } from '../../lib/messages/sender';

export interface BackgroundDeps {
  self: () => Self;
  injectReader: (tabId: number, frameId: number, options: ReaderStartOptions) => Promise<void>;
  showBadge: (tabId: number, summary: PageRecognisedMessage['tabSummary']) => Promise<void>;
  clearBadge: (tabId: number) => Promise<void>;
  panelState: { get(): Promise<boolean>; set(open: boolean): Promise<void> };
  /** Open dashboard.html at a hash route in a new tab. */
  openDashboard: (route: OpenDashboardMessage['route']) => Promise<void>;
}

const tabOf = (sender: SenderLike) => sender.tab?.id as number; // guaranteed by the 'content-script' policy

export function createBackgroundRouter(deps: BackgroundDeps): Router {
  // Injected documents (Chromium reports documentId): ask each document only once.
  const injected = new Set<string>();
  return createRouter(deps.self, {
    'reader/inject': route(InjectReaderMessage, 'content-script', async (_m, sender): Promise<Ack> => {
      const doc = sender.documentId;
      if (doc && injected.has(doc)) return { ok: true };
      if (doc) injected.add(doc); // before the await: a second request meanwhile is a duplicate
      try {
        await deps.injectReader(tabOf(sender), sender.frameId ?? 0, {
          panelOpen: await deps.panelState.get(),
        });
      } catch (e) {
        if (doc) injected.delete(doc); // let the detector try again (e.g. after navigation)
        throw e;
      }
      if (injected.size > 500) injected.clear();
      return { ok: true };
    }),
    'page/recognised': route(PageRecognisedMessage, 'content-script', async (m, sender): Promise<Ack> => {
      // Only the top frame owns the tab's badge.
      if ((sender.frameId ?? 0) !== 0) return { ok: true };
      await deps.showBadge(tabOf(sender), m.tabSummary);
      return { ok: true };
    }),
    'page/not-recognised': route(
      PageNotRecognisedMessage,
      'content-script',
      async (_m, sender): Promise<Ack> => {
        if ((sender.frameId ?? 0) !== 0) return { ok: true };
        await deps.clearBadge(tabOf(sender));
        return { ok: true };
      },
    ),
    'ui/getPanelState': route(
      GetPanelStateMessage,
      'content-script',
      async (): Promise<PanelState> => ({ open: await deps.panelState.get() }),
    ),
    'ui/openDashboard': route(OpenDashboardMessage, 'content-script', async (m): Promise<Ack> => {
      await deps.openDashboard(m.route);
      return { ok: true };
    }),
    'ui/setPanelState': route(SetPanelStateMessage, 'content-script', async (m): Promise<Ack> => {
      await deps.panelState.set(m.open);
      return { ok: true };
    }),
  });
}
