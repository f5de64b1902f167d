/**
 * Main package: only what the first screen needs (WeChat caps the main package at 2 MB).
 * Heavy flows go to subpackages: append e.g. `{ root: 'packages/register', pages: ['index/index'] }`
 * to SUB_PACKAGES; Taro then emits them outside the main package.
 */
const MAIN_PAGES = ['pages/index/index', 'pages/article/index', 'pages/login/index'];

const SUB_PACKAGES: NonNullable<Taro.AppConfig['subPackages']> = [
  // devices, work orders, service requests (issue 3)
  { root: 'packages/records', pages: ['devices/index', 'device/index', 'work-orders/index', 'work-order/index', 'work-order-new/index', 'service-request/index'] },
  // self-registration: the form rendered from the method's layout (issue 4)
  { root: 'packages/register', pages: ['pages/form/index'] },
  // "My" pages: notifications, my registration, my service requests, my bindings (issue 15)
  { root: 'packages/me', pages: ['notifications/index', 'registration/index', 'requests/index', 'bindings/index'] },
  // the service terms and the privacy policy the consent lines link to (issue 15)
  { root: 'packages/legal', pages: ['terms/index', 'privacy/index'] },
];

export default defineAppConfig({
  pages: MAIN_PAGES,
  ...(SUB_PACKAGES.length > 0 ? { subPackages: SUB_PACKAGES } : {}),
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '互联',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
  },
  // Inject only the components a page uses: faster start, smaller runtime cost.
  lazyCodeLoading: 'requiredComponents',
  // WeChat's privacy check: the phone number button waits for consent to the privacy guide (PrivacyPopup)
  ...({ __usePrivacyCheck__: true } as Record<string, unknown>),
});
