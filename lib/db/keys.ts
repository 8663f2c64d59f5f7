// Stable keys: canonical URLs, meeting keys and case keys. Pure functions, shared by the
// background (which writes) and the UI (which looks things up).
import { normaliseCaseNumber as parserNormaliseCaseNumber } from '../minutes/casenumber';
import { municipalityFromHost, municipalityFromSlug } from '../minutes/municipalities';

const TRACKING_PARAMS = new Set([
  'fbclid',
  'gclid',
  'dclid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  'igshid',
  'yclid',
  'ref_src',
]);

/** The URL without hash and without tracking parameters (utm_*, fbclid, …). Invalid URLs come back trimmed. */
export function canonicalUrl(url: string): string {
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    return url.trim();
  }
  u.hash = '';
  // forEach, not [...keys()]: URLSearchParams iterators are not iterable in Firefox content
  // scripts (Xray wrappers), and this runs there through pageRefOf.
  const names: string[] = [];
  u.searchParams.forEach((_value, name) => {
    names.push(name);
  });
  for (const name of names) {
    const lower = name.toLowerCase();
    if (lower.startsWith('utm_') || TRACKING_PARAMS.has(lower)) u.searchParams.delete(name);
  }
  if (u.search === '?') u.search = '';
  return u.toString();
}

/** Lowercase, NFC, whitespace collapsed. */
export function normaliseName(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * A committee as committee topics match it: `normaliseName` without an election term at the end
 * ("Beskæftigelses- og Integrationsudvalget 2022-2025", "… (2018–2021)"), so a topic keeps
 * matching when the next term starts, and a name typed without the term matches.
 */
export function committeeTopicKey(s: string): string {
  return normaliseName(s)
    .replace(/\s*[-–(]?\s*(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\s*\)?$/, '')
    .trim();
}

/** Case numbers are matched as lib/minutes normalises them (`CaseNumber.normalised`: uppercase, no spaces). */
export function normaliseCaseNumber(raw: string): string {
  return parserNormaliseCaseNumber(raw.normalize('NFC').trim());
}

/**
 * The municipality part of keys: the known name ("Aarhus Kommune", "aarhus" → "aarhus"), else the
 * name without "Kommune", lowercased.
 */
export function municipalityKey(municipality: string | null | undefined): string {
  const m = municipality?.trim() ?? '';
  if (!m) return '';
  return normaliseName(municipalityFromSlug(m) ?? m.replace(/\s*kommune$/i, ''));
}

/**
 * The municipality of a meeting as displayed (keys lowercase it), falling back to the page's host
 * name when the parser found none.
 */
export function municipalityOf(
  municipality: string | null | undefined,
  url: string | null | undefined,
): string {
  if (municipality?.trim()) {
    return municipalityFromSlug(municipality) ?? municipality.normalize('NFC').replace(/\s+/g, ' ').trim();
  }
  if (url) {
    try {
      const host = new URL(url).hostname;
      return municipalityFromHost(host).name ?? host.replace(/^www\./, '');
    } catch {
      // fall through
    }
  }
  return 'ukendt';
}

/**
 * A stable meeting key: `municipality|committee|date`, normalised. Without committee or date the
 * page's canonical URL identifies the meeting.
 */
export function meetingKeyOf(
  municipality: string,
  committee: string | null | undefined,
  date: string | null | undefined,
  url?: string | null,
): string {
  if (committee?.trim() && date)
    return `${municipalityKey(municipality)}|${normaliseName(committee)}|${date}`;
  return `url:${canonicalUrl(url ?? '')}`;
}

/**
 * A case key: municipality (`municipalityKey`) + ':' + normalised case number; a punkt without a case
 * number is its own case: municipality + ':' + meetingKey + '#' + number. Null for neither.
 */
export function caseKeyOf(
  municipality: string | null | undefined,
  caseNumber: string | null | undefined,
  meetingKey: string | null | undefined,
  punktNumber: number | null | undefined,
): string | null {
  const m = municipalityKey(municipality);
  if (caseNumber?.trim()) return `${m}:${normaliseCaseNumber(caseNumber)}`;
  if (meetingKey && punktNumber != null) return `${m}:${meetingKey}#${punktNumber}`;
  return null;
}

/** KLE main group ("24") of a KLE number ("24.00.00"): lib/kle's rule, under the name lib/db uses. */
export { kleMainGroupOf as kleGroupOf } from '../kle/main-groups';
