// Section vocabulary of Danish minutes: heading text → section kind.
import type { SectionKind } from '../model/minutes';
import { norm } from './text';

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

function maybeVocabulary(heading: string): boolean {
  const m = /^\s*(?:(?:\d{1,2}|[a-hA-H])[.)]\s+)?/.exec(heading);
  const i = m ? m[0].length : 0;
  return FIRST3.has(heading.slice(i, i + 3).toLowerCase()) || INNER.test(heading);
}

/** Classify a section heading; null when it is not known section vocabulary. */
export function sectionKind(heading: string): SectionKind | null {
  if (heading.length > 160 || !maybeVocabulary(heading)) return null;
  const h = norm(heading).replace(/^(?:\d{1,2}|[a-h])[.)]\s+/, '');
  if (!h || h.length > 120) return null;
  for (const [re, kind] of RULES) if (re.test(h)) return kind;
  return null;
}

/** Attendance lines: "Afbud: A, B", "Fraværende A", "Fravær: …". Returns the names part. */
export function attendanceNames(text: string): { names: string; colon: boolean } | null {
  const c = text.charCodeAt(0) | 32;
  if (c !== 97 && c !== 102 && c !== 105) return null; // a, f, i
  const m =
    /^(?:afbud|fraværende|fravær|forfald|ikke til stede|fraværende medlemmer)(?![\p{L}-])\s*(:?)\s*(.*)$/iu.exec(
      text,
    );
  if (!m) return null;
  return { names: m[2]!, colon: !!m[1] };
}

/** Words that signal minutes structure (for scoring candidate punkt bodies). */
export function isVocabularyHeading(text: string): boolean {
  return sectionKind(text) !== null;
}
