import { resolve } from 'node:path';

import { defineConfig, type UserConfigExport } from '@tarojs/cli';

import devConfig from './dev';
import prodConfig from './prod';

/**
 * One config for both targets. Output goes to dist/<TARO_ENV> so the weapp and h5 builds never
 * overwrite each other (project.config.json points WeChat DevTools at dist/weapp/, the local
 * runtime serves dist/h5).
 */
/** Core modules outside `src` that the app imports at run time (not only their types): compiled like `src`. */
const SHARED_CORE = resolve(__dirname, '..', 'cloudfunctions', 'core');

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'hulian',
    date: '2026-11-28',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    // Deliberately a file that does not exist, so Taro writes no dist/weapp/project.config.json: its copy
    // keeps `cloudfunctionRoot: "dist/functions/"`, wrong from inside dist/weapp. WeChat DevTools opens
    // the repository root, whose project.config.json names both dist/weapp/ and dist/functions/ (README).
    projectConfigName: 'project.config.weapp-copy.json',
    plugins: [],
    // Taro only forwards TARO_APP_* from .env files; the CloudBase env id comes from the shell/CI,
    // so pass it through explicitly. Empty means "the default environment" in Taro.cloud.init.
    // The Official Account portal (h5): its AppID and where its functions answer (adapters/wechat/oa-config.ts);
    // unset, the h5 build is the local runtime's, with the dev Official Account and /api/functions.
    env: {
      TARO_APP_CLOUD_ENV: JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
      TARO_APP_OA_APPID: JSON.stringify(process.env.TARO_APP_OA_APPID ?? ''),
      TARO_APP_PORTAL_API: JSON.stringify(process.env.TARO_APP_PORTAL_API ?? ''),
    },
    defineConstants: {},
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    mini: {
      // shared rules the mini program imports from core (e.g. the one mainland-mobile pattern) are TS too
      compile: { include: [SHARED_CORE] },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile: { include: [SHARED_CORE] },
      publicPath: '/',
      staticDirectory: 'static',
      // Hash routing: the local runtime serves dist/h5 as plain files with no SPA fallback needed.
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      // A real budget instead of webpack's generic 244 KiB warning (React + Taro runtime alone is ~300 KiB).
      webpackChain(chain) {
        chain.performance.maxEntrypointSize(450 * 1024).maxAssetSize(350 * 1024);
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig);
  return merge({}, baseConfig, prodConfig);
});
