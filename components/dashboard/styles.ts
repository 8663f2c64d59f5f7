import { darkThemeTokens, themeTokens } from '../meeting/styles';

export const dashboardStyles = `
:root { ${themeTokens} color-scheme: light dark; }
@media (prefers-color-scheme: dark) { :root { ${darkThemeTokens} } }
html, body { margin: 0; background: var(--sgs-bg); color: var(--sgs-text); }
body { font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.dash-top { display: flex; align-items: center; gap: 24px; padding: 10px 24px; border-bottom: 1px solid var(--sgs-border); position: sticky; top: 0; background: var(--sgs-bg); z-index: 1; }
.dash-brand { margin: 0; font-weight: 700; color: var(--sgs-accent); }
.dash-nav { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 16px; margin: 0; padding: 0; }
.dash-nav a { color: var(--sgs-text); text-decoration: none; padding: 4px 2px; }
.dash-nav a[aria-current] { border-bottom: 2px solid var(--sgs-accent); font-weight: 650; }
/* focused on route change, for screen readers; no ring on a container */
.dash-main:focus { outline: none; }
.dash-main { max-width: 920px; margin: 0 auto; padding: 16px 24px 48px; }
.dash-main h1 { font-size: 22px; margin: 8px 0 12px; }
.dash-main h2 { font-size: 16px; margin: 20px 0 8px; }
.dash-error { color: var(--sgs-closed-fg); }
.dash-notice { padding: 10px 14px; border-radius: 8px; background: var(--sgs-hover); border: 1px solid var(--sgs-border); }
.dash-notice p { margin: 0; }
.dash-actions { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center; }
.dash-timeline { list-style: none; margin: 0; padding: 0 0 0 16px; border-inline-start: 2px solid var(--sgs-border); }
.dash-appearance { position: relative; margin: 0 0 16px; padding: 8px 12px; border-radius: 8px; border: 1px solid var(--sgs-border); }
.dash-appearance::before { content: ''; position: absolute; inset-inline-start: -23px; top: 14px; width: 10px; height: 10px; border-radius: 50%; background: var(--sgs-accent); }
.dash-appearance-history::before { background: var(--sgs-muted); }
.dash-upcoming { border-style: dashed; }
.dash-upcoming::before { background: var(--sgs-bg); border: 2px solid var(--sgs-accent); }
.dash-appearance-head { margin: 0; display: flex; gap: 10px; font-size: 12px; color: var(--sgs-muted); }
.dash-source { text-transform: uppercase; letter-spacing: .04em; font-weight: 600; }
.dash-appearance-title { margin: 2px 0 4px !important; font-size: 15px !important; }
.dash-appearance-text, .dash-decision { margin: 4px 0; }
.dash-annotations, .dash-cases { list-style: none; margin: 8px 0; padding: 0; }
.dash-cases li { padding: 6px 0; border-bottom: 1px solid var(--sgs-border); }
.dash-annotation { padding: 8px 0; border-bottom: 1px solid var(--sgs-border); }
.dash-quote { display: inline; margin: 0; font-style: italic; }
.dash-note { margin: 4px 0; white-space: pre-wrap; }
.dash-tags { list-style: none; display: inline-flex; flex-wrap: wrap; gap: 6px; margin: 4px 0; padding: 0; }
.dash-tag { font-size: 12px; color: var(--sgs-accent); }
.dash-annotation-meta { margin: 2px 0 0; font-size: 12px; }
.dash-filters { display: flex; flex-wrap: wrap; gap: 8px 16px; margin: 0 0 12px; }
.dash-filter { display: inline-flex; flex-direction: column; gap: 2px; font-size: 12px; color: var(--sgs-muted); }
.dash-filter select, .dash-filter input { color: var(--sgs-text); font-size: 14px; max-width: 280px; }
.dash-table { border-collapse: collapse; width: 100%; }
.dash-table th, .dash-table td { text-align: start; padding: 6px 8px; border-bottom: 1px solid var(--sgs-border); vertical-align: middle; }
.dash-tag-actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
.dash-inline { display: inline-flex; gap: 4px; }
.dash-fieldset { border: 1px solid var(--sgs-border); border-radius: 8px; padding: 10px 14px; display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; }
.dash-radio { display: inline-flex; gap: 4px; align-items: center; }
.dash-export-buttons { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; }
.dash .sgs-toast-region { position: fixed; bottom: 12px; left: 50%; transform: translateX(-50%); }
`;
