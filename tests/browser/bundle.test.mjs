// A bundle opens in a browser with nothing installed: unzip a student's
// bundle, open site/index.html from file://, follow links to an experience
// and to an evidence image. Run with `node --test` in tests/browser/ after
// building; CASFOLIO_BINARY names the casfolio to use (default: the first
// of build-test/, build/ that has one).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const repo = resolve(import.meta.dirname, '..', '..');
const binary = process.env.CASFOLIO_BINARY ??
  ['build-test', 'build'].map((d) => join(repo, d, 'casfolio')).find((p) => existsSync(p));
const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';

test('an unzipped bundle opens from file:// and its links lead to an experience and an evidence image', async () => {
  assert.ok(binary, 'build casfolio first (or set CASFOLIO_BINARY)');
  const work = mkdtempSync(join(tmpdir(), 'casfolio-bundle-browser-'));
  const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
  try {
    execFileSync(binary, ['bundle', join(repo, 'content'), '--out', join(work, 'dist'), '--as-of', '2027-06-15']);
    execFileSync('unzip', ['-q', join(work, 'dist', 'aruzhan-bekova-cas-portfolio.zip'), '-d', join(work, 'unzipped')]);
    const site = join(work, 'unzipped', 'aruzhan-bekova-cas-portfolio', 'site');

    const page = await browser.newPage();
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(String(e)));
    const failed = [];
    page.on('requestfailed', (r) => failed.push(r.url()));

    // site/index.html leads to the student's home.
    await page.goto(pathToFileURL(join(site, 'index.html')).href);
    await page.waitForURL(/students\/aruzhan-bekova\/index\.html$/);
    await page.waitForLoadState('load');
    assert.match(await page.title(), /Аружан Бекова/);

    // An experience, by its link on the home page.
    await page.locator('a[href$="experiences/river-cleanup/index.html"]').first().click();
    await page.waitForURL(/experiences\/river-cleanup\/index\.html$/);
    const image = page.locator('img[src*="river.jpg"]').first();
    await image.waitFor();
    assert.ok(await image.evaluate((img) => img.complete && img.naturalWidth > 0), 'the evidence photo shows');

    // An evidence image, by its link.
    await page.locator('a[href$="poster.png"]').first().click();
    await page.waitForURL(/poster\.png$/);
    const shown = await page.evaluate(() => {
      const img = document.querySelector('img');
      return img ? img.naturalWidth : 0;
    });
    assert.ok(shown > 0, 'the poster opens as an image');

    assert.deepEqual(failed, []);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    rmSync(work, { recursive: true, force: true });
  }
});
