// A structural validator for the W3C Web Annotation Data Model (https://www.w3.org/TR/annotation-model/)
// as far as Sagsspor's export uses it: collections, pages, annotations, textual bodies, specific
// resources, selectors (incl. refinedBy), states and stylesheets. Returns a list of problems (empty
// = valid). Also checks that a TextPositionSelector next to a TextQuoteSelector spans exactly the
// quote's length in Unicode code points.

export const MOTIVATIONS = new Set([
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
]);
const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const asArray = (x: unknown): unknown[] => (Array.isArray(x) ? x : x === undefined ? [] : [x]);
const types = (o: Obj): string[] => asArray(o.type).filter((t): t is string => typeof t === 'string');
const cpLen = (s: string) => [...s].length;

export function validateCollection(doc: unknown): string[] {
  const errs: string[] = [];
  if (!isObj(doc)) return ['collection: not an object'];
  if (!asArray(doc['@context']).includes(CONTEXT)) errs.push(`collection: @context must include ${CONTEXT}`);
  if (typeof doc.id !== 'string' || !IRI.test(doc.id)) errs.push('collection: id must be an IRI');
  if (!types(doc).includes('AnnotationCollection'))
    errs.push('collection: type must be AnnotationCollection');
  if (doc.label !== undefined && typeof doc.label !== 'string')
    errs.push('collection: label must be a string');
  if (doc.total !== undefined && !(Number.isInteger(doc.total) && (doc.total as number) >= 0))
    errs.push('collection: total must be a non-negative integer');
  let count = 0;
  if (doc.first !== undefined) {
    if (typeof doc.first === 'string') {
      if (!IRI.test(doc.first)) errs.push('collection: first must be an IRI or a page');
    } else if (isObj(doc.first)) {
      const page = doc.first;
      if (typeof page.id !== 'string' || !IRI.test(page.id)) errs.push('page: id must be an IRI');
      if (!types(page).includes('AnnotationPage')) errs.push('page: type must be AnnotationPage');
      if (
        page.startIndex !== undefined &&
        !(Number.isInteger(page.startIndex) && (page.startIndex as number) >= 0)
      )
        errs.push('page: startIndex must be a non-negative integer');
      if (!Array.isArray(page.items)) errs.push('page: items must be an array');
      else {
        count = page.items.length;
        page.items.forEach((a, i) => {
          for (const e of validateAnnotation(a, false)) errs.push(`items[${i}]: ${e}`);
        });
      }
    } else errs.push('collection: first must be an IRI or a page');
  } else if (doc.total) errs.push('collection: first is required when total > 0');
  if (isObj(doc.first) && doc.total !== undefined && doc.total !== count && !doc.first.next)
    errs.push(`collection: total ${String(doc.total)} != ${count} items`);
  return errs;
}

export function validateAnnotation(a: unknown, needsContext = true): string[] {
  const errs: string[] = [];
  if (!isObj(a)) return ['annotation: not an object'];
  if (needsContext && !asArray(a['@context']).includes(CONTEXT)) errs.push('@context missing');
  if (typeof a.id !== 'string' || !IRI.test(a.id)) errs.push('id must be an IRI');
  if (!types(a).includes('Annotation')) errs.push('type must be Annotation');
  const motivations = asArray(a.motivation);
  if (!motivations.length) errs.push('motivation must be explicit');
  for (const m of motivations)
    if (typeof m !== 'string' || !MOTIVATIONS.has(m)) errs.push(`motivation ${String(m)} not allowed`);
  for (const k of ['created', 'modified', 'generated'])
    if (a[k] !== undefined && (typeof a[k] !== 'string' || !DATETIME.test(a[k] as string)))
      errs.push(`${k} must be xsd:dateTime`);
  for (const b of asArray(a.body)) errs.push(...validateBody(b).map((e) => `body: ${e}`));
  const targets = asArray(a.target);
  if (!targets.length) errs.push('target is required');
  for (const t of targets) errs.push(...validateTarget(t).map((e) => `target: ${e}`));
  if (a.stylesheet !== undefined) {
    const s = a.stylesheet;
    if (
      !isObj(s) ||
      !types(s).includes('CssStylesheet') ||
      (typeof s.value !== 'string' && typeof s.id !== 'string')
    )
      errs.push('stylesheet must be a CssStylesheet with value or id');
  }
  return errs;
}

function validateBody(b: unknown): string[] {
  if (typeof b === 'string') return IRI.test(b) ? [] : ['string body must be an IRI'];
  if (!isObj(b)) return ['not an object'];
  const errs: string[] = [];
  if (types(b).includes('TextualBody')) {
    if (typeof b.value !== 'string') errs.push('TextualBody needs a string value');
  } else if (types(b).includes('SpecificResource')) return validateTarget(b);
  else if (typeof b.id !== 'string') errs.push('external body needs an id');
  for (const k of ['format', 'language'] as const)
    if (b[k] !== undefined && typeof b[k] !== 'string') errs.push(`${k} must be a string`);
  if (b.language !== undefined && !/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(String(b.language)))
    errs.push('language must be BCP47');
  for (const p of asArray(b.purpose))
    if (typeof p !== 'string' || !MOTIVATIONS.has(p)) errs.push(`purpose ${String(p)} not allowed`);
  return errs;
}

function validateTarget(t: unknown): string[] {
  if (typeof t === 'string') return IRI.test(t) ? [] : ['target IRI invalid'];
  if (!isObj(t)) return ['not an object'];
  const errs: string[] = [];
  if (types(t).includes('SpecificResource') || t.source !== undefined) {
    if (typeof t.source !== 'string' || !IRI.test(t.source)) errs.push('SpecificResource needs a source IRI');
    const selectors = asArray(t.selector);
    for (const s of selectors) errs.push(...validateSelector(s).map((e) => `selector: ${e}`));
    // Alternative selectors describe the same segment: position spans must match the quote in code points.
    const quote = selectors.find((s) => isObj(s) && types(s).includes('TextQuoteSelector')) as
      | Obj
      | undefined;
    if (quote && typeof quote.exact === 'string') {
      for (const s of selectors) {
        const pos = innermostPosition(s);
        if (pos && (pos.end as number) - (pos.start as number) !== cpLen(quote.exact))
          errs.push(
            `TextPositionSelector spans ${(pos.end as number) - (pos.start as number)} code points, quote has ${cpLen(quote.exact)}`,
          );
      }
    }
    for (const st of asArray(t.state)) errs.push(...validateState(st).map((e) => `state: ${e}`));
    if (t.styleClass !== undefined && typeof t.styleClass !== 'string')
      errs.push('styleClass must be a string');
  } else if (typeof t.id !== 'string' || !IRI.test(t.id)) errs.push('external target needs an id IRI');
  return errs;
}

function innermostPosition(s: unknown): Obj | null {
  let cur = s;
  while (isObj(cur)) {
    if (types(cur).includes('TextPositionSelector')) return cur;
    cur = cur.refinedBy;
  }
  return null;
}

function validateSelector(s: unknown): string[] {
  if (!isObj(s)) return ['not an object'];
  const errs: string[] = [];
  const [type] = types(s);
  switch (type) {
    case 'TextQuoteSelector':
      if (typeof s.exact !== 'string' || !s.exact) errs.push('TextQuoteSelector needs exact');
      for (const k of ['prefix', 'suffix'] as const)
        if (s[k] !== undefined && typeof s[k] !== 'string') errs.push(`${k} must be a string`);
      break;
    case 'TextPositionSelector':
      if (!Number.isInteger(s.start) || (s.start as number) < 0)
        errs.push('start must be a non-negative integer');
      if (!Number.isInteger(s.end) || (s.end as number) < (s.start as number))
        errs.push('end must be an integer >= start');
      break;
    case 'FragmentSelector':
      if (typeof s.value !== 'string' || !s.value) errs.push('FragmentSelector needs a value');
      if (s.conformsTo !== undefined && (typeof s.conformsTo !== 'string' || !IRI.test(s.conformsTo)))
        errs.push('conformsTo must be an IRI');
      break;
    case 'CssSelector':
    case 'XPathSelector':
    case 'SvgSelector':
    case 'DataPositionSelector':
      if (type === 'DataPositionSelector') {
        if (!Number.isInteger(s.start) || !Number.isInteger(s.end))
          errs.push('DataPositionSelector needs start and end');
      } else if (typeof s.value !== 'string' && typeof s.id !== 'string') errs.push(`${type} needs a value`);
      break;
    case 'RangeSelector':
      errs.push(...validateSelector(s.startSelector).map((e) => `startSelector: ${e}`));
      errs.push(...validateSelector(s.endSelector).map((e) => `endSelector: ${e}`));
      break;
    default:
      errs.push(`unknown selector type ${String(type)}`);
  }
  if (s.refinedBy !== undefined)
    for (const r of asArray(s.refinedBy)) errs.push(...validateSelector(r).map((e) => `refinedBy: ${e}`));
  return errs;
}

function validateState(s: unknown): string[] {
  if (!isObj(s)) return ['not an object'];
  const [type] = types(s);
  if (type === 'TimeState') {
    const errs: string[] = [];
    const has = (k: string) => typeof s[k] === 'string' && DATETIME.test(s[k] as string);
    const range = s.sourceDateStart !== undefined || s.sourceDateEnd !== undefined;
    if (s.sourceDate !== undefined && range)
      errs.push('TimeState has sourceDate or a start/end pair, not both');
    else if (!has('sourceDate') && !(has('sourceDateStart') && has('sourceDateEnd')))
      errs.push('TimeState needs sourceDate (or sourceDateStart and sourceDateEnd) as xsd:dateTime');
    if (s.cached !== undefined && (typeof s.cached !== 'string' || !IRI.test(s.cached)))
      errs.push('cached must be an IRI');
    return errs;
  }
  if (type === 'HttpRequestState')
    return typeof s.value === 'string' ? [] : ['HttpRequestState needs a value'];
  return [`unknown state type ${String(type)}`];
}
