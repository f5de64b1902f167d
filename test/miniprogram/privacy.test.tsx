import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';

import { PRIVACY_AGREE_ID, PrivacyPopup } from '../../src/components/PrivacyPopup';
import { setLocale } from '../../src/i18n';

import { byId } from './support/render';

type Resolve = (option: { event: string; buttonId?: string }) => void;
type Listener = (resolve: Resolve) => void;

/** WeChat's side of the privacy check: it holds the phone button and asks the listener the page registered. */
function wechatPrivacy() {
  const listeners: Listener[] = [];
  const answers: Array<{ event: string; buttonId?: string }> = [];
  (Taro as unknown as { onNeedPrivacyAuthorization: (l: Listener) => void }).onNeedPrivacyAuthorization = (l) => void listeners.push(l);
  return { listeners, answers, tapPhoneButton: () => act(() => listeners.forEach((l) => l((o) => void answers.push(o)))) };
}

const env = process.env.TARO_ENV;
beforeEach(() => {
  setLocale('zh-CN');
  process.env.TARO_ENV = 'weapp';
});
afterEach(() => {
  process.env.TARO_ENV = env;
  delete (Taro as unknown as Record<string, unknown>)['onNeedPrivacyAuthorization'];
});

describe('privacy flow before the phone number button', () => {
  it('given the app config, then WeChat checks privacy consent before privacy-declared components', () => {
    // app.config.ts runs in Taro's build, where defineAppConfig is a global
    (globalThis as unknown as { defineAppConfig: (c: unknown) => unknown }).defineAppConfig = (c) => c;
    const config = (require('../../src/app.config') as { default: Record<string, unknown> }).default;
    expect(config['__usePrivacyCheck__']).toBe(true);
  });

  it('given WeChat asks for consent when the phone button is tapped, when the person agrees, then the popup answers agree with its agree button and closes', async () => {
    const wx = wechatPrivacy();
    const { container } = render(<PrivacyPopup />);
    expect(byId(container, 'privacy-popup')).toBeNull();
    expect(wx.listeners).toHaveLength(1);
    wx.tapPhoneButton();
    await waitFor(() => expect(byId(container, 'privacy-popup')).not.toBeNull());
    expect(container.textContent).toContain('用户隐私保护指引');
    expect(wx.answers).toEqual([{ event: 'exposureAuthorization' }]);
    const agree = byId(container, PRIVACY_AGREE_ID)!;
    expect(agree.getAttribute('open-type') ?? (agree as unknown as { openType?: string }).openType).toBe('agreePrivacyAuthorization');
    act(() => {
      agree.dispatchEvent(new CustomEvent('agreeprivacyauthorization', { bubbles: true }));
    });
    await waitFor(() => expect(byId(container, 'privacy-popup')).toBeNull());
    expect(wx.answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'agree', buttonId: PRIVACY_AGREE_ID }]);
  });

  it('given the popup, when the person declines, then WeChat is told disagree and nothing is agreed', async () => {
    const wx = wechatPrivacy();
    const { container } = render(<PrivacyPopup />);
    wx.tapPhoneButton();
    await waitFor(() => expect(byId(container, 'privacy-disagree')).not.toBeNull());
    fireEvent.click(byId(container, 'privacy-disagree')!);
    await waitFor(() => expect(byId(container, 'privacy-popup')).toBeNull());
    expect(wx.answers).toEqual([{ event: 'exposureAuthorization' }, { event: 'disagree' }]);
  });
});
