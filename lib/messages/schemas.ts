// Runtime messages between the extension's contexts, defined once as zod
// schemas. Every receiver validates with these at the boundary.
//
// The tiny detector content script must not bundle zod: it may only
// `import type` from this file.
import { MeetingKind, ParseResult, Platform } from '../model/minutes';
import { z } from '../model/zod';

// ─── content script (detector) → background ────────────────────────────────

/** The detector found a likely minutes page: inject the full reader into this frame. */
export const InjectReaderMessage = z.object({
  type: z.literal('reader/inject'),
  platform: z.nullable(Platform),
});
export type InjectReaderMessage = z.infer<typeof InjectReaderMessage>;

// ─── reader content script → background ────────────────────────────────────

/** What the toolbar (badge, later the DB) needs to know about a recognised page. */
export const TabSummary = z.object({
  punktCount: z.int().check(z.positive()),
  committee: z.nullable(z.string()),
  date: z.nullable(z.iso.date()),
  municipality: z.nullable(z.string()),
  kind: z.nullable(MeetingKind),
  platform: z.nullable(Platform),
  url: z.string(),
});
export type TabSummary = z.infer<typeof TabSummary>;

export const PageRecognisedMessage = z.object({
  type: z.literal('page/recognised'),
  tabSummary: TabSummary,
});
export type PageRecognisedMessage = z.infer<typeof PageRecognisedMessage>;

/** The page looked like minutes but yielded no punkter, or it navigated away from minutes. */
export const PageNotRecognisedMessage = z.object({
  type: z.literal('page/not-recognised'),
  reason: z.nullable(z.string()),
  url: z.string(),
});
export type PageNotRecognisedMessage = z.infer<typeof PageNotRecognisedMessage>;

/** The in-page panel's open/closed state, remembered for the browser session. */
export const GetPanelStateMessage = z.object({ type: z.literal('ui/getPanelState') });
export type GetPanelStateMessage = z.infer<typeof GetPanelStateMessage>;
export const SetPanelStateMessage = z.object({ type: z.literal('ui/setPanelState'), open: z.boolean() });
export type SetPanelStateMessage = z.infer<typeof SetPanelStateMessage>;
export const PanelState = z.object({ open: z.boolean() });

/**
 * Open an extension page from the in-page UI. Web pages cannot link to
 * extension pages (they are not web-accessible), so the background opens it.
 */
export const DASHBOARD_ROUTES = ['/', '/backup'] as const;
export const OpenDashboardMessage = z.object({
  type: z.literal('ui/openDashboard'),
  route: z.enum(DASHBOARD_ROUTES),
});
export type OpenDashboardMessage = z.infer<typeof OpenDashboardMessage>;
export type PanelState = z.infer<typeof PanelState>;

/** Every message a content script may send to the background. */
export const ContentToBackground = z.discriminatedUnion('type', [
  InjectReaderMessage,
  PageRecognisedMessage,
  PageNotRecognisedMessage,
  GetPanelStateMessage,
  SetPanelStateMessage,
  OpenDashboardMessage,
]);
export type ContentToBackground = z.infer<typeof ContentToBackground>;

// ─── extension page (popup, dashboard) → reader content script ─────────────

export const GetModelMessage = z.object({ type: z.literal('reader/getModel') });
export type GetModelMessage = z.infer<typeof GetModelMessage>;

export const JumpMessage = z.object({
  type: z.literal('reader/jump'),
  punkt: z.int(),
});
export type JumpMessage = z.infer<typeof JumpMessage>;

export const PageToReader = z.discriminatedUnion('type', [GetModelMessage, JumpMessage]);
export type PageToReader = z.infer<typeof PageToReader>;

// ─── background → reader content script ────────────────────────────────────

/** Above these, a change is sent as "anything may have changed" (`ids`/`pages` null). */
export const MAX_CHANGED_IDS = 1000;
export const MAX_CHANGED_PAGES = 200;

/** A page whose annotations changed: canonical URL and meeting key, as stored on the annotation. */
export const ChangedPage = z.object({
  url: z.string().check(z.maxLength(8000)),
  meetingKey: z.nullable(z.string().check(z.maxLength(2000))),
});
export type ChangedPage = z.infer<typeof ChangedPage>;

/**
 * Annotations were written (in another tab, the dashboard, a backup import): readers showing an
 * affected page fetch their annotations again. Only ids and where they are, never their content.
 * `null` means unknown/too many: every reader that gets it fetches again.
 */
export const AnnotationsChangedMessage = z.object({
  type: z.literal('reader/annotationsChanged'),
  ids: z.nullable(z.array(z.uuid()).check(z.maxLength(MAX_CHANGED_IDS))),
  pages: z.nullable(z.array(ChangedPage).check(z.maxLength(MAX_CHANGED_PAGES))),
});
export type AnnotationsChangedMessage = z.infer<typeof AnnotationsChangedMessage>;

/** At most this many case keys in one `reader/followsChanged` (more: `null`, "any"). */
export const MAX_CHANGED_CASES = 500;

/**
 * Cases were followed or unfollowed (in the popup, the dashboard or another tab): readers ask
 * again which of their punkter's cases are followed. `null`: any case.
 */
export const FollowsChangedMessage = z.object({
  type: z.literal('reader/followsChanged'),
  caseKeys: z.nullable(z.array(z.string().check(z.maxLength(2000))).check(z.maxLength(MAX_CHANGED_CASES))),
});
export type FollowsChangedMessage = z.infer<typeof FollowsChangedMessage>;

export const BackgroundToReader = z.discriminatedUnion('type', [
  AnnotationsChangedMessage,
  FollowsChangedMessage,
]);
export type BackgroundToReader = z.infer<typeof BackgroundToReader>;

// ─── reader responses ──────────────────────────────────────────────────────

/**
 * - `recognised`: minutes with at least one punkt.
 * - `not-recognised`: looks like minutes, but no punkter were found.
 * - `idle`: not (or no longer, after in-page navigation) a minutes page.
 */
export const ReaderStatus = z.enum(['recognised', 'not-recognised', 'idle']);
export type ReaderStatus = z.infer<typeof ReaderStatus>;

export const ModelResponse = z.object({
  status: ReaderStatus,
  url: z.string(),
  result: z.nullable(ParseResult),
});
export type ModelResponse = z.infer<typeof ModelResponse>;

export const JumpResponse = z.object({ ok: z.boolean() });
export type JumpResponse = z.infer<typeof JumpResponse>;

/** Generic acknowledgement from the background. */
export const Ack = z.object({ ok: z.boolean(), error: z.optional(z.string()) });
export type Ack = z.infer<typeof Ack>;

// ─── extension page (popup, dashboard) → background: sites outside *.dk ────

/**
 * A site the user switched on ("always read minutes on <host>"): a lower-case host name as
 * `URL.hostname` gives it (punycode, no port, no brackets), never a wildcard.
 */
export const SiteHost = z
  .string()
  .check(
    z.maxLength(253),
    z.regex(/^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/),
  );
export type SiteHost = z.infer<typeof SiteHost>;

/** Hosts the manifest already covers (`*://*.dk/*`): the detector runs there without an opt-in. */
export function isManifestHost(host: string): boolean {
  return host === 'dk' || host.endsWith('.dk');
}

/** The host of an http(s) page that the user may switch on or off, or null (other schemes, *.dk, IPv6). */
export function optInHostOf(url: string | undefined): string | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  const host = u.hostname.replace(/\.$/, '');
  if (isManifestHost(host) || !SiteHost.safeParse(host).success) return null;
  return host;
}

/** The optional host permission (and detector match pattern) for one site: any scheme and path. */
export const siteOrigin = (host: string): string => `*://${host}/*`;

/** The sites switched on, sorted. */
export const ListSitesMessage = z.object({ type: z.literal('sites/list') });
export type ListSitesMessage = z.infer<typeof ListSitesMessage>;
export const SitesResponse = z.object({ ok: z.literal(true), hosts: z.array(SiteHost) });
export type SitesResponse = z.infer<typeof SitesResponse>;

/**
 * Switch a site on after the page got the host permission (`permissions.request` in the click):
 * the background registers the detector there and runs it in the site's open tabs (and `tabId`).
 * Answers `{ ok: false, error: 'no-permission' }` when the permission is missing.
 */
export const EnableSiteMessage = z.object({
  type: z.literal('sites/enable'),
  host: SiteHost,
  tabId: z.nullable(z.int().check(z.nonnegative())),
});
export type EnableSiteMessage = z.infer<typeof EnableSiteMessage>;

/** Switch a site off: unregister the detector there and give the host permission back. */
export const DisableSiteMessage = z.object({ type: z.literal('sites/disable'), host: SiteHost });
export type DisableSiteMessage = z.infer<typeof DisableSiteMessage>;
