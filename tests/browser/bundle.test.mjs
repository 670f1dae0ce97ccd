// A bundle opens in a browser with nothing installed: unzip a student's
// bundle (the archive one and the --public one), open site/index.html from
// file://, follow links to an experience and to an evidence image. No page
// may log a console error, fail a request, make one outside file://, or link
// to a file the bundle does not hold.
//
// Run with `node --test` in tests/browser/ after building casfolio;
// CASFOLIO_BINARY names it (default: build-test/casfolio), CHROMIUM the
// browser (default: /usr/bin/chromium).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { asOf, binary, checkTools, follow, launch, repo, undecodedImages } from './harness.mjs';

let work, browser;

before(async () => {
  checkTools();
  work = mkdtempSync(join(tmpdir(), 'casfolio-bundle-browser-'));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

// Every file the page links to or loads (links, images, styles, scripts,
// media) that is not in the unzipped folder.
async function missingFiles(page) {
  const urls = await page.evaluate(() => [
    ...[...document.querySelectorAll('a[href], link[href]')].map((e) => e.href),
    ...[...document.querySelectorAll('img[src], script[src], source[src], video[src], audio[src]')].map((e) => e.src),
  ]);
  return [...new Set(urls.filter((u) => u.startsWith('file:')).map((u) => u.replace(/[?#].*$/, '')))]
    .filter((u) => !existsSync(fileURLToPath(u)));
}

for (const [kind, flags, zip] of [
  ['archive', [], 'aruzhan-bekova-cas-portfolio'],
  ['--public', ['--public'], 'aruzhan-bekova-cas-portfolio-public'],
]) {
  test(`an unzipped ${kind} bundle opens from file:// and leads to an experience and an evidence image`, async () => {
    const dist = join(work, `dist-${zip}`);
    const unzipped = join(work, `unzipped-${zip}`);
    execFileSync(binary, ['bundle', join(repo, 'content'), '--out', dist, '--as-of', asOf, ...flags], { stdio: 'pipe' });
    execFileSync('unzip', ['-q', join(dist, `${zip}.zip`), '-d', unzipped]);
    const site = join(unzipped, zip, 'site');
    const page = await browser.context.newPage();
    const h1 = page.locator('h1');

    // site/index.html is the student's home, or leads there.
    await page.goto(pathToFileURL(join(site, 'index.html')).href);
    if (!(await page.locator('body.page-student').count())) {
      await follow(page, page.locator('a[href$="students/aruzhan-bekova/index.html"]').first(),
        /\/students\/aruzhan-bekova\/index\.html$/);
    }
    assert.equal(await h1.textContent(), 'Аружан Бекова');
    assert.match(await page.title(), /^Аружан Бекова · /);
    assert.deepEqual(await undecodedImages(page), [], 'every image of the home decodes');
    assert.deepEqual(await missingFiles(page), [], 'the student home links only to files in the bundle');

    await follow(page, page.locator('.experience-cards a[href$="experiences/river-cleanup/index.html"]'),
      /\/experiences\/river-cleanup\/index\.html$/);
    assert.equal(await h1.textContent(), '«Таза Есіл»: өзен жағалауын тазарту жобасы');
    assert.equal(await page.locator('.prose img[src$="web/experiences/river-cleanup/river.jpg"]').count(), 1);
    assert.deepEqual(await undecodedImages(page), [], 'every image of the experience decodes');
    assert.deepEqual(await missingFiles(page), [], 'the experience links only to files in the bundle');

    await follow(page, page.locator('.gallery a:has(img[src$="thumb/experiences/river-cleanup/poster.png"])'),
      /\/media\/aruzhan-bekova\/web\/experiences\/river-cleanup\/poster\.png$/);
    assert.ok(page.url().startsWith(pathToFileURL(site).href), `the poster is inside the bundle (${page.url()})`);
    assert.ok(await page.evaluate(() => document.images.length === 1 && document.images[0].naturalWidth > 0),
      'the poster opens as an image');

    browser.watch.assertClean(`in the ${kind} bundle`);
    await page.close();
  });
}
