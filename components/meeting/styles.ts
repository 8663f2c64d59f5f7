// CSS for the meeting header and outline, shared by the in-page panel
// (shadow root) and the popup. Plain strings: applied via constructable
// stylesheets or a <style> element's textContent.
export const meetingStyles = `
.meeting-header { padding: 12px 14px 10px; border-bottom: 1px solid var(--sgs-border); }
.meeting-kind { margin: 0 0 2px; font-size: 11px; font-weight: 600; letter-spacing: .04em; text-transform: uppercase; color: var(--sgs-muted); }
.meeting-title { margin: 0 0 6px; font-size: 15px; line-height: 1.3; font-weight: 650; }
.meeting-meta { margin: 0; display: grid; gap: 2px; font-size: 12px; }
.meeting-meta-row { display: flex; gap: 6px; }
.meeting-meta dt { color: var(--sgs-muted); flex: 0 0 auto; min-width: 72px; }
.meeting-meta dd { margin: 0; }
.outline { list-style: none; margin: 0; padding: 4px 0; }
.punkt { border-bottom: 1px solid var(--sgs-border); display: flex; align-items: flex-start; }
.punkt-jump { all: unset; box-sizing: border-box; flex: 1 1 auto; display: block; width: 100%; padding: 8px 14px; cursor: pointer; font: inherit; color: inherit; text-align: start; }
.punkt-jump:hover { background: var(--sgs-hover); }
.punkt-jump[aria-current] { box-shadow: inset 3px 0 0 var(--sgs-accent); background: var(--sgs-hover); }
.punkt-jump:focus-visible { outline: 2px solid var(--sgs-focus); outline-offset: -2px; background: var(--sgs-hover); }
.punkt-line { display: block; font-size: 13px; line-height: 1.35; font-weight: 600; }
.punkt-number { font-variant-numeric: tabular-nums; color: var(--sgs-accent); }
.punkt-meta { display: flex; flex-wrap: wrap; gap: 2px 8px; margin-top: 3px; font-size: 12px; line-height: 1.35; color: var(--sgs-muted); }
.punkt-decision { flex-basis: 100%; color: var(--sgs-text); }
.punkt-decision-label { color: var(--sgs-muted); }
.punkt-extras { flex: 0 0 auto; padding: 6px 8px 0 0; }
.badge { display: inline-block; padding: 0 6px; border-radius: 8px; font-size: 11px; font-weight: 600; line-height: 16px; }
.badge-closed { background: var(--sgs-closed-bg); color: var(--sgs-closed-fg); }
.not-recognised { padding: 14px; }
.not-recognised h2 { margin: 0 0 6px; font-size: 15px; }
.not-recognised p { margin: 0; font-size: 13px; line-height: 1.45; }
`;

/** Colour tokens; the including sheet sets them on its root. */
export const themeTokens = `
  --sgs-text: #1f2328; --sgs-muted: #59636e; --sgs-bg: #ffffff; --sgs-border: #d8dee4;
  --sgs-hover: #f1f5fb; --sgs-focus: #0b57d0; --sgs-accent: #0b57d0;
  --sgs-closed-bg: #fde7e9; --sgs-closed-fg: #8a1c25;
`;
export const darkThemeTokens = `
  --sgs-text: #e6edf3; --sgs-muted: #9aa4ae; --sgs-bg: #1c2128; --sgs-border: #373e47;
  --sgs-hover: #262c36; --sgs-focus: #8ab4f8; --sgs-accent: #8ab4f8;
  --sgs-closed-bg: #5a1d24; --sgs-closed-fg: #ffd7db;
`;
