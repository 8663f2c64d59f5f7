// Tiny, dependency-free detector that runs on every candidate page.
// Must stay a few kB and cost ≤ 1 ms on a non-minutes page: it reads the URL,
// the <title> in <head> and a bounded sample of text (at most MAX_NODES nodes /
// MAX_CHARS characters, skipping site chrome) — textContent semantics, no layout.
import type { Platform } from '../model/minutes';

export interface Detection {
  /** The page looks like minutes now. */
  likely: boolean;
  /** The page may become minutes after client rendering (e.g. FirstAgenda portal shell). */
  pending: boolean;
  platform: Platform | null;
}

const MAX_NODES = 1500;
const MAX_CHARS = 24_000;
const SKIP =
  /^(?:script|style|noscript|template|svg|nav|header|footer|aside|iframe|select|textarea|head|img|picture|video|canvas)$/;
const PUNKT = /(?:^|\n)[ \t]*(?:punkt|pkt\.?|dagsordenspunkt)[ \t]*\d{1,4}\b/gi;
const NUM_LINE = /(?:^|\n)[ \t]*\d{1,3}\.?[ \t]*(?:\n[ \t]*)+\p{Lu}/gu;
const NUM_HEAD = /(?:^|\n)[ \t]*\d{1,3}\.[ \t]+\p{Lu}[^\n]{2,150}(?=\n|$)/gu;
const VOCAB =
  /(?:^|\n)[ \t]*(Beslutning|Indstilling|Sagsfremstilling|Resumé|Resume|Sammendrag|Sagsindhold|Bilag|Økonomi|Økonomiske konsekvenser|Lovgrundlag|Retsgrundlag|Tidligere behandling|Relateret behandling|Sagens forløb|Kommende behandlingsforløb|Baggrund|Procedure|Sagsnr|Sagsnummer|Beslutningen træffes af)(?![\p{L}])/gu;
const CASE =
  /\b\d{2}\.\d{2}\.\d{2}-[A-ZÆØÅ]\d{2}\b|\b\d{2}-\d{1,8}-\d{2}\.\d{2}\.\d{2}\b|(?:sagsnr|sagsnummer)\.?:?\s*\S+/gi;
const LOADING = /^\s*(?:indlæser|henter|loading|vent venligst|please wait)\b/i;

function urlPlatform(url: string): { platform: Platform | null; shell: boolean } {
  const m = /^[a-z]+:\/\/([^/?#]+)([^?#]*)/i.exec(url);
  if (!m) return { platform: null, shell: false };
  const host = m[1]!.toLowerCase();
  const path = m[2]!.toLowerCase();
  if (/(?:^|\.)meetingsplus\./.test(host)) return { platform: 'meetingsplus', shell: false };
  const fa = /firstagenda|prepare\./.test(host) || (/^dagsordener\./.test(host) && /^\/vis\b/.test(path));
  if (fa) return { platform: 'firstagenda', shell: /^\/vis\b/.test(path) };
  if (/edoc/.test(host) || /\/edoc\b/.test(path)) return { platform: 'edoc', shell: false };
  if (/sbsys/.test(host) || /\/sbsys/.test(path)) return { platform: 'sbsys', shell: false };
  if (/^dagsorden(?:er)?\./.test(host) && /\/(?:meeting|moede|mode|agenda)\//.test(path))
    return { platform: 'aabendagsorden', shell: false };
  if (/\/punkt[-_]?\d+\/?$/.test(path)) return { platform: 'punktpage', shell: false };
  return { platform: null, shell: false };
}

/** The <title> text without searching the whole document (document.title may). */
export function headTitle(doc: Document): string {
  const head = doc.head;
  for (let c = head?.firstElementChild; c; c = c.nextElementSibling)
    if (c.localName === 'title') return c.textContent ?? '';
  return '';
}

function count(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(s) && n < 50) n++;
  return n;
}

export function detectMinutes(doc: Document, url: string): Detection {
  const { platform, shell } = urlPlatform(url);
  try {
    const body = doc.body;
    if (!body) return { likely: false, pending: shell, platform };
    const parts: string[] = [];
    let chars = 0;
    let nodes = 0;
    let json = false;
    let loading = false;
    // Bounded pre-order walk without recursion.
    let n: Node | null = body.firstChild;
    while (n && nodes < MAX_NODES && chars < MAX_CHARS) {
      nodes++;
      let descend = false;
      if (n.nodeType === 3) {
        const d = (n as Text).data;
        if (d.length > 1 || d.trim()) {
          parts.push(d);
          chars += d.length;
          if (!loading && d.length < 60 && LOADING.test(d)) loading = true;
        }
      } else if (n.nodeType === 1) {
        const el = n as Element;
        const name = el.localName;
        if (name === 'script') {
          const t = el.getAttribute('type');
          if (t && /json/i.test(t) && !json) {
            const head = (el.textContent ?? '').slice(0, 4000);
            json =
              /"(?:nr|number|punktnummer|punkt)"\s*:/i.test(head) &&
              /"(?:title|titel|overskrift)"\s*:/i.test(head);
          }
        } else if (!SKIP.test(name)) {
          descend = true;
          if (el.getAttribute('aria-busy') === 'true') loading = true;
        }
      }
      if (descend && n.firstChild) {
        n = n.firstChild;
        continue;
      }
      while (n && !n.nextSibling) {
        n = n.parentNode;
        if (n === body) n = null;
        else if (n && n.nodeType === 1 && (n as Element).localName !== 'body') {
          // separate blocks so line-anchored patterns work
          parts.push('\n');
        }
      }
      if (n) {
        n = n.nextSibling;
        parts.push('\n');
      }
    }
    const sample = `${headTitle(doc)}\n${parts.join('')}`;
    const vocab = new Set<string>();
    VOCAB.lastIndex = 0;
    for (let m = VOCAB.exec(sample); m && vocab.size < 8; m = VOCAB.exec(sample))
      vocab.add(m[1]!.toLowerCase());
    const punkt = count(PUNKT, sample);
    const numbered = count(NUM_LINE, sample) + count(NUM_HEAD, sample);
    const cases = count(CASE, sample);
    const structure = punkt >= 1 || numbered >= 2 || cases >= 1;
    const likely =
      (vocab.size >= 2 && structure) ||
      (vocab.size >= 4 && (platform !== null || numbered >= 1)) ||
      (json && !loading);
    const pending = !likely && (shell || json || (loading && platform !== null));
    return { likely, pending, platform };
  } catch {
    return { likely: false, pending: false, platform };
  }
}
