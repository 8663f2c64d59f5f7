import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { DataApi } from '../../lib/ui-client/api';
import { useLoad } from '../common/hooks';
import { tr } from '../common/i18n';
import { Toast, type ToastMessage, toastOf } from '../common/Toast';
import { formatDate } from '../i18n';
import { Annotations } from './Annotations';
import { BackupView } from './BackupView';
import { ExportView } from './ExportView';
import { caseHref, parseRoute, type Route } from './route';
import { Settings } from './Settings';
import { createSitesClient, Sites, type SitesClient } from './Sites';
import type { SaveFile } from './save';
import { Tags } from './Tags';
import { Timeline } from './Timeline';
import { TopicView } from './TopicView';

export interface DashboardAppProps {
  api: DataApi;
  save: SaveFile;
  /** Reads and watches `location.hash` by default. */
  hash?: () => string;
  /**
   * Puts a view's own state (the filters of #/annotations) into the URL. By default it replaces the
   * current history entry: Back leaves the view instead of stepping through each filter change, and
   * reload or Back from a page opened from the list returns to the filtered list.
   */
  replaceHash?: (hash: string) => void;
  now?: () => number;
  /** Asks for the optional `notifications` permission (default: not available). */
  requestNotifications?: () => Promise<boolean>;
  /** Sites outside *.dk switched on from the popup (default: the background's sites/* routes). */
  sites?: SitesClient;
}

function useHashRoute(read: () => string, replace: (hash: string) => void): [Route, (hash: string) => void] {
  const [route, setRoute] = useState(() => parseRoute(read()));
  // The latest `read` without subscribing again on every render (callers may pass a new function).
  const readRef = useRef(read);
  readRef.current = read;
  useEffect(() => {
    const win = window;
    const on = () => setRoute(parseRoute(readRef.current()));
    win.addEventListener('hashchange', on);
    return () => win.removeEventListener('hashchange', on);
  }, []);
  // replaceState fires no hashchange: the new route is taken from the hash itself.
  const update = useCallback(
    (hash: string) => {
      replace(hash);
      setRoute(parseRoute(hash));
    },
    [replace],
  );
  return [route, update];
}

const NAV: Array<{ name: Route['name']; href: string; key: Parameters<typeof tr>[0] }> = [
  { name: 'home', href: '#/', key: 'dash_navCases' },
  { name: 'annotations', href: '#/annotations', key: 'dash_navAnnotations' },
  { name: 'tags', href: '#/tags', key: 'dash_navTags' },
  { name: 'export', href: '#/export', key: 'dash_navExport' },
  { name: 'backup', href: '#/backup', key: 'dash_navBackup' },
];

const readHash = () => location.hash;
const replaceLocationHash = (hash: string) => history.replaceState(history.state, '', hash);

const noNotifications = async () => false;
const runtimeSites = createSitesClient();

export function DashboardApp({
  api,
  save,
  hash = readHash,
  replaceHash = replaceLocationHash,
  now = Date.now,
  requestNotifications = noNotifications,
  sites = runtimeSites,
}: DashboardAppProps) {
  const [route, replaceRoute] = useHashRoute(hash, replaceHash);
  const [toast, setToast] = useState<ToastMessage | null>(null);
  const closeToast = useCallback(() => setToast(null), []);
  const onToast = useCallback((text: string, undo?: () => void) => setToast(toastOf(text, undo)), []);
  const current = route.name === 'case' || route.name === 'topic' ? 'home' : route.name;
  // After a route change (not on load), move focus to the new view so keyboard and screen-reader
  // users start at its top.
  const mainRef = useRef<HTMLElement>(null);
  const routeKey =
    route.name === 'case' ? `case:${route.key}` : route.name === 'topic' ? `topic:${route.id}` : route.name;
  const firstRoute = useRef(routeKey);
  useEffect(() => {
    if (routeKey !== firstRoute.current) {
      firstRoute.current = '';
      mainRef.current?.focus({ preventScroll: false });
    }
  }, [routeKey]);
  useEffect(() => {
    document.title = `${tr(NAV.find((n) => n.name === current)?.key ?? 'dash_navCases')} · Sagsspor`;
  }, [current]);

  return (
    <div class="dash" data-testid="dashboard" data-route={route.name}>
      <header class="dash-top">
        <p class="dash-brand">Sagsspor</p>
        <nav aria-label={tr('dash_navLabel')}>
          <ul class="dash-nav">
            {NAV.map((n) => (
              <li key={n.name}>
                <a href={n.href} aria-current={current === n.name ? 'page' : undefined}>
                  {tr(n.key)}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main
        class="dash-main"
        key={routeKey}
        // The old view's ref clears after the new one sets it: keep the latest element.
        ref={(el) => {
          if (el) mainRef.current = el;
        }}
        tabIndex={-1}
      >
        {route.name === 'home' && (
          <>
            <Home api={api} />
            <Settings api={api} requestNotifications={requestNotifications} />
            <Sites sites={sites} />
          </>
        )}
        {route.name === 'case' && <Timeline api={api} caseKey={route.key} onToast={onToast} />}
        {route.name === 'topic' && <TopicView api={api} id={route.id} />}
        {route.name === 'annotations' && (
          <Annotations api={api} params={route.params} onParams={replaceRoute} />
        )}
        {route.name === 'tags' && <Tags api={api} onToast={onToast} />}
        {route.name === 'export' && <ExportView api={api} save={save} params={route.params} now={now} />}
        {route.name === 'backup' && <BackupView api={api} save={save} now={now} />}
      </main>
      <Toast toast={toast} onClose={closeToast} />
    </div>
  );
}

function Home({ api }: { api: DataApi }) {
  const [state] = useLoad(() => api.listFollowed(), [api]);
  return (
    <section>
      <h1>{tr('popup_followedHeading')}</h1>
      {state.status === 'loading' ? (
        <p class="sgs-muted">{tr('popup_loading')}</p>
      ) : state.status === 'error' ? (
        <p class="dash-error">{tr('dash_loadFailed')}</p>
      ) : state.data.length === 0 ? (
        <p>{tr('popup_followedEmpty')}</p>
      ) : (
        <ul class="dash-cases" data-testid="dash-followed">
          {[...state.data]
            .sort((a, b) => b.lastActivity - a.lastActivity)
            .map((f) => (
              <li key={f.caseKey} data-case-key={f.caseKey}>
                <a href={caseHref(f.caseKey)}>{f.title}</a>{' '}
                {f.newCount > 0 && <span class="sgs-count">{f.newCount}</span>}
                <span class="sgs-muted">
                  {' '}
                  {[f.municipality, f.latestCommittee, f.latestDate ? formatDate(f.latestDate) : null]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
