import { annotationPanelStyles } from '../annotate/styles';
import { followStyles } from '../follow/styles';
import { darkThemeTokens, meetingStyles, themeTokens } from '../meeting/styles';

/** Styles of the in-page panel, applied inside its closed shadow root. */
export const panelStyles = `
:host { all: initial; ${themeTokens} }
@media (prefers-color-scheme: dark) { :host { ${darkThemeTokens} } }
@media print { :host { display: none !important; } }
.root { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--sgs-text); }
.pill { all: unset; box-sizing: border-box; position: fixed; right: 0; top: 112px; z-index: 2147483647;
  max-width: 60vw; padding: 7px 12px; border: 1px solid var(--sgs-border); border-right: 0; border-radius: 10px 0 0 10px;
  background: var(--sgs-bg); color: var(--sgs-text); box-shadow: 0 2px 10px rgba(0,0,0,.18);
  font: 600 12px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; cursor: pointer; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.pill:hover { background: var(--sgs-hover); }
.pill:focus-visible { outline: 2px solid var(--sgs-focus); outline-offset: 2px; }
.pill-brand { color: var(--sgs-accent); }
.pill-saving { font-weight: 400; color: var(--sgs-muted); }
.panel { box-sizing: border-box; position: fixed; top: 0; right: 0; bottom: 0; z-index: 2147483647; width: min(380px, 92vw);
  display: flex; flex-direction: column; background: var(--sgs-bg); color: var(--sgs-text);
  border-left: 1px solid var(--sgs-border); box-shadow: -4px 0 18px rgba(0,0,0,.18); }
.panel-bar { display: flex; align-items: center; gap: 8px; padding: 6px 6px 6px 14px; border-bottom: 1px solid var(--sgs-border); }
.panel-title { flex: 1 1 auto; margin: 0; font-size: 13px; font-weight: 650; }
.close { all: unset; box-sizing: border-box; width: 30px; height: 30px; border-radius: 6px; text-align: center;
  line-height: 30px; font-size: 20px; cursor: pointer; color: var(--sgs-muted); }
.close:hover { background: var(--sgs-hover); color: var(--sgs-text); }
.close:focus-visible { outline: 2px solid var(--sgs-focus); }
.panel-body { flex: 1 1 auto; overflow: auto; overscroll-behavior: contain; }
.panel-foot { padding: 6px 14px; font-size: 11px; color: var(--sgs-muted); border-top: 1px solid var(--sgs-border); }
.panel-status { padding: 6px 14px; font-size: 12px; color: var(--sgs-closed-fg); background: var(--sgs-closed-bg); }
.flash { position: fixed; pointer-events: none; z-index: 2147483646; box-sizing: border-box;
  border: 3px solid #f0b400; border-radius: 4px; box-shadow: 0 0 0 4px rgba(240,180,0,.28); transition: opacity .5s; }
@media (prefers-reduced-motion: reduce) { .flash { transition: none; } }
${meetingStyles}
${annotationPanelStyles}
${followStyles}
`;
