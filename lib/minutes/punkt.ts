// Candidate heading + body blocks → a Punkt of the model.
import type { Punkt, Section } from '../model/minutes';
import type { Block } from './blocks';
import { CASE_NUMBER_PATTERN, caseNumberInText, parseCaseNumber } from './casenumber';
import type { Candidate } from './headings';
import type { PathFn } from './paths';
import { parseHistory, parseUpcoming } from './refs';
import { parseBody } from './sections';
import { collapse, lines } from './text';

const PREFIX =
  /^(lukket(?:\s+(?:punkt|sag|dagsordenspunkt))?|fortroligt?|orienteringssag|beslutningssag|drøftelsessag|temasag|meddelelsessag|godkendelsessag|til orientering|til beslutning|til drøftelse|til godkendelse|orientering|beslutning|drøftelse)\s*[:–—]\s*/iu;
const UPPER_PREFIX = /^(LUKKET|FORTROLIGT?)(?:\s*[:–—-]\s*|\s+)/u;

/** Split "Lukket: LUKKET Meddelelser" → prefixes ["Lukket", "LUKKET"], title "Meddelelser". */
export function splitPrefixes(printed: string): { title: string; prefixes: string[] } {
  let title = printed.trim();
  const prefixes: string[] = [];
  for (let guard = 0; guard < 4; guard++) {
    const m = PREFIX.exec(title) ?? UPPER_PREFIX.exec(title);
    if (!m) break;
    const rest = title.slice(m[0].length).trim();
    if (!rest) break;
    prefixes.push(m[1]!);
    title = rest;
  }
  return { title, prefixes };
}

const TITLE_CASE = new RegExp(
  String.raw`\s*[(\[–—-]?\s*(?:sags?nr\.?|sagsnummer)?\s*:?\s*(${CASE_NUMBER_PATTERN.source})\s*[)\]]?\s*$`,
  'i',
);

/** A trailing "(Sagsnr. X)" / " - 21/24526" on a heading. */
function titleCase(title: string): { title: string; caseNumber: string | null } {
  const m = TITLE_CASE.exec(title);
  if (m && m.index > 3) return { title: title.slice(0, m.index).trim(), caseNumber: m[1]! };
  return { title, caseNumber: null };
}

export interface PunktContext {
  url: string;
  platform: string;
  /** Path where this punkt ends (next punkt's heading), for DomRefs. */
  endPath: number[] | null;
  /** Extra deep-link id (JSON state item id). */
  itemId?: string | null;
  pathOf: PathFn;
}

export function buildPunkt(
  blocks: Block[],
  c: Candidate,
  to: number,
  ctx: PunktContext,
): { punkt: Punkt; absent: string[] } {
  const head = titleCase(collapse(c.title));
  const printedTitle = head.title;
  const { title, prefixes } = splitPrefixes(printedTitle);
  const body = parseBody(blocks, c.end + 1, to, ctx.endPath, ctx.pathOf);
  const caseNumber = body.caseNumber ?? caseNumberInText(c.meta) ?? head.caseNumber;
  const closed =
    prefixes.some((p) => /lukket|fortrolig/i.test(p)) ||
    body.closedMarker ||
    /[([]\s*(?:lukket|fortroligt?)(?:\s+(?:punkt|sag))?\s*[)\]]$/i.test(title);
  const sections = body.sections;
  const decision = pickDecision(sections);
  const attachments: string[] = [];
  const histLines: string[] = [];
  const upLines: string[] = [];
  for (const s of sections) {
    if (s.kind === 'bilag') {
      for (const l of lines(s.text)) {
        if (/^\d+\s+bilag\b/i.test(l) || /^(?:ingen(?: bilag)?|-)\.?$/i.test(l)) continue;
        attachments.push(l);
      }
    } else if (s.kind === 'historik') histLines.push(...lines(s.text));
    else if (s.kind === 'kommende') upLines.push(...lines(s.text));
  }
  const startPath = ctx.pathOf(blocks[c.start]);
  const punkt: Punkt = {
    number: c.number,
    title,
    printedTitle,
    prefixes,
    caseNumber,
    case: caseNumber ? parseCaseNumber(caseNumber) : null,
    closed,
    decision,
    sections,
    attachments,
    history: parseHistory(histLines),
    upcoming: parseUpcoming(upLines),
    deepLink: deepLink(ctx, blocks, c),
    dom: startPath ? { startPath, endPath: ctx.endPath } : null,
  };
  return { punkt, absent: body.absent };
}

function pickDecision(sections: Section[]): string | null {
  let found: string | null = null;
  for (const s of sections) {
    if (s.kind !== 'beslutning') continue;
    const t = collapse(s.text);
    if (t) found = t;
  }
  return found;
}

/** What deepLink needs of a page URL, parsed once per distinct URL (a parse asks for every punkt). */
interface UrlFacts {
  url: string;
  /** http(s) or file: deep links are possible. */
  linkable: boolean;
  hasId: boolean;
  /** The URL serialised without its fragment. */
  noHash: string;
}
let lastUrl: UrlFacts | null = null;

function urlFacts(url: string): UrlFacts | null {
  if (lastUrl?.url === url) return lastUrl;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const linkable = /^https?:$/.test(u.protocol) || /^file:$/.test(u.protocol);
  const hasId = u.searchParams.has('id');
  u.hash = '';
  lastUrl = { url, linkable, hasId, noHash: u.toString() };
  return lastUrl;
}

// Fragment text the URL hash setter keeps as is (no percent-encoding, no '#', tabs or newlines).
const PLAIN_FRAGMENT = /^[\w.~!$&'()*+,;=:@/?%-]+$/;

function deepLink(ctx: PunktContext, blocks: Block[], c: Candidate): string | null {
  const facts = urlFacts(ctx.url);
  if (!facts?.linkable) return null;
  const head = blocks[c.start]!;
  const itemId = ctx.itemId ?? head.dataId ?? blocks[c.end]!.dataId;
  if (ctx.platform === 'firstagenda' && itemId && facts.hasId) {
    const u = new URL(ctx.url);
    u.searchParams.set('punktid', itemId);
    u.hash = '';
    return u.toString();
  }
  if (ctx.platform === 'punktpage') return ctx.url;
  const anchor = head.anchor ?? (c.end !== c.start ? blocks[c.end]!.anchor : null);
  if (anchor) {
    if (PLAIN_FRAGMENT.test(anchor)) return `${facts.noHash}#${anchor}`;
    const u = new URL(ctx.url);
    u.hash = anchor;
    return u.toString();
  }
  if (itemId && facts.hasId) {
    const u = new URL(ctx.url);
    u.searchParams.set('punktid', itemId);
    return u.toString();
  }
  return null;
}
