import type { UserConfigExport } from '@tarojs/cli';

// `taro build --watch` (development). Readable output; no extra minification work.
export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
