// Not a test: measures the cohort home of a built site (its HTML and script
// bytes, and how long Chromium takes from navigation to a table whose
// filters and sort work: html[data-table-ready]), median of 5 loads.
// Usage (in tests/browser): node measure-home.mjs SITE_DIR [lang]
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch } from './harness.mjs';

const [,, site, lang = 'en'] = process.argv;
const html = join(site, lang, 'index.html');
const js = join(site, 'assets', 'site.js');
const browser = await launch();
const page = await browser.context.newPage();
const times = [];
for (let i = 0; i < 5; i++) {
  await page.goto('about:blank');
  await page.goto(pathToFileURL(html).href, { waitUntil: 'commit' });
  await page.locator('html[data-table-ready]').waitFor({ state: 'attached' });
  times.push(await page.evaluate(() => performance.now()));
}
times.sort((a, b) => a - b);
const rows = await page.locator('#students-table tbody tr').count();
console.log(JSON.stringify({ students: rows, html_bytes: statSync(html).size, js_bytes: statSync(js).size,
  usable_ms_median: Math.round(times[2]), usable_ms_all: times.map(Math.round) }));
await browser.close();
