import type { Browser } from 'playwright-core';
import { launchBrowser, startRuntimeProcess, type RuntimeProcess } from './support/harness';
import { MINI_PROGRAM_STOPS, pageInLocale, visit } from './support/tour';
import { truncations } from './support/truncation';

/** No label cut off (hidden overflow, ellipsis) on any mini program page at 375 px, in both languages. */
describe('no truncated labels at 375 px', () => {
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

  test('given a label wider than its clipped box and one with an ellipsis, then the check reports both (it can fail)', async () => {
    const page = await browser.newPage();
    await page.setContent(
      '<div style="width:60px;overflow:hidden;white-space:nowrap">服务请求已经提交成功</div>' +
        '<span style="display:block;width:60px;overflow:hidden;white-space:nowrap;text-overflow:ellipsis">Service requests</span>' +
        '<div style="width:300px;overflow:hidden;white-space:nowrap">好</div>',
    );
    expect((await truncations(page)).map((t) => t.text)).toEqual(['服务请求已经提交成功', 'Service requests']);
    await page.close();
  });

  test.each(['zh-CN', 'en'])('given the mini program in %s, when every page is walked, then no visible text is cut off', async (locale) => {
    const page = await pageInLocale(browser, 'mini-program', locale);
    const out: string[] = [];
    for (const stop of MINI_PROGRAM_STOPS) {
      await visit(page, rt.url, stop);
      for (const t of await truncations(page)) out.push(`${stop.name}: "${t.text}" ${t.scroll} > ${t.client} px at ${t.where}`);
    }
    expect(out).toEqual([]);
    await page.context().close();
  });
});
