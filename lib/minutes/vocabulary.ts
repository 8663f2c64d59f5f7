// Section vocabulary of Danish minutes: heading text → section kind.
import type { SectionKind } from '../model/minutes';
import { isSpace, norm } from './text';

type Rule = [RegExp, SectionKind];

// Order matters: specific phrases before general ones. Matched against the
// normalised heading (lowercase, collapsed, trailing ':' stripped).
const RULES: Rule[] = [
  [
    /^beslutning(?:en)? (?:træffes|tages) af\b|^beslutningskompetence|^kompetence(?:\s|$)|^beslutningsniveau|^beslutningstema/,
    'andet',
  ],
  [/^(?:[\p{L}-]+s )?beslutning(?:er)?(?:\s+(?:i|fra|på|af|den|truffet)\b.*|\s*\(.*\))?$/u, 'beslutning'],
  [
    /^(?:afgørelse|vedtagelse|udvalgets afgørelse|resultat|behandling i (?:udvalget|byrådet|mødet))$/,
    'beslutning',
  ],
  [
    /^(?:resum[eé]|kort resum[eé]|sagsresum[eé]|sammendrag|sagsindhold|indhold|kort om sagen|kort fortalt|sagens indhold|formål|hvad skal besluttes\??|hvad sagen drejer sig om|resum[eé] og indstilling)$/,
    'resume',
  ],
  [
    /^(?:sagsfremstilling|uddybende sagsfremstilling|sagsfremstilling og vurdering|sagsbeskrivelse|beskrivelse|baggrund|baggrund og formål|sagens baggrund|sagen|sagsforklaring|redegørelse|sagens fakta|(?:administrationens|forvaltningens|direktionens) (?:vurdering|bemærkninger)|vurdering)$/,
    'sagsfremstilling',
  ],
  [
    /^(?:indstilling(?:er)?|forslag til beslutning|beslutningsforslag|forslag|(?:administrationens|forvaltningens|direktionens|borgmesterens|direktørens) indstilling|(?:administrationen|forvaltningen|direktionen) indstiller|indstilling fra .*|[\p{L}-]+ indstiller(?:,? at)?|det indstilles(?:,? at)?)$/u,
    'indstilling',
  ],
  [
    /^(?:bilag|bilagsliste|bilagsoversigt|bilagsfortegnelse|vedhæftede (?:filer|bilag|dokumenter)|vedhæftninger|bilag til (?:punkt|sagen)|tilknyttede bilag|dokumenter)$/,
    'bilag',
  ],
  [
    /^(?:økonomi|økonomiske? (?:konsekvenser|forhold|vurdering|overvejelser)|økonomi og finansiering|bevillingsmæssige konsekvenser|bevilling|finansiering|økonomi og bevilling)\b.*$/,
    'oekonomi',
  ],
  [
    /^(?:lovgrundlag|retsgrundlag|hjemmel|lovhjemmel|lovgivning|retlige forhold|juridiske forhold|juridisk grundlag|regelgrundlag|retsregler)\b.*$/,
    'lovgrundlag',
  ],
  [
    /^(?:tidligere behandling(?:er)?|tidligere beslutninger|relateret behandling|relaterede sager|sagens forløb|historik|politisk behandling|tidligere politisk behandling|behandlingshistorik|sagsforløb)\b.*$/,
    'historik',
  ],
  [
    /^(?:kommende behandling(?:sforløb)?|videre (?:proces|forløb|behandling)|fremtidig behandling|det videre forløb|videre politisk behandling|behandlingsforløb|sagen skal behandles i|tidsplan og videre proces|proces og tidsplan|sagen afgøres af)\b.*$/,
    'kommende',
  ],
  [
    /^(?:procedure|slet denne tekst|fraværende|fravær|afbud|deltager i sagens behandling|deltagere|yderligere deltagelse(?: på mødet)?|meddelelse(?:r)?|høring|høringssvar|supplerende oplysninger|bemærkninger|protokoltilførsel|mindretalsudtalelse|sagens kompetence|sagsbehandler|ansvarlig|tidligere deltagelse|habilitet|inhabilitet|[\p{L}-]+(?:mæssige|politiske) (?:konsekvenser|vurdering)|konsekvenser for .*|borgerinddragelse|kommunikation og borgerinddragelse|klima(?:- og miljø)?vurdering|miljøvurdering|sundhedsmæssige konsekvenser)$/u,
    'andet',
  ],
];

// Cheap prefilter: the first three letters of every rule's first word, plus the
// stems rules allow after another word ("Udvalgets beslutning", "X indstiller").
const FIRST3 = new Set(
  (
    'bes afg ved res beh sam ind kor for hva sag bag red vur adm dir bor det bil dok øko bev fin lov ret hje reg ' +
    'tid rel his pol kom vid fre pro sle fra afb del yde med hør sup bem min ans hab inh kli mil sun udv kon bil ' +
    'til jur udd'
  ).split(' '),
);
const INNER = /beslut|indstil|konsekvens|afgør|vurdering/i;

// FIRST3 as numbers (three Latin-1 char codes), so the common case needs no string allocation.
const FIRST3_CODES = new Set([...FIRST3].map((s) => key3(s.charCodeAt(0), s.charCodeAt(1), s.charCodeAt(2))));

function key3(a: number, b: number, c: number): number {
  return (a << 16) | (b << 8) | c;
}

/** Latin-1 lowercase (what toLowerCase does below 0x100, except 'µ'), or -1 for anything else. */
function lower1(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 0xb5) return c;
  if (c === 0xb5) return -1;
  if (c >= 0xc0 && c <= 0xde && c !== 0xd7) return c + 32;
  return c < 0x100 ? c : -1;
}

/** End of a leading "\s*" plus an optional "1. " / "12) " / "a. " numbering (as /^\s*(?:(?:\d{1,2}|[a-hA-H])[.)]\s+)?/). */
function numberingEnd(h: string): number {
  const n = h.length;
  let i = 0;
  while (i < n && isSpace(h.charCodeAt(i))) i++;
  let j = i;
  const c = h.charCodeAt(j);
  if (c >= 48 && c <= 57) {
    j++;
    const c2 = h.charCodeAt(j);
    if (c2 >= 48 && c2 <= 57) j++;
  } else if ((c >= 97 && c <= 104) || (c >= 65 && c <= 72)) j++;
  else return i;
  const p = h.charCodeAt(j);
  if (p !== 46 && p !== 41) return i;
  j++;
  if (j >= n || !isSpace(h.charCodeAt(j))) return i;
  while (j < n && isSpace(h.charCodeAt(j))) j++;
  return j;
}

function maybeVocabulary(heading: string): boolean {
  const i = numberingEnd(heading);
  if (i + 3 <= heading.length) {
    const a = lower1(heading.charCodeAt(i));
    const b = lower1(heading.charCodeAt(i + 1));
    const c = lower1(heading.charCodeAt(i + 2));
    if (a >= 0 && b >= 0 && c >= 0) {
      if (FIRST3_CODES.has(key3(a, b, c))) return true;
    } else if (FIRST3.has(heading.slice(i, i + 3).toLowerCase())) return true;
  }
  // No rule starts with a digit ("2024 12,5" table rows): after the numbering the text would start
  // with this digit too, unless a zero-width space (which collapse turns into a space) moves it.
  const c = heading.charCodeAt(i);
  if (c >= 48 && c <= 57 && heading.indexOf('\u200b') < 0) return false;
  return INNER.test(heading);
}

// All rules as one pattern: one test rejects most headings that no rule matches (every rule is
// anchored at the start, so the alternation matches exactly when some rule does).
const ANY_RULE = new RegExp(RULES.map(([re]) => `(?:${re.source})`).join('|'), 'u');

/** Classify a section heading; null when it is not known section vocabulary. */
export function sectionKind(heading: string): SectionKind | null {
  return mayBeSectionHeading(heading) ? classifyHeading(heading) : null;
}

/** Cheap test: false means sectionKind(heading) is null. */
export function mayBeSectionHeading(heading: string): boolean {
  return heading.length <= 160 && maybeVocabulary(heading);
}

/** sectionKind without the cheap test (for callers that made it already). */
export function classifyHeading(heading: string): SectionKind | null {
  const h = norm(heading).replace(/^(?:\d{1,2}|[a-h])[.)]\s+/, '');
  if (!h || h.length > 120 || !ANY_RULE.test(h)) return null;
  for (const [re, kind] of RULES) if (re.test(h)) return kind;
  return null;
}

const ATTENDANCE =
  /^(?:afbud|fraværende|fravær|forfald|ikke til stede|fraværende medlemmer)(?![\p{L}-])\s*(:?)\s*(.*)$/iu;

/** Attendance lines: "Afbud: A, B", "Fraværende A", "Fravær: …". Returns the names part. */
export function attendanceNames(text: string): { names: string; colon: boolean } | null {
  const c = text.charCodeAt(0) | 32;
  if (c !== 97 && c !== 102 && c !== 105) return null; // a, f, i
  const m = ATTENDANCE.exec(text);
  if (!m) return null;
  return { names: m[2]!, colon: !!m[1] };
}

/** Words that signal minutes structure (for scoring candidate punkt bodies). */
export function isVocabularyHeading(text: string): boolean {
  return sectionKind(text) !== null;
}
