import { darkThemeTokens, meetingStyles, themeTokens } from '../meeting/styles';

export const popupStyles = `
:root { ${themeTokens} color-scheme: light dark; }
@media (prefers-color-scheme: dark) { :root { ${darkThemeTokens} } }
html, body { margin: 0; background: var(--sgs-bg); color: var(--sgs-text); }
body { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; min-width: 360px; max-width: 480px; }
.popup { max-height: 580px; overflow: auto; }
.popup-brand { margin: 0; padding: 10px 14px 0; font-weight: 650; }
.pill-brand { color: var(--sgs-accent); }
.popup-message { margin: 0; padding: 16px 14px; line-height: 1.5; }
.popup-actions { margin: 0; padding: 0 14px 14px; }
.popup-button { font: inherit; padding: 6px 12px; border-radius: 6px; border: 1px solid var(--sgs-border); background: var(--sgs-hover); color: var(--sgs-text); cursor: pointer; }
.popup-button:focus-visible { outline: 2px solid var(--sgs-focus); outline-offset: 2px; }
.popup-notice { margin: 0; padding: 6px 14px; background: var(--sgs-closed-bg); color: var(--sgs-closed-fg); }
.popup-site-note { margin: 0; padding: 0 14px 12px; color: var(--sgs-muted); }
${meetingStyles}
.popup-pad { padding: 6px 14px; margin: 0; }
.popup-section { border-top: 1px solid var(--sgs-border); }
.popup-h { margin: 0; padding: 10px 14px 4px; font-size: 12px; font-weight: 700; letter-spacing: .04em; text-transform: uppercase; color: var(--sgs-muted); }
.popup-empty { margin: 0; padding: 6px 14px 12px; line-height: 1.5; }
.popup-error { color: var(--sgs-closed-fg); }
.followed, .topics, .results { list-style: none; margin: 0; padding: 0 0 4px; }
.followed-item { display: flex; align-items: center; gap: 4px; padding-inline-end: 8px; border-bottom: 1px solid var(--sgs-border); }
.followed-open, .result-open { all: unset; box-sizing: border-box; flex: 1 1 auto; display: block; padding: 7px 14px; cursor: pointer; min-width: 0; }
.followed-open:hover, .result-open:hover { background: var(--sgs-hover); }
.followed-open:focus-visible, .result-open:focus-visible { outline: 2px solid var(--sgs-focus); outline-offset: -2px; }
.followed-title, .result-title { display: block; font-weight: 600; }
.followed-meta, .result-meta, .result-note { display: block; font-size: 12px; color: var(--sgs-muted); }
.followed-decision { display: block; font-size: 12px; }
.sgs-show-more { margin: 6px 14px; }
.topic { display: flex; align-items: center; gap: 6px; padding: 3px 14px; }
.topic-label { flex: 1 1 auto; }
.topic-count { font-variant-numeric: tabular-nums; color: var(--sgs-muted); }
.topic-form { display: flex; gap: 6px; padding: 6px 14px 10px; }
.topic-value { flex: 1 1 auto; min-width: 0; }
.popup-links { display: flex; flex-wrap: wrap; gap: 4px; padding: 8px 10px; border-top: 1px solid var(--sgs-border); }
.popup-notice-box { margin: 8px 14px; padding: 8px 10px; border-radius: 8px; border: 1px solid var(--sgs-border); background: var(--sgs-hover); }
.popup-notice-box p { margin: 0 0 6px; }
.popup-notice-actions { display: flex; gap: 6px; margin: 0 !important; }
.follow-on { border-color: var(--sgs-accent); color: var(--sgs-accent); }
`;
