import type { Browser, Page } from 'playwright-core';
import { launchBrowser, startRuntimeProcess, type RuntimeProcess } from './support/harness';
import { contrastFailures } from './support/contrast';
import { CONSOLE_STOPS, MINI_PROGRAM_STOPS, pageInLocale, signInConsole, type Stop, visit } from './support/tour';

/** WCAG AA for every control on every page, on a phone-sized screen (375 px), in both languages. */
describe('readable controls at 375 px', () => {
  let rt: RuntimeProcess;
  let browser: Browser;
  beforeAll(async () => {
    // self-registration on, so the registration form is a page a visitor can reach
    rt = await startRuntimeProcess();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await rt?.stop();
  });

  async function failuresOn(page: Page, stops: Stop[]): Promise<string[]> {
    const out: string[] = [];
    for (const stop of stops) {
      await visit(page, rt.url, stop);
      for (const f of await contrastFailures(page)) out.push(`${stop.name}: "${f.text}" ${f.ratio}:1 < ${f.needed}:1 (${f.color} on ${f.background}) at ${f.where}`);
    }
    return out;
  }

  test('given white on WeChat green and a disabled grey, then the check reports both (it can fail)', async () => {
    const page = await browser.newPage();
    await page.setContent('<button style="background:#07c160;color:#fff;font-size:14px">登录</button><button disabled style="background:#f7f7f7;color:rgba(0,0,0,.3)">发送</button><button style="background:#07803f;color:#fff">好</button>');
    expect((await contrastFailures(page)).map((f) => f.text)).toEqual(['登录', '发送']);
    await page.close();
  });

  test.each(['zh-CN', 'en'])('given the mini program in %s, when every page is walked, then no control is below its contrast ratio', async (locale) => {
    const page = await pageInLocale(browser, 'mini-program', locale);
    expect(await failuresOn(page, MINI_PROGRAM_STOPS)).toEqual([]);
    await page.context().close();
  });

  test.each(['zh-CN', 'en'])('given the console in %s, when every page is walked, then no control is below its contrast ratio', async (locale) => {
    const page = await pageInLocale(browser, 'console', locale);
    await signInConsole(page, rt.url, rt.adminPassword);
    expect(await failuresOn(page, CONSOLE_STOPS)).toEqual([]);
    await page.context().close();
  });
});
