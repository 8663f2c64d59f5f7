// Outline flags for following (issue 4); included in the panel's shadow root.
export const followStyles = `
.punkt-follow { display: inline-flex; flex-wrap: wrap; align-items: center; gap: 4px; }
.punkt-new { padding: 0 6px; border-radius: 9px; background: #c62828; color: #fff; font-size: 11px; font-weight: 700; line-height: 18px; }
.punkt-topic { padding: 0 6px; border-radius: 9px; border: 1px solid var(--sgs-accent); color: var(--sgs-accent); font-size: 11px; line-height: 16px;
  max-width: 140px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.punkt-follow-toggle { all: unset; box-sizing: border-box; padding: 0 8px; height: 24px; border-radius: 12px; border: 1px solid var(--sgs-border);
  font-size: 12px; line-height: 22px; cursor: pointer; color: var(--sgs-text); white-space: nowrap; }
.punkt-follow-toggle[aria-pressed="true"] { background: var(--sgs-accent); border-color: var(--sgs-accent); color: var(--sgs-bg); }
.punkt-follow-toggle:hover { background: var(--sgs-hover); }
.punkt-follow-toggle[aria-pressed="true"]:hover { filter: brightness(1.1); background: var(--sgs-accent); }
.punkt-follow-toggle:focus-visible { outline: 2px solid var(--sgs-focus); outline-offset: 1px; }
.punkt-follow-toggle:disabled { opacity: .6; cursor: progress; }
`;
