// Colours and the stylesheet text for both painters. The caller adds it to the
// page (a constructed CSSStyleSheet on document.adoptedStyleSheets), because
// `::highlight()` rules only apply from the page's own document styles.
export const HIGHLIGHT_COLORS = {
  yellow: 'rgba(255, 221, 0, 0.45)',
  green: 'rgba(80, 200, 120, 0.40)',
  blue: 'rgba(80, 160, 255, 0.35)',
  pink: 'rgba(255, 110, 180, 0.35)',
  purple: 'rgba(170, 110, 255, 0.35)',
} as const;
export type HighlightColor = keyof typeof HIGHLIGHT_COLORS;

export const HIGHLIGHT_PREFIX = 'sagsspor';
export const WRAPPER_TAG = 'sagsspor-hl';

/** Name of the CSS highlight (and wrapper data-color) for a colour. */
export function highlightName(color: string): string {
  return `${HIGHLIGHT_PREFIX}-${color.replace(/[^a-z0-9-]/gi, '')}`;
}

/** CSS for `::highlight(sagsspor-<colour>)` and the `<sagsspor-hl>` fallback. */
export function highlightCss(colors: Record<string, string> = HIGHLIGHT_COLORS): string {
  const rules: string[] = [
    `${WRAPPER_TAG}{display:inline;margin:0;padding:0;border:0;font:inherit;color:inherit;cursor:pointer}`,
    `${WRAPPER_TAG}:focus-visible{outline:2px solid currentColor;outline-offset:1px}`,
  ];
  for (const [name, value] of Object.entries(colors)) {
    const safe = value.replace(/[;{}]/g, '');
    rules.push(`::highlight(${highlightName(name)}){background-color:${safe}}`);
    rules.push(`${WRAPPER_TAG}[data-color="${name.replace(/[^a-z0-9-]/gi, '')}"]{background-color:${safe}}`);
  }
  return rules.join('\n');
}
