/**
 * jsdom stands in for the h5 build. Taro's DefinePlugin normally injects these build-time globals;
 * without them the runtime throws (e.g. `DEPRECATED_ADAPTER_COMPONENT is not defined`).
 */
process.env.TARO_ENV = 'h5';
process.env.TARO_PLATFORM = 'web';

Object.assign(globalThis, {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: true,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  ENABLE_MUTATION_OBSERVER: true,
  DEPRECATED_ADAPTER_COMPONENT: false,
  SUPPORT_DINGTALK_NAVIGATE: 'disabled',
  SUPPORT_TARO_POLYFILL: 'disabled',
});
