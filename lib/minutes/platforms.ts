// Publishing platforms, recognised from the URL (and cheap document hints).
// Kept dependency-free: the tiny detector imports it.
import type { Platform } from '../model/minutes';

/** Platform from the URL alone, or null when the URL says nothing. */
export function platformFromUrl(url: string): Platform | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const host = u.hostname.toLowerCase();
  const path = u.pathname.toLowerCase();
  if (/(?:^|\.)meetingsplus\./.test(host)) return 'meetingsplus';
  if (/firstagenda|prepare\./.test(host) || (/^dagsordener\./.test(host) && /^\/vis\b/.test(path)))
    return 'firstagenda';
  if (/(?:^|\.)edoc\.|edoc/.test(host) || /\/edoc\b/.test(path)) return 'edoc';
  if (/sbsys/.test(host) || /\/sbsys/.test(path)) return 'sbsys';
  if (/^dagsorden(?:er)?\./.test(host) && /\/(?:meeting|moede|mode|agenda)\//.test(path))
    return 'aabendagsorden';
  if (/\/punkt[-_]?\d+\/?$/.test(path)) return 'punktpage';
  return null;
}

/** A client-rendered portal shell that fills in later (FirstAgenda "vis?id=" pages). */
export function isPortalShellUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (
      (/^dagsorden(?:er)?\./i.test(u.hostname) || /firstagenda/i.test(u.hostname)) &&
      /^\/vis\b/i.test(u.pathname)
    );
  } catch {
    return false;
  }
}
