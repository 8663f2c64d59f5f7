import { darkThemeTokens, themeTokens } from '../meeting/styles';

const controls = `
.btn-link { all: unset; cursor: pointer; color: var(--sgs-accent); text-decoration: underline; }
.btn-link:focus-visible { outline: 2px solid var(--sgs-focus); outline-offset: 1px; }
.btn { all: unset; box-sizing: border-box; display: inline-block; padding: 4px 10px; border: 1px solid var(--sgs-border);
  border-radius: 6px; background: var(--sgs-bg); color: var(--sgs-text); font: 600 12px/1.4 inherit; font-family: inherit; cursor: pointer; }
.btn:hover { background: var(--sgs-hover); }
.btn:focus-visible { outline: 2px solid var(--sgs-focus); outline-offset: 1px; }
.btn-primary { background: var(--sgs-accent); border-color: var(--sgs-accent); color: var(--sgs-bg); }
.btn-primary:hover { background: var(--sgs-accent); filter: brightness(1.1); }
.btn-danger { color: var(--sgs-closed-fg); }
.swatch { all: unset; box-sizing: border-box; width: 22px; height: 22px; border-radius: 50%; border: 2px solid rgba(0,0,0,.18); cursor: pointer; }
.swatch:hover { transform: scale(1.12); }
.swatch:focus-visible { outline: 2px solid var(--sgs-focus); outline-offset: 2px; }
.swatch[aria-pressed="true"], .swatch-default { border-color: var(--sgs-text); }
`;

/** The selection toolbar, editor popover and undo toast (host `sagsspor-toolbar`, closed shadow root). */
export const annotateStyles = `
:host { all: initial; ${themeTokens} }
@media (prefers-color-scheme: dark) { :host { ${darkThemeTokens} } }
@media print { :host { display: none !important; } }
.layer { font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--sgs-text); }
${controls}
.toolbar { position: fixed; z-index: 2147483647; display: flex; align-items: center; gap: 6px; padding: 6px 8px;
  background: var(--sgs-bg); border: 1px solid var(--sgs-border); border-radius: 10px; box-shadow: 0 4px 16px rgba(0,0,0,.22); }
.sep { width: 1px; align-self: stretch; background: var(--sgs-border); margin: 0 2px; }
.tool { all: unset; box-sizing: border-box; width: 28px; height: 28px; border-radius: 6px; text-align: center; line-height: 28px;
  font-size: 16px; font-weight: 700; cursor: pointer; color: var(--sgs-text); }
.tool:hover { background: var(--sgs-hover); }
.tool:focus-visible { outline: 2px solid var(--sgs-focus); }
.editor { position: fixed; z-index: 2147483647; box-sizing: border-box; width: min(330px, calc(100vw - 16px)); max-height: calc(100vh - 16px); overflow: auto;
  padding: 10px 12px; background: var(--sgs-bg); border: 1px solid var(--sgs-border); border-radius: 10px; box-shadow: 0 6px 24px rgba(0,0,0,.25); }
.editor-docked { right: min(396px, calc(100vw - 338px)); top: 72px; }
.editor-heading { margin: 0 0 6px; font-weight: 650; font-size: 13px; }
.editor-quote { margin: 0 0 8px; padding: 4px 8px; border-left: 3px solid var(--sgs-border); color: var(--sgs-muted); font-size: 12px; }
.field-label { display: block; margin: 6px 0 2px; font-size: 12px; font-weight: 600; color: var(--sgs-muted); padding: 0; }
.note-input, .tag-input { box-sizing: border-box; width: 100%; padding: 5px 7px; border: 1px solid var(--sgs-border); border-radius: 6px;
  background: var(--sgs-bg); color: var(--sgs-text); font: 13px/1.4 inherit; font-family: inherit; resize: vertical; }
.note-input:focus, .tag-input:focus { outline: 2px solid var(--sgs-focus); outline-offset: 0; }
.tags { position: relative; }
.chips { list-style: none; margin: 0 0 4px; padding: 0; display: flex; flex-wrap: wrap; gap: 4px; }
.chip { display: inline-flex; align-items: center; gap: 2px; padding: 0 2px 0 8px; border-radius: 10px; background: var(--sgs-hover); font-size: 12px; }
.chip-x { all: unset; cursor: pointer; width: 18px; height: 18px; text-align: center; line-height: 18px; border-radius: 50%; }
.chip-x:focus-visible { outline: 2px solid var(--sgs-focus); }
.suggestions { list-style: none; margin: 2px 0 0; padding: 2px 0; position: absolute; left: 0; right: 0; z-index: 1; max-height: 180px; overflow: auto;
  background: var(--sgs-bg); border: 1px solid var(--sgs-border); border-radius: 6px; box-shadow: 0 4px 12px rgba(0,0,0,.18); }
.suggestion { padding: 4px 8px; cursor: pointer; }
.suggestion.active, .suggestion:hover { background: var(--sgs-hover); }
.colors { border: 0; margin: 4px 0 0; padding: 0; display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.colors legend { float: left; margin-right: 6px; }
.actions { display: flex; gap: 6px; margin-top: 10px; align-items: center; }
.grow { flex: 1 1 auto; }
.toast { position: fixed; z-index: 2147483647; left: 50%; bottom: 24px; transform: translateX(-50%); display: flex; align-items: center; gap: 10px;
  padding: 8px 10px 8px 14px; background: var(--sgs-text); color: var(--sgs-bg); border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.3); }
.alert { top: 16px; bottom: auto; background: var(--sgs-closed-bg); color: var(--sgs-closed-fg); max-width: min(520px, calc(100vw - 32px)); }
.notice { left: 16px; transform: none; max-width: min(520px, calc(100vw - 32px)); }
.notice a { color: inherit; font-weight: 600; }
.toast-x { all: unset; cursor: pointer; width: 22px; height: 22px; line-height: 22px; text-align: center; border-radius: 50%; }
.toast-x:focus-visible { outline: 2px solid var(--sgs-bg); }
`;

/** The annotation part of the in-page panel (added to panelStyles). */
export const annotationPanelStyles = `
${controls}
.annotations { padding: 10px 14px 14px; border-top: 1px solid var(--sgs-border); }
.ann-head { display: flex; align-items: baseline; gap: 8px; }
.ann-title { flex: 1 1 auto; margin: 0 0 6px; font-size: 13px; font-weight: 650; }
.ann-subtitle { margin: 10px 0 4px; font-size: 12px; font-weight: 650; }
.ann-pending { font-size: 11px; color: var(--sgs-muted); }
.ann-error { margin: 4px 0; padding: 4px 8px; border-radius: 6px; font-size: 12px; background: var(--sgs-closed-bg); color: var(--sgs-closed-fg); }
.ann-notice { margin: 4px 0 8px; padding: 6px 8px; border-radius: 6px; font-size: 12px; background: var(--sgs-hover); }
.ann-notice p { margin: 0 0 6px; }
.ann-notice a { color: var(--sgs-accent); }
.ann-empty, .ann-help { margin: 0; font-size: 12px; color: var(--sgs-muted); }
.ann-list { list-style: none; margin: 0; padding: 0; }
.ann-item { all: unset; box-sizing: border-box; display: flex; gap: 8px; width: 100%; padding: 5px 4px; border-radius: 6px; cursor: pointer; }
.ann-item:hover { background: var(--sgs-hover); }
.ann-item:focus-visible { outline: 2px solid var(--sgs-focus); outline-offset: -2px; }
.ann-swatch { flex: 0 0 auto; width: 10px; height: 10px; margin-top: 4px; border-radius: 50%; border: 1px solid var(--sgs-border); }
.ann-body { display: block; min-width: 0; }
.ann-text { display: block; font-size: 12px; }
.ann-note { display: block; font-size: 12px; color: var(--sgs-muted); font-style: italic; }
.ann-meta { display: flex; flex-wrap: wrap; gap: 2px 6px; font-size: 11px; color: var(--sgs-muted); }
.ann-tag { color: var(--sgs-accent); }
.orphan { padding: 6px 0; border-bottom: 1px solid var(--sgs-border); }
.orphan-quote { margin: 0 0 4px; padding: 2px 8px; border-left: 3px solid var(--sgs-border); font-size: 12px; color: var(--sgs-muted); }
.orphan-actions { display: flex; gap: 6px; }
.punkt-ann { display: inline-flex; align-items: center; gap: 4px; }
.punkt-count { display: inline-block; min-width: 18px; padding: 0 5px; border-radius: 9px; background: var(--sgs-accent); color: var(--sgs-bg);
  font-size: 11px; font-weight: 700; line-height: 18px; text-align: center; }
.punkt-note { all: unset; box-sizing: border-box; width: 26px; height: 26px; border-radius: 6px; text-align: center; line-height: 26px; cursor: pointer; color: var(--sgs-muted); }
.punkt-note:hover { background: var(--sgs-hover); color: var(--sgs-text); }
.punkt-note:focus-visible { outline: 2px solid var(--sgs-focus); }
`;
