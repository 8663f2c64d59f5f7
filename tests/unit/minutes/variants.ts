// Hand-written pages in other markups and vocabularies (robustness tests).
import { page } from './helpers';

export const boldParagraphs = page(
  `
<h1>Referat Teknik- og Miljøudvalget</h1>
<p>Mødedato: 3. maj 2023 kl. 17.00</p>
<p>Mødested: Rådhuset, mødelokale 2</p>
<p>Deltagere: Anne Hansen (A), Bo Jensen (V) (Afbud), Carl Olsen (F)</p>
<p><strong>1. Godkendelse af dagsorden</strong></p>
<p><strong>Sagsnr.:</strong> 23/1234</p>
<p><strong>Beslutning:</strong></p>
<p>Godkendt.</p>
<p><strong>2. Orienteringssag: Status på vejprojekter</strong></p>
<p>23/4411</p>
<p><strong>Resumé</strong></p>
<p>Forvaltningen orienterer om status.</p>
<p><strong>Indstilling</strong></p>
<p>Forvaltningen indstiller, at orienteringen tages til efterretning.</p>
<p><strong>Beslutning</strong></p>
<p>Taget til efterretning.</p>
<p><strong>Afbud:</strong> Bo Jensen</p>
<p><strong>3. Lukket punkt: Salg af grund</strong></p>
<p><strong>Beslutning</strong></p>
<p>Godkendt.</p>`,
  'Referat Teknik- og Miljøudvalget 03.05.2023',
);

export const h2Numbered = page(
  `
<h1>Dagsorden: Økonomiudvalget</h1>
<p>Tirsdag den 12. december 2023 kl. 16.00, Byrådssalen</p>
<h2>1. Budgetopfølgning 3. kvartal (Sagsnr. 27.00.00-A00-1-23)</h2>
<h3>Sagsfremstilling</h3><p>Der er forventet merforbrug.</p>
<h3>Økonomi</h3><p>Ingen konsekvenser.</p>
<h3>Indstilling</h3><p>Direktionen indstiller, at opfølgningen godkendes.</p>
<h3>Tidligere behandling</h3><p>Økonomiudvalget 14.11.2023, punkt 4</p>
<h3>Kommende behandlingsforløb</h3><p>Byrådet 20.12.2023</p>
<h2>2. Takster 2024</h2>
<h3>Resumé</h3><p>Forslag til takster.</p>
<h3>Lovgrundlag</h3><p>Lov om kommunernes styrelse.</p>
<h3>Indstilling</h3><p>Det indstilles, at taksterne godkendes.</p>
<h2>3. Eventuelt</h2>
<p>Intet.</p>`,
  'Dagsorden Økonomiudvalget',
);

export const tableLayout = page(
  `
<table class="agenda">
<tr><td colspan="2"><b>Referat af mødet i Børne- og Skoleudvalget den 04.10.2022</b></td></tr>
<tr><td>1.</td><td><b>Meddelelser</b></td></tr>
<tr><td></td><td>Sagsnr. 22/100</td></tr>
<tr><td></td><td><b>Beslutning</b></td></tr>
<tr><td></td><td>Taget til efterretning.</td></tr>
<tr><td>2.</td><td><b>Skolestruktur</b></td></tr>
<tr><td></td><td>Sagsnr. 22/200</td></tr>
<tr><td></td><td><b>Sagsfremstilling</b></td></tr>
<tr><td></td><td>Forvaltningen foreslår en ny struktur.</td></tr>
<tr><td></td><td><b>Beslutning</b></td></tr>
<tr><td></td><td>Anbefales.</td></tr>
</table>`,
  'Børne- og Skoleudvalget',
);

export const subHeadings = page(
  `
<h1>Referat: Kultur- og Fritidsudvalget</h1>
<p>Mødedato: 06-06-2023</p>
<h2>Punkt 1: Klimapris</h2>
<p>Sagsnr.: 24.00.00-G01-14-23</p>
<h3>Sagsfremstilling</h3>
<p>Formålet er at hylde virksomheder.</p>
<h4>1. Konceptet</h4><p>To priser uddeles.</p>
<h4>2. Udvælgelseskriterier</h4><p>Kriterierne er følgende.</p>
<ol><li>Klimatiltag</li><li>Dokumentation</li></ol>
<h3>Indstilling</h3><p>Administrationen indstiller, at konceptet godkendes.</p>
<h3>Beslutning</h3><p>Godkendt.</p>
<h2>Punkt 2: Idrætspuljen</h2>
<p>Sagsnr.: 18.15.00-Ø40-3-23</p>
<h3>Sagsfremstilling</h3>
<h4>1. Baggrund</h4><p>Puljen blev oprettet i 2020.</p>
<h4>2. Fordeling</h4><p>Fordelingen følger vedtægterne.</p>
<h3>Beslutning</h3><p>Godkendt med bemærkninger.</p>`,
  'Referat Kultur- og Fritidsudvalget',
);

export const twoTabs = page(
  `
<h1>Socialudvalget</h1><p>Mandag d. 2. oktober 2023 kl. 15:00</p>
<div class="tab" id="agenda">
<div><h3>1. Meddelelser</h3><p>Sagsnr.: 23/1</p><h4>Indstilling</h4><p>Til orientering.</p></div>
<div><h3>2. Handicappolitik</h3><p>Sagsnr.: 23/2</p><h4>Indstilling</h4><p>Godkendes.</p></div>
</div>
<div class="tab" id="protocol">
<div><h3>1. Meddelelser</h3><p>Sagsnr.: 23/1</p><h4>Indstilling</h4><p>Til orientering.</p><h4>Beslutning</h4><p>Taget til efterretning.</p></div>
<div><h3>2. Handicappolitik</h3><p>Sagsnr.: 23/2</p><h4>Indstilling</h4><p>Godkendes.</p><h4>Beslutning</h4><p>Godkendt.</p></div>
</div>`,
  'Socialudvalget',
);

export const noPunkter = page(
  `
<h1>Referat</h1>
<h2>Sagsfremstilling</h2><p>Forvaltningen har udarbejdet et notat.</p>
<h2>Indstilling</h2><p>Det indstilles, at notatet tages til efterretning.</p>
<h2>Beslutning</h2><p>Taget til efterretning.</p>
<h2>Bilag</h2><p>Notat</p>`,
  'Referat',
);

export const newsMentioningPunkt = page(
  `
<article><h1>Byrådet vedtog budgettet</h1><p class="date">12. oktober 2023</p>
<p>På mødet i går behandlede Byrådet budgettet. Beslutning: budgettet blev vedtaget.</p>
<h2>Punkt 1: Budget 2024</h2><p>Punkt 1 på dagsordenen var budgettet. Indstilling og beslutning kan læses i referatet.</p>
<h2>Punkt 2: Takster</h2><p>Taksterne blev også godkendt.</p></article>`,
  'Nyhed',
);

export const encyclopedia = page(
  `
<h1>Økonomiudvalg</h1><p>Et økonomiudvalg er et stående udvalg i en dansk kommune.</p>
<h2>Opgaver</h2><p>Udvalget behandler sager om budget. Sagerne har typisk en sagsfremstilling, en indstilling og en beslutning.</p>
<h2>1. Historie</h2><p>Udvalget blev indført i 1970.</p><h2>2. Sammensætning</h2><p>Borgmesteren er formand.</p>
<h2>Se også</h2><ul><li>Byråd</li><li>Kommunalbestyrelse</li></ul>`,
  'Økonomiudvalg – Leksikon',
);

export const meetingList = page(
  `
<h1>Dagsordener og referater</h1>
<h2>Økonomiudvalget</h2>
<ol>
<li><a href="/m/1">1. Økonomiudvalget 12.12.2023 – Referat</a></li>
<li><a href="/m/2">2. Økonomiudvalget 14.11.2023 – Referat</a></li>
<li><a href="/m/3">3. Økonomiudvalget 10.10.2023 – Dagsorden</a></li>
</ol>
<h2>Kommende møder</h2>
<table><tr><th>Udvalg</th><th>Dato</th><th>Dokumenter</th></tr>
<tr><td>Byrådet</td><td>20.12.2023</td><td>Dagsorden · Beslutning</td></tr>
<tr><td>Socialudvalget</td><td>02.10.2023</td><td>Referat · Bilag</td></tr></table>`,
  'Dagsordener og referater',
);

export const blog = page(
  `
<article><h1>Sådan kommer du i gang med kompost</h1>
<h2>Punkt 1: Find en god plads</h2><p>Baggrunden er enkel: kompost kræver luft.</p>
<h3>Baggrund</h3><p>Vi har prøvet det i fem år.</p>
<h2>Punkt 2: Bland materialerne</h2><p>Brug både grønt og brunt.</p>
<h2>Punkt 3: Vend bunken</h2><p>Vend den hver måned. Beslutningen er din.</p></article>`,
  'Blog',
);

export const malformed = `<html><body><div><p>Referat<h2>Punkt 1 Meddelelser<p>Sagsnr.: 23/1<table><tr><td><h3>Beslutning</td><p>Godkendt<div></span></b><h2>Punkt 2 Eventuelt</h3><p>Beslutning<p>Intet</table><<<>>><script>x</p`;

/** Unknown CMS: punkt headings are plain paragraphs "N. Title" in div soup, next to a sidebar. */
export const divSoup = `<!doctype html><html><head><title>Mødereferat – Ældrerådet</title></head><body>
<div class="top"><div class="logo">Eksempel Kommune</div><div class="menu"><div>Borger</div><div>Erhverv</div><div>Politik</div></div></div>
<div class="wrap">
<div class="col-left"><div class="box"><div>Genveje</div><div>1. Find dit udvalg</div><div>2. Se kalenderen</div><div>3. Kontakt os</div></div></div>
<div class="col-main"><div class="content">
<div class="intro">Referat fra Ældrerådets møde torsdag den 7. marts 2024 kl. 10.00 på Plejecenter Solbakken. Til stede var alle rådets medlemmer, og mødet blev ledet af formanden.</div>
<div class="txt">1. Godkendelse af dagsorden</div>
<div class="txt">Beslutning</div>
<div class="txt">Dagsordenen blev godkendt uden bemærkninger, og formanden bød velkommen til det nye medlem af rådet.</div>
<div class="txt">2. Høring om madservice</div>
<div class="txt">Sagsfremstilling</div>
<div class="txt">Kommunen har sendt forslag om ny madservice i høring. Rådet har modtaget materialet og drøftet det grundigt på mødet, herunder priser og valgfrihed.</div>
<div class="txt">Beslutning</div>
<div class="txt">Rådet afgiver høringssvar som drøftet på mødet. Formanden formulerer svaret og sender det til forvaltningen inden fristen.</div>
<div class="txt">3. Eventuelt</div>
<div class="txt">Beslutning</div>
<div class="txt">Intet at bemærke. Næste møde holdes i april, og dagsordenen udsendes en uge før mødet som sædvanligt.</div>
</div></div></div>
<div class="bottom"><div>Eksempel Kommune · Torvet 1 · 1234 By</div></div>
</body></html>`;
