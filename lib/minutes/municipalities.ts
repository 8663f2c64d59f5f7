// The 98 Danish municipalities, for naming a meeting's municipality from a
// host name ("dagsorden.koege.dk" → "Køge") with the right letters.
import { slugify } from './text';

const NAMES =
  'Albertslund,Allerød,Assens,Ballerup,Billund,Bornholm,Brøndby,Brønderslev,Dragør,Egedal,Esbjerg,Fanø,Favrskov,Faxe,Fredensborg,Fredericia,Frederiksberg,Frederikshavn,Frederikssund,Furesø,Faaborg-Midtfyn,Gentofte,Gladsaxe,Glostrup,Greve,Gribskov,Guldborgsund,Haderslev,Halsnæs,Hedensted,Helsingør,Herlev,Herning,Hillerød,Hjørring,Holbæk,Holstebro,Horsens,Hvidovre,Høje-Taastrup,Hørsholm,Ikast-Brande,Ishøj,Jammerbugt,Kalundborg,Kerteminde,Kolding,København,Køge,Langeland,Lejre,Lemvig,Lolland,Lyngby-Taarbæk,Læsø,Mariagerfjord,Middelfart,Morsø,Norddjurs,Nordfyns,Nyborg,Næstved,Odder,Odense,Odsherred,Randers,Rebild,Ringkøbing-Skjern,Ringsted,Roskilde,Rudersdal,Rødovre,Samsø,Silkeborg,Skanderborg,Skive,Slagelse,Solrød,Sorø,Stevns,Struer,Svendborg,Syddjurs,Sønderborg,Thisted,Tønder,Tårnby,Vallensbæk,Varde,Vejen,Vejle,Vesthimmerland,Viborg,Vordingborg,Ærø,Aabenraa,Aalborg,Aarhus';

let bySlug: Map<string, string> | null = null;

function table(): Map<string, string> {
  if (bySlug) return bySlug;
  bySlug = new Map();
  for (const n of NAMES.split(',')) {
    const s = slugify(n);
    bySlug.set(s, n);
    bySlug.set(s.replace(/-/g, ''), n);
    // Hosts also spell å as "a" and ø as "o" (e.g. "tarnby", "dragor").
    bySlug.set(slugify(n.replace(/å/g, 'a').replace(/ø/g, 'o').replace(/æ/g, 'ae')), n);
  }
  for (const [alias, n] of [
    ['kk', 'København'],
    ['kobenhavn', 'København'],
    ['aarhuskommune', 'Aarhus'],
    ['ltk', 'Lyngby-Taarbæk'],
    ['htk', 'Høje-Taastrup'],
    ['rksk', 'Ringkøbing-Skjern'],
    ['fmk', 'Faaborg-Midtfyn'],
    ['vhk', 'Vesthimmerland'],
    ['brk', 'Bornholm'],
  ] as const)
    bySlug.set(alias, n);
  return bySlug;
}

/** Known municipality for a host label or name ("koege", "hoeje-taastrup", "Køge Kommune"), or null. */
export function municipalityFromSlug(label: string): string | null {
  const t = table();
  const s = slugify(label)
    .replace(/-?kommune$/, '')
    .replace(/^kommune-?/, '');
  return t.get(s) ?? t.get(s.replace(/-/g, '')) ?? null;
}

const PLATFORM_HOSTS = /(?:^|\.)(?:meetingsplus|firstagenda|edoc|sbsys|netpublicator|cbrain|prepare)\./;

/** Municipality from a URL host: dagsorden.ballerup.dk, ballerup.meetingsplus.dk, www.haderslev.dk. */
export function municipalityFromHost(host: string): { name: string | null; slug: string | null } {
  const labels = host
    .toLowerCase()
    .replace(/^www\./, '')
    .split('.');
  if (labels.length < 2) return { name: null, slug: null };
  const candidates: string[] = [];
  if (PLATFORM_HOSTS.test(`.${labels.slice(1).join('.')}.`) || PLATFORM_HOSTS.test(`.${host}.`))
    candidates.push(labels[0]!);
  candidates.push(labels[labels.length - 2]!);
  candidates.push(...labels.slice(0, -1));
  for (const c of candidates) {
    const n = municipalityFromSlug(c);
    if (n) return { name: n, slug: c };
  }
  const guess = labels[labels.length - 2]!.replace(/-?kommune$/, '');
  return { name: null, slug: guess };
}
