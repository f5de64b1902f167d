import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startRuntimeProcess, type RuntimeProcess } from './support/harness';
import { internalValues } from './support/internals';
import { CONSOLE_STOPS, MINI_PROGRAM_STOPS, pageInLocale, signInConsole, type Stop, visit } from './support/tour';

/** No ids, keys, field paths or JSON in front of people, on any page, in either language. */
describe('no internal values on any page', () => {
  let rt: RuntimeProcess;
  let browser: Browser;
  beforeAll(async () => {
    rt = await startRuntimeProcess();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  async function found(page: Page, stops: Stop[]): Promise<string[]> {
    const out: string[] = [];
    for (const stop of stops) {
      await visit(page, rt.url, stop);
      for (const v of await internalValues(page)) out.push(`${stop.name}: ${v.kind} "${v.text}" at ${v.where}`);
    }
    return out;
  }

  test('given a page that shows an id, a field path and JSON, then the scan finds all three (and not what is clipped away)', async () => {
    const page = await browser.newPage();
    await page.setContent('<p>用户 usr_0a1b2c3d 字段 data.contactPhone 原文 {"reason": "x"}</p><p style="position:absolute;width:1px;height:1px;overflow:hidden">acc_hidden01</p>');
    expect((await internalValues(page)).map((v) => v.kind).sort()).toEqual(['id', 'json', 'key']);
    await page.close();
  });

  test.each(['zh-CN', 'en'])('given the mini program in %s, when every page is read, then it shows no internal value', async (locale) => {
    const page = await pageInLocale(browser, 'mini-program', locale);
    expect(await found(page, MINI_PROGRAM_STOPS)).toEqual([]);
    await page.context().close();
  });

  test.each(['zh-CN', 'en'])('given the console in %s, when every page is read, then it shows no internal value', async (locale) => {
    const page = await pageInLocale(browser, 'console', locale, { width: 1440, height: 900 });
    await signInConsole(page, rt.url, rt.adminPassword);
    expect(await found(page, CONSOLE_STOPS)).toEqual([]);
    await page.context().close();
  });
});
