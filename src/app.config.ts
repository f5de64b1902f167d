/**
 * Main package: only what the first screen needs (WeChat caps the main package at 2 MB).
 * Heavy flows go to subpackages: append e.g. `{ root: 'packages/register', pages: ['index/index'] }`
 * to SUB_PACKAGES; Taro then emits them outside the main package.
 */
const MAIN_PAGES = ['pages/index/index', 'pages/article/index', 'pages/login/index'];

const SUB_PACKAGES: NonNullable<Taro.AppConfig['subPackages']> = [];

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
});
