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
${meetingStyles}
`;
