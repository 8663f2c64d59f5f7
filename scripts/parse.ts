// CLI: print the minutes model of a page or text file as JSON.
//   npx tsx scripts/parse.ts [--url URL] [--pretty] FILE   (FILE: .html/.htm, .txt, .md)
// Exit codes: 0 on success (also when the page is not minutes), 2 on usage or I/O errors.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { parseDocument, parseText } from '../lib/minutes/index';

function usage(msg: string): never {
  process.stderr.write(`${msg}\nusage: parse [--url URL] [--pretty] FILE (.html, .htm, .txt, .md)\n`);
  process.exit(2);
}

const args = process.argv.slice(2);
let url: string | undefined;
let pretty = false;
let file: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--url') url = args[++i] ?? usage('--url needs a value');
  else if (a.startsWith('--url=')) url = a.slice(6);
  else if (a === '--pretty') pretty = true;
  else if (a === '-h' || a === '--help') usage('Parse Danish municipal minutes into JSON.');
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else if (!file) file = a;
  else usage(`unexpected argument ${a}`);
}
if (!file) usage('missing FILE');

let content: string;
try {
  content = readFileSync(file, 'utf8');
} catch (e) {
  process.stderr.write(`cannot read ${file}: ${(e as Error).message}\n`);
  process.exit(2);
}
const pageUrl = url ?? pathToFileURL(resolve(file)).href;
const isHtml =
  /\.html?$/i.test(file) ||
  (!/\.(?:txt|md|markdown)$/i.test(file) && /^\s*<(?:!doctype|html|body|div|head)/i.test(content));

let result: ReturnType<typeof parseDocument>;
if (isHtml) {
  const dom = new JSDOM(content, { url: pageUrl });
  result = parseDocument(dom.window.document, pageUrl);
  dom.window.close();
} else {
  result = parseText(content, url);
}
const out = result.meeting
  ? { isMinutes: result.isMinutes, platform: result.platform, meeting: result.meeting }
  : { isMinutes: result.isMinutes, platform: result.platform, reason: result.reason };
process.stdout.write(`${JSON.stringify(out, null, pretty ? 2 : undefined)}\n`);
