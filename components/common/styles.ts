// Shared CSS for extension pages (popup, dashboard): buttons, inputs, toast, lists.
export const commonStyles = `
.sgs-button { font: inherit; padding: 5px 10px; border-radius: 6px; border: 1px solid var(--sgs-border); background: var(--sgs-hover); color: var(--sgs-text); cursor: pointer; }
.sgs-button:hover { border-color: var(--sgs-accent); }
.sgs-button:focus-visible, .sgs-input:focus-visible, .sgs-link:focus-visible, a:focus-visible { outline: 2px solid var(--sgs-focus); outline-offset: 2px; }
.sgs-button[disabled] { opacity: .55; cursor: default; }
.sgs-button-primary { background: var(--sgs-accent); border-color: var(--sgs-accent); color: var(--sgs-bg); }
.sgs-button-link { border: 0; background: none; color: var(--sgs-accent); text-decoration: underline; padding: 2px 4px; }
.sgs-button-icon { border: 0; background: none; padding: 0 6px; font-size: 16px; line-height: 1; color: var(--sgs-muted); }
.sgs-button-small { padding: 2px 8px; font-size: 12px; }
.sgs-input { font: inherit; padding: 5px 8px; border-radius: 6px; border: 1px solid var(--sgs-border); background: var(--sgs-bg); color: var(--sgs-text); box-sizing: border-box; }
.sgs-search { width: 100%; }
.sgs-link { color: var(--sgs-accent); }
.sgs-muted { color: var(--sgs-muted); }
.sgs-count { display: inline-block; min-width: 18px; padding: 0 6px; border-radius: 9px; background: var(--sgs-accent); color: var(--sgs-bg); font-size: 11px; font-weight: 700; line-height: 18px; text-align: center; }
.sgs-toast-region { position: sticky; bottom: 0; }
.sgs-toast { display: flex; align-items: center; gap: 8px; margin: 8px; padding: 8px 10px; border-radius: 8px; background: var(--sgs-text); color: var(--sgs-bg); box-shadow: 0 2px 8px rgba(0,0,0,.25); }
.sgs-toast .sgs-button-link { color: var(--sgs-bg); font-weight: 700; }
.sgs-toast .sgs-button-icon { color: var(--sgs-bg); }
.sgs-toast-text { flex: 1 1 auto; }
.sgs-swatch { display: inline-block; width: 10px; height: 10px; border-radius: 50%; vertical-align: baseline; margin-inline-end: 4px; border: 1px solid rgba(0,0,0,.2); }
.sgs-swatch-yellow { background: #f9d949; } .sgs-swatch-green { background: #7bd389; } .sgs-swatch-blue { background: #8ab4f8; }
.sgs-swatch-pink { background: #f7a1c4; } .sgs-swatch-purple { background: #c3a6f2; }
.sgs-visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
`;
