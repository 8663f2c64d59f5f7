// Generated pages for the bench: a large ordinary (non-minutes) page and a
// large meeting in realistic platform markup. Deterministic (seeded).
import { rng } from './stats';

const WORDS = (
  'kommunen borgerne udvalget forvaltningen budget skole daginstitution ældrepleje hjemmehjælp trafik ' +
  'cykelsti lokalplan klima energi affald vand vej park bibliotek kultur idræt bolig erhverv beskæftigelse ' +
  'integration sundhed psykiatri handicap uddannelse folkeskole tilskud anlæg drift regnskab høring ' +
  'strategi politik handleplan evaluering indsats målgruppe samarbejde område ramme økonomi projekt ' +
  'borgermøde opfølgning kapacitet tilbud aftale kontrakt udbud ejendom renovering vedligehold ' +
  'medarbejdere ledelse kvalitet tilsyn rapport analyse udvikling perioden år måned antal procent'
).split(' ');
const VERBS = 'har,skal,vil,kan,bør,forventer,vurderer,foreslår,beskriver,understøtter,prioriterer'.split(
  ',',
);
const CAP = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function words(r: () => number, n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(WORDS[Math.floor(r() * WORDS.length)]!);
  return out.join(' ');
}

function sentence(r: () => number): string {
  const verb = VERBS[Math.floor(r() * VERBS.length)]!;
  return `${CAP(words(r, 2 + Math.floor(r() * 4)))} ${verb} ${words(r, 6 + Math.floor(r() * 14))}.`;
}

const paragraph = (r: () => number, sentences: number) =>
  Array.from({ length: sentences }, () => sentence(r)).join(' ');

const chrome = (site: string) =>
  `<div class="cookie" role="dialog">Vi bruger cookies til statistik. <button>Accepter</button> <button>Afvis</button></div>
<header class="site"><a href="/" class="logo">${site}</a><nav><ul><li><a href="/borger">Borger</a></li><li><a href="/erhverv">Erhverv</a></li><li><a href="/politik">Politik</a></li><li><a href="/om">Om</a></li></ul></nav><form role="search"><input type="search" placeholder="Søg"></form></header>`;

/**
 * An encyclopedia article about municipal councils (~`targetBytes`): it talks
 * about meetings, committees, decisions and even "punkt 1" inside sentences,
 * has numbered lists and tables, but is not minutes.
 */
export function encyclopediaPage(targetBytes = 1_000_000): { html: string; url: string } {
  const r = rng(7);
  const parts: string[] = [
    '<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Kommunalbestyrelse – Leksikon</title></head><body>',
    chrome('Leksikon'),
    '<main><article><h1>Kommunalbestyrelse</h1>',
    `<p>En kommunalbestyrelse er den folkevalgte forsamling, der leder en kommune. ${paragraph(r, 4)}</p>`,
  ];
  let size = parts.join('').length;
  for (let s = 1; size < targetBytes; s++) {
    const chunk: string[] = [`<h2>${CAP(words(r, 3))}</h2>`];
    chunk.push(`<p>${paragraph(r, 6)} Efter punkt 1 i vedtægten holder udvalget møde hver måned.</p>`);
    chunk.push(`<h3>${CAP(words(r, 2))}</h3><p>${paragraph(r, 5)}</p>`);
    chunk.push(
      `<ol>${Array.from({ length: 5 }, (_, i) => `<li>${i + 1}. ${CAP(words(r, 8))}: beslutning om ${words(r, 6)}</li>`).join('')}</ol>`,
    );
    if (s % 3 === 0) {
      const rows = Array.from(
        { length: 8 },
        () =>
          `<tr><td>${CAP(words(r, 1))} Kommune</td><td>${Math.floor(r() * 90_000 + 10_000)}</td><td>${Math.floor(r() * 31) + 1}</td></tr>`,
      );
      chunk.push(
        `<table><tr><th>Kommune</th><th>Indbyggere</th><th>Medlemmer</th></tr>${rows.join('')}</table>`,
      );
    }
    chunk.push(`<p>${paragraph(r, 7)}</p>`);
    const html = chunk.join('\n');
    parts.push(html);
    size += html.length;
  }
  parts.push(
    `<h2>Se også</h2><ul><li><a href="/wiki/Byr%C3%A5d">Byråd</a></li><li><a href="/wiki/Referat">Referat</a></li></ul></article></main><footer class="site">Leksikon</footer></body></html>`,
  );
  return { html: parts.join('\n'), url: 'https://leksikon.example.dk/wiki/Kommunalbestyrelse' };
}

/**
 * A referat with `punkter` punkter (~`targetBytes`) in Åben Dagsorden markup:
 * punkt headings, case numbers, the usual sections with sub-headings, lists
 * and tables inside Sagsfremstilling, decisions, attendance and attachments.
 */
export function aabenDagsordenMeeting(punkter = 200, targetBytes = 2_000_000): { html: string; url: string } {
  const r = rng(42);
  const committee = 'Børne- og Skoleudvalget';
  const perPunkt = Math.max(2000, Math.floor(targetBytes / punkter));
  const items: string[] = [];
  for (let n = 1; n <= punkter; n++) {
    const closed = n > punkter - 3;
    const title = `${closed ? 'Lukket: ' : ''}${CAP(words(r, 3 + Math.floor(r() * 5)))}`;
    const caseNo = `${String(Math.floor(r() * 90) + 10)}.${String(Math.floor(r() * 90) + 10)}.00-${'GAPK'[n % 4]}${String(n % 90).padStart(2, '0')}-${n}-23`;
    const body: string[] = [
      `<div class="case-number">Sagsnummer: ${caseNo}</div>`,
      `<h4>Resumé</h4><p>${paragraph(r, 3)}</p>`,
      `<h4>Sagsfremstilling</h4><p>${paragraph(r, 6)}</p>`,
    ];
    let size = body.join('').length;
    for (let k = 0; size < perPunkt - 1500; k++) {
      const extra =
        k % 3 === 2
          ? `<table><tr><th>År</th><th>Beløb (mio. kr.)</th></tr>${Array.from({ length: 4 }, (_, i) => `<tr><td>${2024 + i}</td><td>${(r() * 20).toFixed(1)}</td></tr>`).join('')}</table>`
          : `<h5>${CAP(words(r, 2))}</h5><p>${paragraph(r, 5)}</p><ul>${Array.from({ length: 3 }, () => `<li>${CAP(words(r, 7))}</li>`).join('')}</ul>`;
      body.push(extra);
      size += extra.length;
    }
    body.push(
      `<h4>Økonomiske konsekvenser</h4><p>${paragraph(r, 2)}</p>`,
      `<h4>Indstilling</h4><p>Forvaltningen indstiller, at</p><ol><li>${words(r, 10)}</li><li>${words(r, 8)}</li></ol>`,
    );
    if (!closed) body.push(`<h4>Beslutning i ${committee} den 06-06-2023</h4><p>Godkendt.</p>`);
    body.push(
      '<h4>Fraværende</h4><p>Anna Hansen</p>',
      `<h4>Bilag</h4><ul><li><a href="/bilag/${n}-1.pdf">${CAP(words(r, 3))}</a></li><li><a href="/bilag/${n}-2.pdf">${CAP(words(r, 2))}</a></li></ul>`,
    );
    items.push(
      `<div class="agenda-item" id="agenda-item-${n}">\n<h3 class="agenda-item-title">Punkt ${n} ${esc(title)}</h3>\n<div class="agenda-item-content">${body.join('\n')}</div></div>`,
    );
  }
  const html = `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>Referat ${committee} - 06.06.2023 | Eksempel Kommune</title></head><body>
${chrome('Eksempel Kommune')}
<main class="meeting-view"><h1>Referat: ${committee}</h1>
<p class="meeting-info">Tirsdag d. 06. juni 2023 kl. 16:00<br>Rådhuset, mødelokale 1</p>
<p class="participants">Deltagere: Anna Hansen (A), Bo Jensen (V), Carla Nielsen (C), Dorte Madsen (F), Erik Larsen (Ø)</p>
${items.join('\n')}
</main><footer class="site">Eksempel Kommune</footer></body></html>`;
  return { html, url: 'https://dagsorden.eksempel.dk/meeting/2000001' };
}
