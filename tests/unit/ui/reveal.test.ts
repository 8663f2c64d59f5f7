// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { hiddenAncestors, revealStep, toggleFor } from '../../../lib/ui/reveal';

beforeEach(() => document.body.replaceChildren());

const text = (sel: string) => document.querySelector(sel)!.firstChild!;

describe('hiddenAncestors', () => {
  it('lists closed <details>, hidden and undisplayed boxes around a node, innermost first', () => {
    document.body.innerHTML = `
      <div id="outer" hidden><details id="d"><summary id="s">Mere</summary>
        <div id="css" style="display: none"><p id="p">tekst</p></div></details></div>`;
    expect(hiddenAncestors(text('#p')).map((e) => e.id)).toEqual(['css', 'd', 'outer']);
    // A closed <details> shows its summary.
    expect(hiddenAncestors(text('#s')).map((e) => e.id)).toEqual(['outer']);
  });

  it('is empty for shown text', () => {
    document.body.innerHTML = '<details open><summary>x</summary><p id="p">tekst</p></details>';
    expect(hiddenAncestors(text('#p'))).toEqual([]);
  });
});

describe('toggleFor', () => {
  it('finds the collapsed toggle naming the box in aria-controls', () => {
    document.body.innerHTML = `<nav><button id="t" aria-expanded="false" aria-controls="x y">Vis</button></nav>
      <main><div id="y" hidden>tekst</div></main>`;
    expect(toggleFor(document.getElementById('y')!)?.id).toBe('t');
  });

  it('finds the header toggle next to the box, not toggles inside it, and not when several items share a parent', () => {
    document.body.innerHTML = `<ol>
      <li><button id="h1" aria-expanded="false">1.</button><div id="b1" hidden>
        <button aria-expanded="false">Bilag</button></div></li>
      <li><div id="lone" hidden>uden egen knap</div></li>
      <li><button aria-expanded="false">3.</button></li></ol>`;
    expect(toggleFor(document.getElementById('b1')!)?.id).toBe('h1');
    expect(toggleFor(document.getElementById('lone')!)).toBeNull();
  });

  it('does not return an expanded toggle', () => {
    document.body.innerHTML = '<div><button aria-expanded="true">x</button><div id="b" hidden>t</div></div>';
    expect(toggleFor(document.getElementById('b')!)).toBeNull();
  });
});

describe('revealStep', () => {
  it('opens the outermost box first, by the page toggle, then the inner <details>, then stops', () => {
    document.body.innerHTML = `<div><button id="t" aria-expanded="false">Vis</button>
      <div id="b" hidden><details id="d"><summary>Mere</summary><p id="p">tekst</p></details></div></div>`;
    const t = document.getElementById('t')!;
    const b = document.getElementById('b')!;
    let clicks = 0;
    t.addEventListener('click', () => {
      clicks++;
      b.hidden = false;
      t.setAttribute('aria-expanded', 'true');
    });
    const p = text('#p');
    expect(revealStep(p)).toBe('clicked-toggle');
    expect(clicks).toBe(1);
    expect(revealStep(p)).toBe('opened-details');
    expect((document.getElementById('d') as HTMLDetailsElement).open).toBe(true);
    expect(revealStep(p)).toBeNull();
    expect(clicks).toBe(1);
  });

  it('drops `hidden` only when the page has no toggle for it', () => {
    document.body.innerHTML = '<section><div id="b" hidden><p id="p">tekst</p></div></section>';
    expect(revealStep(text('#p'))).toBe('unhidden');
    expect(document.getElementById('b')!.hidden).toBe(false);
  });
});
