import { act, fireEvent, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';

import { setLocale } from '../../src/i18n';
import Index from '../../src/pages/index/index';
import DevicesPage from '../../src/packages/records/devices/index';
import WorkOrdersPage from '../../src/packages/records/work-orders/index';
import NewWorkOrderPage from '../../src/packages/records/work-order-new/index';
import WorkOrderPage from '../../src/packages/records/work-order/index';
import ServiceRequestPage from '../../src/packages/records/service-request/index';

import { articles, fail, guestSession, installFakeBackend, ok } from './support/fake-backend';
import { device, guestWithRequests, readOnlyUser, terminalUser, workOrder } from './support/records-fixtures';
import { byId, renderPage } from './support/render';

const text = (el: Element | null) => el?.textContent?.trim();

let navigateTo: jest.SpyInstance;
let redirectTo: jest.SpyInstance;

beforeEach(() => {
  localStorage.clear();
  setLocale('zh-CN');
  Taro.Current.router = { params: {}, path: '/' } as typeof Taro.Current.router;
  navigateTo = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' });
  redirectTo = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' });
  jest.spyOn(Taro, 'setNavigationBarTitle').mockResolvedValue({ errMsg: 'setNavigationBarTitle:ok' });
});

afterEach(() => jest.restoreAllMocks());

function open(page: JSX.Element, params: Record<string, string> = {}) {
  Taro.Current.router = { params, path: '/' } as typeof Taro.Current.router;
  return renderPage(page).container;
}

/** Types into a Taro Input/Textarea the way a person does (its inner element fires `input`). */
async function type(container: HTMLElement, id: string, value: string) {
  // Stencil renders the inner element asynchronously after the host appears.
  const inner = await waitFor(() => {
    const el = byId(container, id)?.querySelector('input, textarea');
    if (!el) throw new Error(`#${id} has no input yet`);
    return el;
  });
  fireEvent.input(inner, { target: { value } });
}

describe('home page service entries', () => {
  it('given a terminal user, then devices, work orders and service requests are offered and lead to their pages', async () => {
    installFakeBackend({ 'auth.login': ok(terminalUser), 'records.list': ok({ items: articles }) });
    const page = open(<Index />);
    await waitFor(() => expect(byId(page, 'service-entries')).not.toBeNull());
    expect(byId(page, 'entry-devices')).not.toBeNull();
    expect(byId(page, 'entry-service-request')).not.toBeNull();
    fireEvent.click(byId(page, 'entry-work-orders')!);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/records/work-orders/index' });
  });

  it('given a guest whose roles allow public devices and service requests, then work orders are not offered', async () => {
    installFakeBackend({ 'auth.login': ok(guestWithRequests), 'records.list': ok({ items: articles }) });
    const page = open(<Index />);
    await waitFor(() => expect(byId(page, 'entry-service-request')).not.toBeNull());
    expect(byId(page, 'entry-devices')).not.toBeNull();
    expect(byId(page, 'entry-work-orders')).toBeNull();
  });

  it('given a session whose roles allow none of it, then no entries at all', async () => {
    installFakeBackend({ 'auth.login': ok(guestSession), 'records.list': ok({ items: articles }) });
    const page = open(<Index />);
    await waitFor(() => expect(byId(page, 'session-loading')).toBeNull());
    expect(byId(page, 'service-entries')).toBeNull();
  });
});

describe('devices page', () => {
  it('given devices, when the page opens, then it shows a loading state, then the devices with their status', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    installFakeBackend({ 'auth.login': ok(terminalUser), 'records.list': ok({ items: [device(1), device(2, { status: 'maintenance', location: '二号车间' })] }) });
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (...args: Parameters<typeof fetch>) => {
      if (String(args[0]).includes('/records')) await gate;
      return realFetch(...args);
    }) as typeof fetch;
    const page = open(<DevicesPage />);
    await waitFor(() => expect(byId(page, 'devices-loading')).not.toBeNull());
    await act(async () => release());
    await waitFor(() => expect(page.querySelectorAll('.device-item')).toHaveLength(2));
    expect(Array.from(page.querySelectorAll('.device-name'), text)).toEqual(['设备 1', '设备 2']);
    expect(text(page.querySelectorAll('.device-item')[1])).toContain('维护中');
    fireEvent.click(page.querySelectorAll('.device-item')[0]);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/records/device/index?id=dev_1' });
  });

  it('given no devices, then the empty state', async () => {
    installFakeBackend({ 'auth.login': ok(terminalUser), 'records.list': ok({ items: [] }) });
    const page = open(<DevicesPage />);
    await waitFor(() => expect(byId(page, 'devices-empty')).not.toBeNull());
  });

  it('given the list fails, then the server message and a retry that loads again', async () => {
    let calls = 0;
    installFakeBackend({ 'auth.login': ok(terminalUser), 'records.list': () => (++calls === 1 ? fail('internal', '服务暂时不可用', 500) : ok({ items: [device(1)] })) });
    const page = open(<DevicesPage />);
    await waitFor(() => expect(text(byId(page, 'devices-error'))).toContain('服务暂时不可用'));
    fireEvent.click(byId(page, 'devices-error')!.querySelector('taro-button-core, button')!);
    await waitFor(() => expect(page.querySelectorAll('.device-item')).toHaveLength(1));
  });

  it('given more than a page, when "load more" is tapped, then the next page is appended using the cursor', async () => {
    const backend = installFakeBackend({
      'auth.login': ok(terminalUser),
      'records.list': (data) => ((data as { cursor?: string }).cursor === 'c2' ? ok({ items: [device(3)] }) : ok({ items: [device(1), device(2)], nextCursor: 'c2' })),
    });
    const page = open(<DevicesPage />);
    await waitFor(() => expect(byId(page, 'load-more')).not.toBeNull());
    fireEvent.click(byId(page, 'load-more')!);
    await waitFor(() => expect(page.querySelectorAll('.device-item')).toHaveLength(3));
    expect(byId(page, 'load-more')).toBeNull();
    expect(backend.callsTo('records.list').map((c) => (c.body.data as { cursor?: string }).cursor)).toEqual([undefined, 'c2']);
  });
});

describe('work orders list', () => {
  it('given a user who may not file work orders, then "new" is not offered but their list is shown', async () => {
    installFakeBackend({ 'auth.login': ok(readOnlyUser), 'records.list': ok({ items: [workOrder(1, { mine: false, createdByName: '李四' })] }) });
    const page = open(<WorkOrdersPage />);
    await waitFor(() => expect(page.querySelectorAll('.wo-item')).toHaveLength(1));
    expect(byId(page, 'wo-new')).toBeNull();
    expect(text(page.querySelector('.wo-item'))).toContain('李四');
  });

  it('given the caller must register first, then the login prompt leads to the registration entry', async () => {
    installFakeBackend({ 'auth.login': ok(terminalUser), 'records.list': fail('registration/required', '请先完成注册', 409) });
    const page = open(<WorkOrdersPage />);
    await waitFor(() => expect(byId(page, 'login-prompt')).not.toBeNull());
    fireEvent.click(byId(page, 'login-prompt-go')!);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/register/pages/form/index' });
  });

  it('given a user who may file, then "new" opens the form', async () => {
    installFakeBackend({ 'auth.login': ok(terminalUser), 'records.list': ok({ items: [] }) });
    const page = open(<WorkOrdersPage />);
    await waitFor(() => expect(byId(page, 'wo-empty')).not.toBeNull());
    fireEvent.click(byId(page, 'wo-new')!);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/records/work-order-new/index' });
  });
});

describe('new work order form', () => {
  const devicesRoute = ok({ items: [device(1), device(2)] });

  it('given a filled form, when submitted, then records.create gets exactly the fields, and the new order opens', async () => {
    const backend = installFakeBackend({ 'auth.login': ok(terminalUser), 'records.list': devicesRoute, 'records.create': ok(workOrder(9)) });
    const page = open(<NewWorkOrderPage />);
    await waitFor(() => expect(byId(page, 'wo-device-dev_2')).not.toBeNull());
    await type(page, 'wo-title', '空压机异响');
    await type(page, 'wo-description', '启动后十分钟异响');
    fireEvent.click(byId(page, 'wo-priority-high')!);
    fireEvent.click(byId(page, 'wo-device-dev_2')!);
    fireEvent.click(byId(page, 'wo-submit')!);
    await waitFor(() => expect(redirectTo).toHaveBeenCalledWith({ url: '/packages/records/work-order/index?id=wo_9' }));
    expect(backend.callsTo('records.create')[0].body.data).toEqual({ object: 'workOrder', data: { title: '空压机异响', description: '启动后十分钟异响', priority: 'high', deviceId: 'dev_2' } });
  });

  it('given an empty title, then the form says so and nothing is sent', async () => {
    const backend = installFakeBackend({ 'auth.login': ok(terminalUser), 'records.list': devicesRoute });
    const page = open(<NewWorkOrderPage />);
    await waitFor(() => expect(byId(page, 'wo-submit')).not.toBeNull());
    await waitFor(() => expect(backend.callsTo('auth.login')).toHaveLength(1));
    fireEvent.click(byId(page, 'wo-submit')!);
    await waitFor(() => expect(text(byId(page, 'wo-form-error'))).toContain('标题'));
    expect(backend.callsTo('records.create')).toHaveLength(0);
  });

  it('given a device in the route (report from a device), then it is preselected', async () => {
    const backend = installFakeBackend({ 'auth.login': ok(terminalUser), 'records.list': devicesRoute, 'records.create': ok(workOrder(9)) });
    const page = open(<NewWorkOrderPage />, { deviceId: 'dev_1' });
    await waitFor(() => expect(byId(page, 'wo-device-dev_1')?.className).toContain('chip--on'));
    await type(page, 'wo-title', '异响');
    await type(page, 'wo-description', '描述');
    fireEvent.click(byId(page, 'wo-submit')!);
    await waitFor(() => expect(backend.callsTo('records.create')).toHaveLength(1));
    expect((backend.callsTo('records.create')[0].body.data as { data: { deviceId: string } }).data.deviceId).toBe('dev_1');
  });

  it('given the portal requires registration for work orders, when submitted, then a prompt leads to the registration entry', async () => {
    installFakeBackend({ 'auth.login': ok(terminalUser), 'records.list': devicesRoute, 'records.create': fail('registration/required', '请先完成注册', 409) });
    const page = open(<NewWorkOrderPage />);
    await waitFor(() => expect(byId(page, 'wo-submit')).not.toBeNull());
    await type(page, 'wo-title', '异响');
    await type(page, 'wo-description', '描述');
    fireEvent.click(byId(page, 'wo-submit')!);
    await waitFor(() => expect(byId(page, 'login-prompt')).not.toBeNull());
    fireEvent.click(byId(page, 'login-prompt-go')!);
    expect(navigateTo).toHaveBeenCalledWith({ url: '/packages/register/pages/form/index' });
    expect(redirectTo).not.toHaveBeenCalled();
  });

  it('given a user who may not file work orders, then the form is not offered', async () => {
    installFakeBackend({ 'auth.login': ok(readOnlyUser) });
    const page = open(<NewWorkOrderPage />);
    await waitFor(() => expect(byId(page, 'wo-form-denied')).not.toBeNull());
    expect(byId(page, 'wo-submit')).toBeNull();
  });
});

describe('work order detail', () => {
  it('given an open order of theirs, then it shows the status and cancelling moves it to cancelled', async () => {
    const backend = installFakeBackend({
      'auth.login': ok(terminalUser),
      'records.get': ok(workOrder(1, { deviceName: '一号空压机' })),
      'records.update': ok(workOrder(1, { status: 'cancelled', nextStatuses: [] })),
    });
    const page = open(<WorkOrderPage />, { id: 'wo_1' });
    await waitFor(() => expect(byId(page, 'wo-detail-status')?.getAttribute('data-status')).toBe('open'));
    expect(text(page)).toContain('一号空压机');
    expect(byId(page, 'wo-action-closed')).toBeNull();
    fireEvent.click(byId(page, 'wo-action-cancelled')!);
    await waitFor(() => expect(byId(page, 'wo-detail-status')?.getAttribute('data-status')).toBe('cancelled'));
    expect(text(byId(page, 'wo-detail-status'))).toBe('已撤销');
    expect(byId(page, 'wo-action-cancelled')).toBeNull();
    expect(backend.callsTo('records.update')[0].body.data).toEqual({ object: 'workOrder', id: 'wo_1', data: { status: 'cancelled' } });
  });

  it('given a resolved order, then accepting and reopening are offered', async () => {
    installFakeBackend({ 'auth.login': ok(terminalUser), 'records.get': ok(workOrder(1, { status: 'resolved', nextStatuses: ['closed', 'open'] })) });
    const page = open(<WorkOrderPage />, { id: 'wo_1' });
    await waitFor(() => expect(byId(page, 'wo-action-closed')).not.toBeNull());
    expect(byId(page, 'wo-action-open')).not.toBeNull();
  });

  it('given an order out of reach, then the server message', async () => {
    installFakeBackend({ 'auth.login': ok(terminalUser), 'records.get': fail('records/not-found', '记录不存在。', 404) });
    const page = open(<WorkOrderPage />, { id: 'wo_x' });
    await waitFor(() => expect(text(byId(page, 'wo-detail-error'))).toContain('记录不存在'));
  });
});

describe('service request form', () => {
  it('given a guest, then contact details are required before anything is sent, and a complete request is confirmed', async () => {
    const backend = installFakeBackend({ 'auth.login': ok(guestWithRequests), 'records.create': ok({ id: 'sr_1' }) });
    const page = open(<ServiceRequestPage />);
    await waitFor(() => expect(byId(page, 'sr-submit')).not.toBeNull());
    await waitFor(() => expect(backend.callsTo('auth.login')).toHaveLength(1));
    fireEvent.click(byId(page, 'sr-category-installation')!);
    await type(page, 'sr-subject', '新设备安装');
    await type(page, 'sr-description', '下周到货');
    fireEvent.click(byId(page, 'sr-submit')!);
    await waitFor(() => expect(text(byId(page, 'sr-form-error'))).toContain('联系'));
    expect(backend.callsTo('records.create')).toHaveLength(0);
    await type(page, 'sr-contact-name', '王先生');
    await type(page, 'sr-contact-phone', '13900000000');
    fireEvent.click(byId(page, 'sr-submit')!);
    await waitFor(() => expect(byId(page, 'sr-success')).not.toBeNull());
    expect(backend.callsTo('records.create')[0].body.data).toEqual({
      object: 'serviceRequest',
      data: { category: 'installation', subject: '新设备安装', description: '下周到货', contactName: '王先生', contactPhone: '13900000000' },
    });
  });

  it('given roles without service requests, then the form is not offered', async () => {
    installFakeBackend({ 'auth.login': ok(readOnlyUser) });
    const page = open(<ServiceRequestPage />);
    await waitFor(() => expect(byId(page, 'sr-denied')).not.toBeNull());
  });
});
