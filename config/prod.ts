import type { UserConfigExport } from '@tarojs/cli';

// Production builds: Taro minifies JS (terser) and CSS by default; nothing to add yet. The weapp
// main package size is tracked by `npm run bench`, not here.
export default {
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
