// The sample cohort's site in real Chromium, opened from file://: following
// links from the cohort home to an evidence image, the language switcher,
// the offline search, and, on every page type of the staff and the --public
// site, axe-core (no serious or critical violation, light and dark), no page
// wider than a phone, and screenshots at desktop and phone widths (written
// to artifacts/). No page
// may log a console error, fail a request or make one outside file://.
//
// Run with `node --test` in tests/browser/ after building casfolio;
// CASFOLIO_BINARY names it (default: build-test/casfolio), CHROMIUM the
// browser (default: /usr/bin/chromium).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  artifacts, asOf, binary, checkTools, follow, launch, pdfFacts, repo, seriousViolations, undecodedImages,
} from './harness.mjs';

let work, staff, publicSite, browser;

before(async () => {
  checkTools();
  work = mkdtempSync(join(tmpdir(), 'casfolio-site-browser-'));
  staff = join(work, 'site');
  publicSite = join(work, 'public');
  execFileSync(binary, ['build', join(repo, 'content'), '--out', staff, '--as-of', asOf], { stdio: 'pipe' });
  execFileSync(binary, ['build', join(repo, 'content'), '--out', publicSite, '--as-of', asOf, '--public'], { stdio: 'pipe' });
  mkdirSync(artifacts, { recursive: true });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const url = (site, path) => pathToFileURL(join(site, path)).href;

test('the guard against requests outside file:// catches one', async () => {
  const page = await browser.context.newPage();
  const failed = browser.context.waitForEvent('requestfailed');
  await assert.rejects(page.goto('https://casfolio.invalid/'));
  await failed;
  await page.close();
  assert.deepEqual([...new Set(browser.watch.offsite)], ['https://casfolio.invalid/']);
  assert.deepEqual(browser.watch.problems, ['request failed: https://casfolio.invalid/ (net::ERR_BLOCKED_BY_CLIENT)']);
  browser.watch.offsite.length = 0;
  browser.watch.problems.length = 0;
});

test('from the cohort home to a student, an experience, a reflection and an evidence image', async () => {
  const page = await browser.context.newPage();
  const h1 = page.locator('h1');

  // The top index.html is the cohort home in the cohort's default language.
  await page.goto(url(staff, 'index.html'));
  assert.equal(await page.locator('html').getAttribute('lang'), 'kk');
  assert.equal(await h1.textContent(), 'Ағынға шолу');

  await follow(page, page.locator('#students-table a[href$="students/aruzhan-bekova/index.html"]'),
    /\/kk\/students\/aruzhan-bekova\/index\.html$/);
  assert.equal(await h1.textContent(), 'Аружан Бекова');
  assert.deepEqual(await undecodedImages(page), []);

  await follow(page, page.locator('.experience-cards a[href$="experiences/river-cleanup/index.html"]'),
    /\/kk\/students\/aruzhan-bekova\/experiences\/river-cleanup\/index\.html$/);
  assert.equal(await h1.textContent(), '«Таза Есіл»: өзен жағалауын тазарту жобасы');
  const photo = page.locator('.prose img[src$="web/experiences/river-cleanup/river.jpg"]');
  assert.equal(await photo.count(), 1);
  const thumb = page.locator('.gallery img[src$="thumb/experiences/river-cleanup/poster.png"]');
  assert.equal(await thumb.count(), 1);
  assert.deepEqual(await undecodedImages(page), []);

  await follow(page, page.locator('.reflections a[href$="river-cleanup/2027-04-19-cleanup-day.html"]'),
    /\/river-cleanup\/2027-04-19-cleanup-day\.html$/);
  assert.equal(await h1.textContent(), 'Тазалық күні — 86 қап');
  assert.match(await page.locator('.prose').textContent(), /Үш сағатта 86 қап жинадық/);
  assert.deepEqual(await undecodedImages(page), []);

  // Back to the experience by the reflection's own link, then the gallery
  // thumbnail to the web-size image.
  await follow(page, page.locator('.lede a[href$="river-cleanup/index.html"]'),
    /\/river-cleanup\/index\.html$/);
  await follow(page, page.locator('.gallery a:has(img[src$="thumb/experiences/river-cleanup/poster.png"])'),
    /\/media\/aruzhan-bekova\/web\/experiences\/river-cleanup\/poster\.png$/);
  const size = await page.evaluate(() => {
    const img = document.querySelector('img');
    return img && img.complete ? [img.naturalWidth, img.naturalHeight] : null;
  });
  assert.ok(size && size[0] > 0 && size[1] > 0, `the poster decodes (got ${size})`);
  assert.ok(size[0] <= 1600 && size[1] <= 1600, `the web size is at most 1600 px (got ${size})`);

  browser.watch.assertClean('while following links');
  await page.close();
});

test('the language switcher leads to the same page in Russian, English and back to Kazakh', async () => {
  const page = await browser.context.newPage();
  const experience = 'students/aruzhan-bekova/experiences/river-cleanup/index.html';
  await page.goto(url(staff, `kk/${experience}`));
  const switchTo = (lang) => page.locator(`.lang-switch a[hreflang="${lang}"]`);
  const steps = [
    ['ru', 'Рефлексии', 'Пять этапов CAS'],
    ['en', 'Reflections', 'The five CAS stages'],
    ['kk', 'Рефлексиялар', 'CAS-тың бес кезеңі'],
  ];
  for (const [lang, reflections, stages] of steps) {
    await follow(page, switchTo(lang), new RegExp(`/${lang}/${experience.replaceAll('.', '\\.')}$`));
    assert.equal(await page.locator('html').getAttribute('lang'), lang);
    assert.equal(await page.locator('#reflections-h').textContent(), reflections);
    assert.equal(await page.locator('#stages-h').textContent(), stages);
    assert.equal(await switchTo(lang).getAttribute('aria-current'), 'true');
    // The student's own words stay marked as Kazakh whatever the page's language.
    assert.equal(await page.locator('h1').getAttribute('lang'), 'kk');
  }
  browser.watch.assertClean('while switching languages');
  await page.close();
});

test('search finds a reflection by a word of its text, from the header box and as you type', async () => {
  const page = await browser.context.newPage();
  await page.goto(url(staff, 'en/students/amina-sultan/index.html'));

  // The header box submits to the search page, which searches on load.
  await page.locator('#q-top').fill('Baron');
  await Promise.all([page.waitForURL(/\/en\/search\.html\?q=Baron$/), page.locator('#q-top').press('Enter')]);
  const results = page.locator('#search-results li');
  await results.first().waitFor();
  assert.equal(await results.count(), 1);
  assert.equal(await page.locator('#search-status').textContent(), 'Found: 1');
  const hit = results.locator('a');
  assert.equal(await hit.textContent(), 'The dogs nobody picks');
  assert.equal(await results.locator('mark').first().textContent(), 'Baron');

  // Typing in the search page's own box updates the results as you type.
  await page.locator('#q').fill('');
  await page.locator('#q').pressSequentially('water pipe');
  await page.locator('#search-results a', { hasText: 'Minus thirty and a broken water pipe' }).waitFor();
  assert.equal(await results.count(), 1);

  await follow(page, page.locator('#search-results a'),
    /\/en\/students\/amina-sultan\/experiences\/animal-shelter\/2026-12-29-winter-at-the-shelter\.html$/);
  assert.equal(await page.locator('h1').textContent(), 'Minus thirty and a broken water pipe');
  browser.watch.assertClean('while searching');
  await page.close();
});

// One page of each type, in English (the UI language a reader of the
// screenshots most likely reads); Amina's portfolio is in English too.
const student = 'en/students/amina-sultan';
const pageTypes = [
  ['cohort', 'en/index.html', 'Cohort overview'],
  ['student', `${student}/index.html`, 'Amina Sultan'],
  ['experience', `${student}/experiences/charity-concert/index.html`, 'Spring for Karlygash: a charity concert'],
  ['reflection', `${student}/experiences/charity-concert/2027-04-11-concert-night.html`, 'Concert night and 684 500 tenge'],
  ['outcomes', `${student}/outcomes.html`, 'Learning outcomes'],
  ['timeline', `${student}/timeline.html`, 'Timeline'],
  ['interviews', `${student}/interviews.html`, 'CAS interviews'],
  ['social-gpa', `${student}/social-gpa.html`, 'Social GPA'],
  ['search', 'en/search.html?q=concert', 'Search'],
  ['print', `${student}/print.html`, 'Amina Sultan'],
  ['social-gpa-cohort', 'en/social-gpa/index.html', "Social GPA: the school's view"],
  ['protocol', 'en/social-gpa/protocol-11b-2026-12.html', 'Commission protocol: 11B, December 2026'],
  ['social-gpa-class', 'en/social-gpa/class-11b-2026-12.html', 'Class overview: 11B, December 2026'],
  ['social-gpa-parents', `${student}/social-gpa-parents.html`, 'Social GPA report: Amina Sultan'],
];
const staffOnly = new Set(['interviews', 'social-gpa', 'social-gpa-cohort', 'protocol', 'social-gpa-class', 'social-gpa-parents']);

for (const [siteName, publicBuild] of [['staff', false], ['public', true]]) {
  test(`every page type of the ${siteName} site passes axe-core, fits a phone, and is photographed at desktop and phone widths`, async () => {
    const site = publicBuild ? publicSite : staff;
    const page = await browser.context.newPage();
    const findings = [];
    for (const [type, path, heading] of pageTypes) {
      if (publicBuild && staffOnly.has(type)) continue;
      const [file, query] = path.split('?');
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(url(site, file) + (query ? `?${query}` : ''));
      const h1 = await page.locator('h1').allTextContents();
      assert.deepEqual(h1, [heading], `${type}: one h1`);
      if (type === 'search') await page.locator('#search-results li').first().waitFor();
      assert.deepEqual(await undecodedImages(page), [], `${type}: every image decodes`);

      const check = async (how) => {
        for (const v of await seriousViolations(page)) findings.push(`${siteName} ${type} (${how}): ${v}`);
      };
      await check('desktop, light');
      if (type === 'cohort' && !publicBuild) {
        // The student table fits its box at desktop width in every language: no column cut off.
        const other = await browser.context.newPage();
        await other.setViewportSize({ width: 1280, height: 900 });
        for (const lang of ['kk', 'ru', 'en']) {
          await other.goto(url(site, `${lang}/index.html`));
          const over = await other.evaluate(() => { const t = document.getElementById('students-table'); return t.scrollWidth - t.parentElement.clientWidth; });
          if (over > 0) findings.push(`${siteName} cohort (${lang}): the student table is ${over} px wider than its box at 1280 px`);
        }
        await other.close();
      }
      await page.screenshot({ path: join(artifacts, `${siteName}-${type}-desktop.png`), fullPage: true });
      await page.emulateMedia({ colorScheme: 'dark' });
      await check('desktop, dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await page.setViewportSize({ width: 390, height: 844 });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 390) findings.push(`${siteName} ${type}: ${width} px wide on a 390 px phone (only tables and charts may scroll sideways)`);
      await check('phone, light');
      await page.screenshot({ path: join(artifacts, `${siteName}-${type}-phone.png`), fullPage: true });
    }
    assert.deepEqual(findings, []);
    browser.watch.assertClean(`on the ${siteName} site's pages`);
    await page.close();
  });
}

// The whole portfolio on paper: Aruzhan's print page (five experiences, real
// photos and a poster) printed by Chromium to an A4 PDF, written to
// artifacts/. Each experience starts a page; no image is taller than a
// page's text area or drawn on two pages (cut by a page break).
test('the printable portfolio prints to an A4 PDF: a page per experience at least, no image cut across pages', async () => {
  const page = await browser.context.newPage();
  const home = url(staff, 'en/students/aruzhan-bekova/index.html');
  await page.goto(home);
  await follow(page, page.locator('a[href$="aruzhan-bekova/print.html"]'), /\/aruzhan-bekova\/print\.html$/);
  const experiences = await page.locator('section.print-experience').count();
  const images = await page.locator('img').count();
  assert.equal(experiences, 5);
  assert.ok(images >= 4, `${images} images on the print page`);
  assert.deepEqual(await undecodedImages(page), []);

  await page.emulateMedia({ media: 'print' });
  const layout = await page.evaluate(() => ({
    breaks: [...new Set([...document.querySelectorAll('section.print-experience')].map((s) => getComputedStyle(s).breakBefore))],
    tallest: Math.max(...[...document.images].map((i) => i.getBoundingClientRect().height)),
    splittable: [...document.images].filter((i) => getComputedStyle(i).breakInside !== 'avoid' &&
      getComputedStyle(i.closest('figure') ?? i).breakInside !== 'avoid').map((i) => i.getAttribute('src')),
    header: getComputedStyle(document.querySelector('.site-header')).display,
  }));
  assert.deepEqual(layout.breaks, ['page']);
  // A4's 297 mm less the theme's 16 mm margins, at 96 px per inch: 1001 px.
  assert.ok(layout.tallest <= 1001, `an image ${layout.tallest} px tall cannot fit on one page`);
  assert.deepEqual(layout.splittable, []);
  assert.equal(layout.header, 'none');

  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(join(artifacts, 'print-aruzhan-bekova-en.pdf'), pdf);
  const facts = pdfFacts(pdf);
  writeFileSync(join(artifacts, 'print-aruzhan-bekova-en.json'), JSON.stringify(facts) + '\n');
  // The cover and contents, then each experience on pages of its own, then the outcomes.
  assert.ok(facts.pages >= experiences + 2 && facts.pages <= 40, `${facts.pages} pages`);
  assert.ok(facts.images >= 3, `${facts.images} images in the PDF`);
  assert.ok(facts.imageUses <= images, `images drawn ${facts.imageUses} times for ${images} on the page: one is cut across pages`);
  browser.watch.assertClean('on the print page');
  await page.close();
});

// The commission's protocol of the sample social GPA class, printed by
// Chromium on A4: three students in Kazakh alphabetical order (Ә after А,
// never by points), the totals line, the members with signature lines, on
// one page.
test('the social GPA protocol prints to an A4 PDF: the class in alphabetical order, totals, signatures', async () => {
  const site = join(work, 'social-gpa');
  execFileSync(binary, ['build', join(repo, 'examples/social-gpa-class'), '--out', site, '--as-of', '2027-06-10'],
    { stdio: 'pipe' });
  const page = await browser.context.newPage();
  await page.goto(url(site, 'kk/social-gpa/index.html'));
  await follow(page, page.locator('#period-2026-12 a[href$="protocol-7a-2026-12.html"]'), /\/kk\/social-gpa\/protocol-7a-2026-12\.html$/);
  await page.emulateMedia({ media: 'print' });
  const rows = await page.locator('table.protocol-table tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim()).slice(0, 4)));
  assert.deepEqual(rows, [
    ['1', 'Арман Қасымов', '5', '1'],
    ['2', 'Әлия Ахметова', '3', '0,6'],
    ['3', 'Бекзат Нұрланов', '0', '0'],
  ]);
  assert.equal(await page.locator('.protocol-totals').textContent(), 'Оқушылар: 3. Расталды: 2, өзгертілді: 1, жоба: 0.');
  assert.equal(await page.locator('table.signatures tbody tr').count(), 4);
  assert.equal(await page.locator('.site-header').evaluate((e) => getComputedStyle(e).display), 'none');
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(join(artifacts, 'protocol-7a-2026-12-kk.pdf'), pdf);
  const facts = pdfFacts(pdf);
  assert.equal(facts.pages, 1, `${facts.pages} pages`);
  assert.deepEqual(await seriousViolations(page), []);
  browser.watch.assertClean('on the protocol page');

  // The report for a meeting with parents, from the student's social GPA page: on A4, without the
  // site's header, with both periods and the lines to sign, and no staff record.
  await page.emulateMedia({ media: 'screen' });
  await page.goto(url(site, 'ru/students/aliya-akhmetova/social-gpa.html'));
  await follow(page, page.locator('a[href$="social-gpa-parents.html"]'), /\/ru\/students\/aliya-akhmetova\/social-gpa-parents\.html$/);
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await page.locator('.gpa-period h2').allTextContents(), ['Декабрь 2026', 'Май 2027']);
  assert.equal(await page.locator('.gpa-parents-sign tbody tr').count(), 3);
  assert.equal(await page.locator('.site-header').evaluate((e) => getComputedStyle(e).display), 'none');
  assert.equal(await page.getByText('Анкета родителей').count(), 0);
  const report = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(join(artifacts, 'social-gpa-parents-aliya-ru.pdf'), report);
  assert.ok(pdfFacts(report).pages <= 4, `${pdfFacts(report).pages} pages`);  // two periods, each about a page and a half
  assert.deepEqual(await seriousViolations(page), []);
  browser.watch.assertClean('on the report for parents');
  await page.close();
});
