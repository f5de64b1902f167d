/**
 * Stand-in for `@tarojs/taro` in jest. In real h5 builds babel-plugin-transform-taroapi rewrites
 * `Taro.x` into named imports from @tarojs/taro-h5; here we expose every named API on the default
 * export instead (so `jest.spyOn(Taro, 'navigateTo')` works). The real React hooks need the app
 * created by createReactApp(), so page hooks are replaced by plain equivalents.
 */
const h5 = require('@tarojs/taro-h5');

const { Current } = h5;
const base = h5.default || {};
const Taro = Object.assign({}, base, h5);
delete Taro.default;

/** Tests set `Current.router = { params: {...} }` to open a page with query parameters. */
const useRouter = () => Current.router || { params: {}, path: '' };
const noop = () => undefined;
const hooks = {
  useRouter,
  useLaunch: noop,
  useDidShow: noop,
  useDidHide: noop,
  useLoad: noop,
  useReady: noop,
  useUnload: noop,
  usePullDownRefresh: noop,
  useReachBottom: noop,
  usePageScroll: noop,
  useShareAppMessage: noop,
};
Object.assign(Taro, hooks);

module.exports = Object.assign({}, Taro, { __esModule: true, default: Taro });
