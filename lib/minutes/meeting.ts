// Meeting header: committee, date, time, place, participants, municipality,
// kind — from the blocks before the first punkt, the document title, the
// breadcrumb and the URL.
import type { MeetingKind } from '../model/minutes';
import type { Block } from './blocks';
import { findDate, parseCompactDate, parseTime } from './dates';
import { municipalityFromHost, municipalityFromSlug } from './municipalities';
import { splitNames } from './sections';
import { collapse, dedupe } from './text';

export interface MeetingMeta {
  municipality: string | null;
  committee: string | null;
  date: string | null;
  time: string | null;
  place: string | null;
  participants: string[];
  absent: string[];
  kind: MeetingKind | null;
}

const COMMITTEE =
  /udvalg|råd(?:et)?\b|rådet|bestyrelse|byråd|repræsentation|nævn|komit[eé]|forsamling|kommission|styregruppe|direktion|§\s?17/i;
const KIND_PREFIX =
  /^(?:(?:referat|dagsorden|beslutningsprotokol|mødereferat|protokol|tillægsdagsorden)(?:\s+(?:fra|for|til|af))?(?:\s+mødet?)?(?:\s+i)?\s*[:\-–—|]?\s*)+/i;
const TRAILING_DATE =
  /\s*(?:[-–—|,:]\s*|\b(?:d\.|den|mødet?)\s*)*(?:(?:man|tirs|ons|tors|fre|lør|søn)dag\s+(?:d\.|den)?\s*)?(?:\d{1,2}[.\-/]\d{1,2}[.\-/]\d{2,4}|\d{1,2}\.?\s*\p{L}+\.?\s+\d{4})(?:\s*(?:kl\.?)?\s*\d{1,2}[.:]\d{2})?\s*$/iu;
const LABEL_DATE = /^(?:mødedato|dato|mødetidspunkt|tidspunkt|tid|afholdt)(?![\p{L}])\s*:?\s*/iu;
const LABEL_PLACE = /^(?:mødested|sted|lokale|lokation|mødelokale|adresse)(?![\p{L}])\s*:?\s*/iu;
const LABEL_PARTICIPANTS =
  /^(?:mødedeltagere|deltagere|til stede|tilstede|medlemmer|fremmødte|deltog|deltagende)(?![\p{L}])\s*:?\s*/iu;
const ABSENT_MARK = /\s*\((?:afbud|fravær|fraværende|forfald|ikke til stede|ikke mødt)\)\s*/i;

/** Strip "Referat:", "REFERAT", trailing " d. 06-06-2023", " - 15.09.2022", " | Site". */
export function cleanCommittee(s: string): string {
  let t = collapse(s);
  const bar = t.indexOf(' | ');
  if (bar > 0) t = t.slice(0, bar);
  t = t.replace(KIND_PREFIX, '');
  for (let i = 0; i < 2; i++) t = t.replace(TRAILING_DATE, '');
  t = t.replace(/\s*[-–—|:,]\s*$/, '').replace(/\s*\((?:referat|dagsorden)\)\s*$/i, '');
  return t.trim();
}

function looksCommittee(s: string): boolean {
  return s.length >= 4 && s.length <= 140 && COMMITTEE.test(s) && !/\bkommune$/i.test(s);
}

export function meetingMeta(
  blocks: Block[],
  headerEnd: number,
  opts: { url: string; docTitle: string; metaLine: string; hasDecisions: boolean },
): MeetingMeta {
  const header = blocks.slice(0, Math.max(0, headerEnd));
  const content = header.filter((b) => !b.chrome);
  const chrome = header.filter((b) => b.chrome);

  // Committee
  let committee: string | null = null;
  let committeeBlock: Block | null = null;
  // Headings first (h1 before lower levels), then bold/hinted lines.
  const rank = (b: Block) => (b.level === 1 ? 0 : b.level > 0 ? b.level : 9);
  const heads = content.filter((b) => (b.level > 0 || b.bold || b.hint) && b.text.length <= 300);
  heads.sort((a, b) => rank(a) - rank(b));
  for (const b of heads) {
    const c = cleanCommittee(b.text);
    if (looksCommittee(c)) {
      committee = c;
      committeeBlock = b;
      break;
    }
  }
  if (!committee) {
    for (const b of chrome) {
      if (!/[›»>/]/.test(b.text)) continue;
      const parts = b.text.split(/\s*[›»>]\s*|\s+\/\s+/);
      for (let i = parts.length - 1; i >= 0; i--) {
        const c = cleanCommittee(parts[i]!);
        if (looksCommittee(c)) {
          committee = c;
          break;
        }
      }
      if (committee) break;
    }
  }
  if (!committee) {
    for (const b of content) {
      if (b.text.length > 80) continue;
      const c = cleanCommittee(b.text);
      if (looksCommittee(c) && !/[.!?]$/.test(c) && c.split(' ').length <= 8) {
        committee = c;
        break;
      }
    }
  }
  if (!committee) {
    const c = cleanCommittee(opts.docTitle);
    if (looksCommittee(c)) committee = c;
  }
  if (!committee) {
    for (const b of content) {
      if (b.level === 1 || (b.level > 0 && b.level <= 2)) {
        const c = cleanCommittee(b.text);
        if (c.length >= 3 && c.length <= 140) {
          committee = c;
          break;
        }
      }
    }
  }

  // Labelled fields and date/time/place
  let date: string | null = null;
  let time: string | null = null;
  let place: string | null = null;
  let participantsText: string | null = null;
  let dateBlock = -1;
  let dateLine = -1;
  const value = (i: number, re: RegExp): string | null => {
    const b = content[i]!;
    const rest = collapse(b.text.replace(re, ''));
    if (rest) return rest;
    const next = content[i + 1];
    return next ? next.text : null;
  };
  for (let i = 0; i < content.length; i++) {
    const b = content[i]!;
    const t = b.text;
    if (t.length > 2000) continue;
    if (!date && LABEL_DATE.test(t)) {
      const v = value(i, LABEL_DATE);
      const d = v ? findDate(v) : null;
      if (d) {
        date = d.iso;
        time = parseTime(v!) ?? time;
        dateBlock = i;
      }
    } else if (!place && LABEL_PLACE.test(t)) {
      place = value(i, LABEL_PLACE);
    } else if (!participantsText && LABEL_PARTICIPANTS.test(t)) {
      participantsText = value(i, LABEL_PARTICIPANTS);
    }
  }
  if (!date && committeeBlock) {
    const d = findDate(committeeBlock.text);
    if (d) {
      date = d.iso;
      time = parseTime(committeeBlock.text);
    }
  }
  if (!date) {
    for (let i = 0; i < content.length && !date; i++) {
      const b = content[i]!;
      if (b.text.length > 400) continue;
      const ls = b.raw.split('\n');
      for (let k = 0; k < ls.length; k++) {
        const d = findDate(ls[k]!);
        if (d) {
          date = d.iso;
          time = parseTime(ls[k]!);
          dateBlock = i;
          dateLine = k;
          break;
        }
      }
    }
  }
  if (!date) {
    for (const s of [opts.metaLine, opts.docTitle, ...chrome.map((b) => b.text)]) {
      const d = s && s.length < 400 ? findDate(s) : null;
      if (d) {
        date = d.iso;
        break;
      }
    }
  }
  if (!date) {
    try {
      date = parseCompactDate(decodeURIComponent(new URL(opts.url).pathname));
    } catch {
      // ignore
    }
  }
  if (!time) {
    for (const b of content.slice(0, 30)) {
      const t = b.text.length <= 300 && /\bkl\.?\s*\d/i.test(b.text) ? parseTime(b.text) : null;
      if (t) {
        time = t;
        break;
      }
    }
  }
  if (!place && dateBlock >= 0 && dateLine >= 0) {
    const line = collapse(content[dateBlock]!.raw.split('\n')[dateLine] ?? '');
    const d = line.length <= 150 ? findDate(line) : null;
    if (d) {
      const rest = line
        .slice(d.index + d.length)
        .replace(/^\s*,?\s*(?:kl\.?|klokken)?\s*\d{1,2}[.:]\d{2}(?:\s*[-–]\s*\d{1,2}[.:]\d{2})?/i, '')
        .replace(/^[\s,;–—-]+/, '')
        .replace(/^(?:i|på)\s+/i, '')
        .replace(/\.\s+\p{Lu}.*$/u, '')
        .replace(/[.,;]\s*$/, '')
        .trim();
      if (rest.length >= 3 && rest.length <= 120 && /\p{L}/u.test(rest)) place = rest;
    }
  }
  if (!place && dateBlock >= 0) {
    const b = content[dateBlock]!;
    const ls = b.raw.split('\n').map(collapse).filter(Boolean);
    const after = dateLine >= 0 ? ls.slice(dateLine + 1) : [];
    const next = content[dateBlock + 1];
    const cand =
      after[0] ??
      (next &&
      next.text.length <= 120 &&
      !next.level &&
      !next.bold &&
      !/^(?:\d{1,3}[.)]|punkt\b)/i.test(next.text)
        ? next.text
        : null);
    if (
      cand &&
      !findDate(cand) &&
      !LABEL_PARTICIPANTS.test(cand) &&
      !LABEL_DATE.test(cand) &&
      !looksCommittee(cand) &&
      !/^(?:dagsorden|referat)$/i.test(cand) &&
      cand.length <= 120
    )
      place = cand.replace(LABEL_PLACE, '');
  }

  // Participants and absentees
  const participants: string[] = [];
  const absent: string[] = [];
  if (participantsText) {
    for (const n of splitNames(participantsText)) {
      const clean = collapse(n.replace(ABSENT_MARK, ' '));
      if (!clean) continue;
      participants.push(clean);
      if (ABSENT_MARK.test(n)) absent.push(clean);
    }
  }

  // Municipality
  let host = '';
  try {
    host = new URL(opts.url).hostname;
  } catch {
    // ignore
  }
  const fromHost = municipalityFromHost(host);
  let municipality = fromHost.name;
  if (!municipality) {
    const texts = [
      opts.docTitle,
      ...header.slice(0, 40).map((b) => b.text),
      ...blocks.slice(-15).map((b) => b.text),
    ];
    for (const t of texts) {
      const m = /([\p{Lu}][\p{L}-]+(?:\s[\p{Lu}][\p{L}-]+)?)\s+Kommune\b/u.exec(t);
      if (m) {
        municipality = municipalityFromSlug(m[1]!) ?? m[1]!;
        break;
      }
    }
  }
  if (!municipality) {
    // Text without a URL: the known municipality named most often as "X Kommune".
    const counts = new Map<string, number>();
    for (const b of blocks.slice(0, 3000)) {
      if (!b.text.includes('Kommune')) continue;
      for (const m of b.text.matchAll(/([\p{Lu}][\p{L}-]+(?:\s[\p{Lu}][\p{L}-]+)?)\s+Kommune\b/gu)) {
        const n = municipalityFromSlug(m[1]!);
        if (n) counts.set(n, (counts.get(n) ?? 0) + 1);
      }
    }
    let best = 0;
    for (const [n, c] of counts)
      if (c > best) {
        best = c;
        municipality = n;
      }
  }
  if (!municipality && fromHost.slug && !/^(?:dagsordener?|www|referater|politik)$/.test(fromHost.slug)) {
    municipality = fromHost.slug.charAt(0).toUpperCase() + fromHost.slug.slice(1);
  }

  // Kind: a heading or title that starts with the word, the URL, else whether decisions exist.
  let kind: MeetingKind | null = null;
  const kindTexts = [
    ...content.filter((b) => b.level > 0 || b.bold || b.hint).map((b) => b.text),
    opts.docTitle,
  ];
  for (const t of kindTexts) {
    if (/^(?:referat|beslutningsprotokol|protokol|mødereferat)\b/i.test(t)) {
      kind = 'referat';
      break;
    }
    if (/^(?:dagsorden|tillægsdagsorden)\b/i.test(t)) {
      kind = 'dagsorden';
      break;
    }
  }
  if (!kind && /\/(?:referat|referater|protokol)(?:\/|$)/i.test(opts.url)) kind = 'referat';
  if (!kind && /\/dagsorden(?:\/|$)/i.test(opts.url)) kind = 'dagsorden';
  if (!kind) kind = opts.hasDecisions ? 'referat' : 'dagsorden';

  return {
    municipality,
    committee,
    date,
    time,
    place: place ? collapse(place) : null,
    participants: dedupe(participants),
    absent: dedupe(absent),
    kind,
  };
}

/** Key for deduplicating names: the part before the first parenthesis. */
export function nameKey(s: string): string {
  return collapse(s.replace(/\(.*$/, '')).toLowerCase();
}
