// The cohort home at 200 students (bench/gen_cohort.py's cohort, in kk, ru
// and en) in real Chromium from file://: search by name, each filter, a
// sort by two columns, a view restored from a bookmarked address, a page per
// adviser and per class, the CSV link; axe-core (no serious or critical
// violation) and no page wider than the screen at 1,280 and 390 px, in each
// language, light and dark. Expected counts come from the generator's rules
// (student s: class 11ABCD[s % 4], adviser s % 7) and from students.csv, not
// from the page under test.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { binary, checkTools, follow, launch, repo, seriousViolations } from './harness.mjs';

const students = 200;
let work, site, browser;

before(async () => {
  checkTools();
  work = mkdtempSync(join(tmpdir(), 'casfolio-cohort-browser-'));
  const corpus = join(work, 'cohort');
  site = join(work, 'site');
  execFileSync('python3', [join(repo, 'bench', 'gen_cohort.py'), corpus, '--students', String(students)], { stdio: 'pipe' });
  const config = join(corpus, 'cohort.yaml');
  writeFileSync(config, readFileSync(config, 'utf8').replace(/^languages: .*$/m, 'languages: [kk, ru, en]'));
  execFileSync(binary, ['build', corpus, '--out', site, '--as-of', '2027-06-01'], { stdio: 'pipe' });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const home = (lang, fragment = '') => pathToFileURL(join(site, lang, 'index.html')).href + fragment;
const visibleRows = (page) => page.locator('#students-table tbody tr:not([hidden])');
const shownNames = (page) => visibleRows(page).locator('th a').allTextContents();
const filter = (page, key) => page.locator(`#filters [data-filter="${key}"]`);
const expected = (keep) => [...Array(students).keys()].filter(keep);

// The CSV's rows as objects, by its header.
function csvRows() {
  const [head, ...lines] = readFileSync(join(site, 'students.csv'), 'utf8').trimEnd().split('\r\n');
  const keys = head.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((v, i) => [keys[i], v])));
}

async function openHome(page, fragment = '') {
  await page.goto(home('en', fragment));
  await page.locator('html[data-table-ready]').waitFor({ state: 'attached' });
}

test('search by name and each filter show exactly the students they should, in the table, the matrix and overdue', async () => {
  const page = await browser.context.newPage();
  await openHome(page);
  assert.equal(await visibleRows(page).count(), students);

  await page.getByPlaceholder('Search by name').fill('student 19');
  const named = expected((s) => `Student ${s}`.includes('19') || `student-${String(s).padStart(4, '0')}`.includes('19'));
  assert.deepEqual(await shownNames(page), named.map((s) => `Student ${s}`));
  assert.equal(await page.locator('#matrix-table tbody tr:not([hidden])').count(), named.length);
  assert.equal(await page.locator('.filter-count').textContent(), `Shown: ${named.length}`);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.waitForFunction(() => !location.hash);

  await filter(page, 'class').selectOption('11C');
  assert.deepEqual(await shownNames(page), expected((s) => s % 4 === 2).map((s) => `Student ${s}`));
  await filter(page, 'class').selectOption('');

  await filter(page, 'adviser').selectOption('Adviser 3');
  assert.deepEqual(await shownNames(page), expected((s) => s % 7 === 3).map((s) => `Student ${s}`));
  await filter(page, 'adviser').selectOption('');

  const onTrack = csvRows().filter((r) => r.status === 'on-track').length;
  await filter(page, 'status').selectOption('on-track');
  assert.equal(await visibleRows(page).count(), onTrack);
  await filter(page, 'status').selectOption('of-concern');
  assert.equal(await visibleRows(page).count(), students - onTrack - csvRows().filter((r) => r.status === 'complete').length);
  await filter(page, 'status').selectOption('');

  // Every generated student evidences every outcome: "missing LO3" is nobody,
  // and the matrix's totals follow the rows shown.
  const missing3 = csvRows().filter((r) => r.outcome_3 === '0').length;
  await filter(page, 'missing').selectOption('3');
  assert.equal(await visibleRows(page).count(), missing3);
  assert.equal(await page.locator('#matrix-table tfoot td[data-total="all"]').textContent(),
    `${missing3 * 0} / ${missing3 * 7}`);
  await filter(page, 'missing').selectOption('');
  assert.equal(await page.locator('#matrix-table tfoot td[data-total="all"]').textContent(), `${students * 7} / ${students * 7}`);
  browser.watch.assertClean('while filtering');
  await page.close();
});

test('sorting by two columns: the second click orders by its column, the first orders the ties; the address keeps both', async () => {
  const page = await browser.context.newPage();
  await openHome(page);
  const table = page.locator('#students-table');
  await table.getByRole('button', { name: 'Reflections' }).click();
  await table.getByRole('button', { name: 'Adviser' }).click();
  assert.equal(new URL(page.url()).hash, '#sort=adviser-asc,reflections-asc');
  assert.equal(await table.locator('th[data-sort="adviser"]').getAttribute('aria-sort'), 'ascending');
  const rows = await visibleRows(page).evaluateAll((trs) => trs.map((tr) => [tr.cells[1].textContent, Number(tr.cells[5].textContent)]));
  const sorted = [...rows].sort((a, b) => a[0].localeCompare(b[0]) || a[1] - b[1]);
  assert.deepEqual(rows, sorted);
  assert.equal(rows[0][0], 'Adviser 0');

  await table.getByRole('button', { name: 'Adviser' }).click();
  assert.equal(new URL(page.url()).hash, '#sort=adviser-desc,reflections-asc');
  assert.equal((await shownNames(page)).length, students);
  assert.equal(await visibleRows(page).first().locator('td').first().textContent(), 'Adviser 6');
  // The matrix follows the table's order.
  assert.deepEqual(await page.locator('#matrix-table tbody tr th a').allTextContents(), await shownNames(page));
  await page.close();
});

test('a bookmarked view opens as it was saved: filters, sort, and the count', async () => {
  const page = await browser.context.newPage();
  await openHome(page, '#class=11B&adviser=Adviser%201&sort=name-desc');
  const both = expected((s) => s % 4 === 1 && s % 7 === 1);
  assert.deepEqual(await shownNames(page), both.reverse().map((s) => `Student ${s}`));
  assert.equal(await filter(page, 'class').inputValue(), '11B');
  assert.equal(await filter(page, 'adviser').inputValue(), 'Adviser 1');
  assert.equal(await page.locator('.filter-count').textContent(), `Shown: ${both.length}`);
  // A fragment that names no view (an anchor) leaves the table whole; on
  // the page already open, following one keeps the filters.
  const fresh = await browser.context.newPage();
  await openHome(fresh, '#matrix-h');
  assert.equal(await visibleRows(fresh).count(), students);
  await fresh.close();
  browser.watch.assertClean('on bookmarked views');
  await page.close();
});

test('the home links to a page per adviser and per class, and to the table as CSV', async () => {
  const page = await browser.context.newPage();
  await openHome(page);
  await follow(page, page.locator('.group-pages a', { hasText: 'Adviser 3' }), /\/en\/advisers\/adviser-3-[0-9a-f]{8}\.html$/);
  assert.equal(await page.locator('h1').textContent(), 'Adviser Adviser 3: students');
  assert.deepEqual(await shownNames(page), expected((s) => s % 7 === 3).map((s) => `Student ${s}`));
  await page.goto(home('en'));
  await follow(page, page.locator('.group-pages a', { hasText: '11D' }), /\/en\/classes\/11d-[0-9a-f]{8}\.html$/);
  assert.equal(await visibleRows(page).count(), students / 4);

  await page.goto(home('en'));
  const href = await page.locator('a.download').evaluate((a) => a.href);
  const csv = readFileSync(fileURLToPath(href), 'utf8');
  assert.ok(csv.startsWith('id,name,advisor,status,reflections,'));
  assert.equal(csv.trimEnd().split('\r\n').length, students + 1);
  browser.watch.assertClean('on the group pages');
  await page.close();
});

test('the cohort home in kk, ru and en passes axe-core and fits the screen at 1,280 and 390 px, light and dark', async () => {
  const page = await browser.context.newPage();
  const findings = [];
  for (const lang of ['kk', 'ru', 'en']) {
    await page.goto(home(lang));
    await page.locator('html[data-table-ready]').waitFor({ state: 'attached' });
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      const wide = await page.evaluate(() => [document.documentElement.scrollWidth,
        ...[...document.querySelectorAll('.table-scroll')].slice(0, 1).map((box) => box.firstElementChild.scrollWidth - box.clientWidth)]);
      if (wide[0] > width) findings.push(`${lang} at ${width} px: the page is ${wide[0]} px wide`);
      // At desktop width the student table fits its box (nothing cut).
      if (width === 1280 && wide[1] > 0) findings.push(`${lang} at 1280 px: the student table is ${wide[1]} px wider than its box`);
      for (const scheme of ['light', 'dark']) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const v of await seriousViolations(page)) findings.push(`${lang} ${width} px ${scheme}: ${v}`);
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
  }
  assert.deepEqual(findings, []);
  browser.watch.assertClean('on the cohort homes');
  await page.close();
});
