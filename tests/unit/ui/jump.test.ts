// @vitest-environment jsdom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { elementAt, resolveDomRef } from '../../../lib/minutes/dom-ref';
import { expandPunkt, findExpander, findPunktElement, jumpToPunkt } from '../../../lib/ui/jump';

const scrolled: Element[] = [];
beforeEach(() => {
  scrolled.length = 0;
  // jsdom has no layout: record scroll requests instead.
  Element.prototype.scrollIntoView = vi.fn(function (this: Element) {
    scrolled.push(this);
  });
  document.body.replaceChildren();
});

/** A client-rendered portal like FirstAgenda: collapsed items toggled by the page's own button. */
function portal(): void {
  document.body.innerHTML = `
    <header><nav><a href="/">Forside</a></nav></header>
    <main><ol class="agenda-items">
      ${[1, 2, 11]
        .map(
          (n) => `<li class="agenda-item"><button class="agenda-item-header" aria-expanded="false">
            <span class="nr">${n}.</span> <span class="caption">${n === 2 ? 'Klimapris 2023' : n === 11 ? 'Lukket: Meddelelser' : 'Meddelelser'}</span></button>
            <div class="agenda-item-body" hidden><h3>Beslutning</h3><p>Taget til efterretning ${n}</p></div></li>`,
        )
        .join('')}
    </ol></main>`;
  for (const li of document.querySelectorAll('li')) {
    const button = li.querySelector('button')!;
    const body = li.querySelector<HTMLElement>('.agenda-item-body')!;
    button.addEventListener('click', () => {
      body.hidden = !body.hidden;
      button.setAttribute('aria-expanded', String(!body.hidden));
    });
  }
}

describe('jumpToPunkt on a collapsed portal', () => {
  it('finds the punkt by number and title, clicks the page toggle and scrolls to it', () => {
    portal();
    const res = jumpToPunkt(document, { number: 2, title: 'Klimapris 2023', dom: null });
    expect(res.ok).toBe(true);
    expect(res.outcome).toBe('clicked-toggle');
    const li = document.querySelectorAll('li')[1]!;
    expect(li.querySelector<HTMLElement>('.agenda-item-body')!.hidden).toBe(false);
    expect(li.querySelector('button')!.getAttribute('aria-expanded')).toBe('true');
    expect(scrolled).toEqual([res.element]);
    expect(li.contains(res.element)).toBe(true);
    // Other punkter stay collapsed.
    expect(document.querySelectorAll<HTMLElement>('.agenda-item-body')[0]!.hidden).toBe(true);
  });

  it('does not confuse punkt 1 with punkt 11', () => {
    portal();
    const el = findPunktElement(document, { number: 1, title: 'Meddelelser', dom: null });
    expect(el?.closest('li')).toBe(document.querySelectorAll('li')[0]);
  });

  it('does not collapse an already open punkt', () => {
    portal();
    jumpToPunkt(document, { number: 2, title: 'Klimapris 2023', dom: null });
    const res = jumpToPunkt(document, { number: 2, title: 'Klimapris 2023', dom: null });
    expect(res.ok).toBe(true);
    expect(res.outcome).toBe('already-open');
    expect(document.querySelectorAll<HTMLElement>('.agenda-item-body')[1]!.hidden).toBe(false);
  });

  it('uses the DomRef when it still points at the punkt', () => {
    portal();
    // body > main(1) > ol(0) > li(2)
    const dom = { startPath: [1, 0, 2], endPath: null };
    expect(elementAt(document.body, dom.startPath)).toBe(document.querySelectorAll('li')[2]);
    const res = jumpToPunkt(document, { number: 11, title: 'Meddelelser', dom }, resolveDomRef);
    expect(res.ok).toBe(true);
    expect(document.querySelectorAll<HTMLElement>('.agenda-item-body')[2]!.hidden).toBe(false);
  });

  it('falls back to the text when the DomRef is stale', () => {
    portal();
    const stale = { startPath: [1, 0, 0], endPath: null }; // points at punkt 1
    const res = jumpToPunkt(document, { number: 2, title: 'Klimapris 2023', dom: stale }, resolveDomRef);
    expect(res.ok).toBe(true);
    expect(document.querySelectorAll<HTMLElement>('.agenda-item-body')[1]!.hidden).toBe(false);
    expect(document.querySelectorAll<HTMLElement>('.agenda-item-body')[0]!.hidden).toBe(true);
  });

  it('reports a punkt that is not on the page', () => {
    portal();
    expect(jumpToPunkt(document, { number: 42, title: 'Findes ikke', dom: null }).ok).toBe(false);
  });

  it('never throws, even with a resolver that does', () => {
    portal();
    const res = jumpToPunkt(
      document,
      { number: 2, title: 'Klimapris 2023', dom: { startPath: [0], endPath: null } },
      () => {
        throw new Error('boom');
      },
    );
    expect(res.ok).toBe(true);
  });
});

describe('expandPunkt without a page toggle', () => {
  it('removes `hidden` from the punkt body when there is no expander', () => {
    document.body.innerHTML = `<h2>Punkt 4 Budget</h2><div class="body" hidden><p>Tekst</p></div><h2>Punkt 5 Andet</h2>`;
    const h = document.querySelector('h2')!;
    expect(findExpander(h)).toBeNull();
    expect(expandPunkt(h)).toBe('unhidden');
    expect(document.querySelector<HTMLElement>('.body')!.hidden).toBe(false);
  });

  it('opens a closed <details>', () => {
    document.body.innerHTML = `<details><summary>Punkt 3 Klimapris</summary><p>Beslutning</p></details>`;
    const res = jumpToPunkt(document, { number: 3, title: 'Klimapris', dom: null });
    expect(res.ok).toBe(true);
    expect(document.querySelector('details')!.open).toBe(true);
  });

  it('finds headings like "Punkt 3 Title" on static pages and leaves them alone', () => {
    document.body.innerHTML = `<main><h3>Punkt 1 Meddelelser</h3><p>a</p><h3>Punkt 3 Forsvarets industrimesse, DALO Industry Days</h3><p>b</p></main>`;
    const res = jumpToPunkt(document, {
      number: 3,
      title: 'Forsvarets industrimesse, DALO Industry Days',
      dom: null,
    });
    expect(res.ok).toBe(true);
    expect(res.outcome).toBe('already-open');
    expect(res.element).toBe(document.querySelectorAll('h3')[1]);
  });
});
