/** Projects: node (core, adapters, functions, server, contract and integration suites), jsdom (mini program pages), e2e (browser). */
const swc = ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } }];

module.exports = {
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/miniprogram/', '<rootDir>/test/e2e/'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      setupFilesAfterEnv: ['<rootDir>/test/support/setup.ts'],
    },
    {
      displayName: 'miniprogram',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/test/miniprogram'],
      testMatch: ['**/*.test.tsx', '**/*.test.ts'],
      transform: { '^.+\\.(m?js|jsx|ts|tsx)$': swc },
      transformIgnorePatterns: [
        '^(?!.*/node_modules/@tarojs/).*/node_modules/(?!(@stencil|swiper|ssr-window|dom7|lodash-es|tslib|classnames|query-string|decode-uri-component|split-on-first|filter-obj|universal-router|path-to-regexp|is-mobile|ics|jsonp-retry|dingtalk-jsapi|nanoid|runes2|yup|property-expr|tiny-case|toposort)/)',
      ],
      moduleNameMapper: {
        '^@tarojs/components$': '@tarojs/components/lib/react',
        '^@tarojs/taro$': '<rootDir>/test/miniprogram/support/taro-shim.js',
        '\\.(css|less|scss|sass)$': 'identity-obj-proxy',
      },
      setupFiles: ['<rootDir>/test/miniprogram/support/setup.js'],
    },
    {
      // Browser end-to-end suites: a real runtime process, the built h5 app and console, Debian's chromium.
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.e2e.ts'],
      transform: { '^.+\\.(t|j)sx?$': swc },
      setupFilesAfterEnv: ['<rootDir>/test/e2e/support/setup.ts'],
    },
  ],
};
