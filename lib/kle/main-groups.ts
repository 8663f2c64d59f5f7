// KLE main groups (hovedgrupper): the first two digits of a KLE number such as
// 15.00.00 in "15.00.00-G01-71-19" or 85.10.00 in "23-5-85.10.00-P07".
//
// Source: KL's KLE-Emneplan (Kommunernes Landsforening / KOMBIT), published at
// kle-online.dk, as listed under "Klassifikation KLE" in the Danish common
// public-sector specification of IT-system information (data.gov.dk).
// Names are KL's; the list changes rarely — update it from that source.
export const KLE_SOURCE = 'KLE-Emneplan, hovedgrupper — KL/KOMBIT (kle-online.dk)';

export const KLE_MAIN_GROUPS: Readonly<Record<string, string>> = {
  '00': 'Kommunens styrelse',
  '01': 'Fysisk planlægning og naturbeskyttelse',
  '02': 'Byggeri',
  '03': 'Boliger',
  '04': 'Parker, fritids-/idrætsanlæg og landskabspleje mv.',
  '05': 'Veje og trafik',
  '06': 'Spildevand og vandløb',
  '07': 'Affald og genanvendelse',
  '08': 'Havne og lufthavne',
  '09': 'Miljøbeskyttelse',
  '13': 'Forsyning',
  '14': 'Beredskab',
  '15': 'Arbejdsmarked og beskæftigelsesindsats',
  '17': 'Folkeskoleundervisning',
  '18': 'Folkeoplysning og ungdomsskoler',
  '19': 'Kulturhistoriske institutioner',
  '20': 'Kulturvirksomhed',
  '21': 'Biblioteker',
  '22': 'Regulering af private erhverv',
  '23': 'Borgerlige forhold',
  '24': 'Erhvervsforhold',
  '25': 'Beskatning',
  '27': 'Social service',
  '28': 'Dagtilbud',
  '29': 'Sundhed',
  '30': 'Andre myndigheders opgaver',
  '32': 'Kontante ydelser',
  '54': 'Uddannelse',
  '81': 'Kommunens personale',
  '82': 'Kommunens ejendomme og lokaler',
  '83': 'Kommunens driftsmidler og inventar',
  '84': 'Offentlige valg',
  '85': 'Kommunens administrative systemer',
  '86': 'Kommunens selvforsyning og fremstillingsvirksomhed',
  '87': 'Kommunens arbejdsmiljø',
  '88': 'Kommunens indkøb og udbud',
};

/** Main groups in number order, for pickers. */
export const KLE_MAIN_GROUP_LIST: ReadonlyArray<{ code: string; name: string }> = Object.keys(KLE_MAIN_GROUPS)
  .sort()
  .map((code) => ({ code, name: KLE_MAIN_GROUPS[code]! }));

/** The main group of a KLE number ("24.00.00" → "24"), or null when unknown. */
export function kleMainGroupOf(kle: string | null | undefined): string | null {
  const m = /^(\d{2})\.\d{2}(?:\.\d{2})?$/.exec(kle?.trim() ?? '');
  return m ? m[1]! : null;
}

/** The main group's name ("24" → "Erhvervsforhold"), or null when not in KL's list. */
export function kleMainGroupName(code: string | null | undefined): string | null {
  return code ? (KLE_MAIN_GROUPS[code] ?? null) : null;
}
