// Shared by the browser tests: where casfolio and Chromium are, how Chromium
// is started, and a watch over a browser context that collects every console
// error, page error, failed request and request leaving file://.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = resolve(here, '..', '..');
export const binary = process.env.CASFOLIO_BINARY ?? join(repo, 'build-test', 'casfolio');
export const chromiumPath = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const artifacts = join(here, 'artifacts');
export const asOf = '2027-06-15';

const axeSource = readFileSync(join(here, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export function checkTools() {
  assert.ok(existsSync(binary), `no casfolio at ${binary}: build it, or set CASFOLIO_BINARY`);
  assert.ok(existsSync(chromiumPath), `no Chromium at ${chromiumPath}: install Debian's chromium, or set CHROMIUM`);
}

// Debian's Chromium, headless, with nothing that phones home, and a fresh
// profile that is removed on close().
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'casfolio-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
    locale: 'en-GB',
    timezoneId: 'Asia/Almaty',
  });
  const watch = await watchContext(context);
  return {
    context, watch,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// Every problem any page of `context` has: console errors (a CSP violation is
// one), uncaught exceptions, requests that failed (a missing file), and any
// request whose scheme is not file:, data: or blob: (it is aborted, so the
// test cannot reach the network even by mistake).
async function watchContext(context) {
  const problems = [];
  const offsite = [];
  const local = (url) => ['file:', 'data:', 'blob:'].includes(url.protocol) || url.href === 'about:blank';
  await context.route((url) => !local(url), (route) => {
    offsite.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  context.on('request', (r) => {
    if (!local(new URL(r.url()))) offsite.push(r.url());
  });
  context.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error on ${m.page()?.url()}: ${m.text()}`);
  });
  context.on('weberror', (e) => problems.push(`uncaught on ${e.page()?.url()}: ${e.error()}`));
  context.on('requestfailed', (r) => {
    const error = r.failure()?.errorText ?? '';
    // A load cut short by leaving the page is not a fault of the site.
    if (error === 'net::ERR_ABORTED' && local(new URL(r.url()))) return;
    problems.push(`request failed: ${r.url()} (${error})`);
  });
  return {
    problems, offsite,
    // Asserts nothing went wrong since the last check, then starts afresh.
    assertClean(where) {
      const seen = { problems: [...problems], offsite: [...new Set(offsite)] };
      problems.length = 0;
      offsite.length = 0;
      assert.deepEqual(seen, { problems: [], offsite: [] }, `problems ${where}`);
    },
  };
}

// Makes lazy images load, waits until every image has loaded, and returns
// the src of each image that did not decode.
export async function undecodedImages(page) {
  return page.evaluate(async () => {
    const images = [...document.images];
    for (const img of images) img.loading = 'eager';
    await Promise.all(images.map((img) => img.decode().catch(() => {})));
    return images.filter((img) => !(img.complete && img.naturalWidth > 0)).map((img) => img.getAttribute('src'));
  });
}

// axe-core's serious and critical violations on the page as it is now, one
// line each: rule, what it asks, and up to three offending elements. axe is
// evaluated through the DevTools protocol, which the page's CSP does not
// govern, so the page is tested with its CSP intact.
export async function seriousViolations(page) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // No preload: axe would fetch the style sheets with XMLHttpRequest, which
    // file:// refuses (and which would count as failed requests).
    const result = await window.axe.run(document, { resultTypes: ['violations'], preload: false });
    return result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.split('\n').slice(1, 2).join('').trim()})` : ''}`),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.length} element(s): ${v.nodes.slice(0, 3).join('; ')}`);
}

// Clicks the link and waits until the page whose URL matches `target` has
// loaded.
export async function follow(page, link, target) {
  await link.scrollIntoViewIfNeeded();
  await Promise.all([page.waitForURL(target), link.click()]);
}

// What a PDF that Chromium printed holds: its pages, and on how many pages
// each image is drawn (`imageUses`, summed over images). Chromium (Skia)
// writes plain objects, one page dictionary each with its resources inline,
// and draws one image object wherever the image appears: an image cut
// across a page break is drawn on both pages, so it counts twice.
export function pdfFacts(pdf) {
  const text = pdf.toString('latin1');
  const objects = new Map();
  for (const m of text.matchAll(/(\d+) 0 obj([\s\S]*?)endobj/g)) objects.set(Number(m[1]), m[2]);
  const images = new Set([...objects].filter(([, body]) => /\/Subtype\s*\/Image/.test(body)).map(([n]) => n));
  const refs = (body) => {
    const m = /\/XObject\s*<<([\s\S]*?)>>/.exec(body ?? '');
    return m ? [...m[1].matchAll(/(\d+) 0 R/g)].map((r) => Number(r[1])) : [];
  };
  let pages = 0;
  let imageUses = 0;
  for (const body of objects.values()) {
    if (!/\/Type\s*\/Page[^s]/.test(body)) continue;
    ++pages;
    const drawn = new Set();
    for (const r of refs(body)) {
      if (images.has(r)) drawn.add(r);
      else for (const inner of refs(objects.get(r))) if (images.has(inner)) drawn.add(inner);  // an image inside a form
    }
    imageUses += drawn.size;
  }
  return { pages, images: images.size, imageUses };
}
