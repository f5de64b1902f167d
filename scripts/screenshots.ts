/**
 * `npm run screenshots`: every page of the mini program (h5 build) and of the console, in both languages,
 * at phone (375 px) and desktop (1280 px) width, as PNGs in `screenshots/` (gitignored) — to look at
 * before calling a page done. Builds what is stale first, runs its own runtime on a free port.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launchBrowser, startRuntimeProcess } from '../test/e2e/support/harness';
import { CONSOLE_STOPS, MINI_PROGRAM_STOPS, signInConsole, visit, type Stop } from '../test/e2e/support/tour';

const ROOT = resolve(__dirname, '..');
const OUT = join(ROOT, 'screenshots');
const WIDTHS = { phone: { width: 375, height: 812 }, desktop: { width: 1280, height: 800 } };
const LOCALES = ['zh-CN', 'en'] as const;

async function main() {
  const { ensureBuilds } = (await import('./lib.mjs')) as { ensureBuilds: (o?: { force?: boolean }) => void };
  ensureBuilds();
  mkdirSync(OUT, { recursive: true });
  const rt = await startRuntimeProcess();
  const browser = await launchBrowser();
  let count = 0;
  try {
    for (const locale of LOCALES) {
      for (const [size, viewport] of Object.entries(WIDTHS)) {
        const shoot = async (stops: Stop[], app: 'mp' | 'console') => {
          const context = await browser.newContext({ viewport, locale });
          const page = await context.newPage();
          await page.addInitScript(
            ([l, key]) => localStorage.setItem(key, key === 'hulian.locale' ? JSON.stringify({ data: l }) : l),
            [locale, app === 'mp' ? 'hulian.locale' : 'hulian.console.locale'] as const,
          );
          if (app === 'console') await signInConsole(page, rt.url, rt.adminPassword);
          for (const stop of stops) {
            try {
              await visit(page, rt.url, stop);
              await page.screenshot({ path: join(OUT, `${app === "mp" ? "mp-" : ""}${stop.name}-${locale}-${size}.png`), fullPage: true });
              count += 1;
            } catch (e) {
              console.error(`✖ ${app} ${stop.name} ${locale} ${size}: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
            }
          }
          await context.close();
        };
        await shoot(MINI_PROGRAM_STOPS, 'mp');
        await shoot(CONSOLE_STOPS, 'console');
      }
    }
  } finally {
    await browser.close();
    await rt.stop();
  }
  console.log(`✔ ${count} screenshots in ${OUT}`);
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
