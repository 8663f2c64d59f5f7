// History ("Tidligere behandling", "Relateret behandling", "Sagens forløb")
// and upcoming treatments ("Kommende behandlingsforløb") as structured refs.
import type { HistoryRef, Upcoming } from '../model/minutes';
import { findDate } from './dates';
import { collapse } from './text';

const PUNKT_REF = /,?\s*\b(?:punkt|pkt\.?)\s*(\d{1,4})\b\.?/i;

function cleanBody(s: string): string | null {
  const c = collapse(s)
    .replace(/^[\s,.:;–—-]+|[\s,.:;–—-]+$/g, '')
    .replace(/\s+(?:den|d\.)$/i, '')
    .replace(/^(?:i|på|af)\s+/i, '')
    .trim();
  return c && /\p{L}/u.test(c) && c.length <= 160 ? c : null;
}

/** Parse one reference line: body (committee), ISO date, punkt number. */
export function parseRefLine(line: string): HistoryRef | null {
  const text = collapse(line);
  if (!text) return null;
  const d = findDate(text);
  const pm = PUNKT_REF.exec(text);
  if (!d && !pm) return null;
  let rest = text;
  if (pm) rest = `${rest.slice(0, pm.index)} ${rest.slice(pm.index + pm[0].length)}`;
  let body: string | null = null;
  if (d) {
    const dd = findDate(rest);
    if (dd) {
      const before = rest.slice(0, dd.index);
      const after = rest.slice(dd.index + dd.length);
      body =
        cleanBody(before.replace(/\b(?:den|d\.)\s*$/i, '')) ??
        cleanBody(after.replace(/^\s*(?:kl\.?\s*\d{1,2}[.:]\d{2})/i, ''));
    } else body = cleanBody(rest);
  } else body = cleanBody(rest);
  // Skip ordinary sentences that just happen to contain a date.
  if (body && body.split(' ').length > 14) return null;
  return { body, date: d?.iso ?? null, punkt: pm ? Number(pm[1]) : null, text };
}

export function parseHistory(lines: string[]): HistoryRef[] {
  const out: HistoryRef[] = [];
  for (const l of lines) {
    const r = parseRefLine(l);
    if (r) out.push(r);
  }
  return out;
}

export function parseUpcoming(lines: string[]): Upcoming[] {
  const out: Upcoming[] = [];
  for (const l of lines) {
    const r = parseRefLine(l);
    if (r?.date || (r?.body && r.body.length <= 80)) out.push({ body: r.body, date: r.date, text: r.text });
    else if (!r) {
      const text = collapse(l);
      if (text && text.length <= 80 && !/[.!?]$/.test(text)) out.push({ body: text, date: null, text });
    }
  }
  return out;
}
