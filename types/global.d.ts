/// <reference types="@tarojs/taro" />

declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    /**
     * Set by the Taro CLI from `--type` and replaced by a literal at build time. Optional because
     * this file also types server/bench code, where env objects are built without it.
     */
    TARO_ENV?: 'weapp' | 'h5' | 'swan' | 'alipay' | 'tt' | 'qq' | 'jd' | 'harmony' | 'rn';
    /** CloudBase environment id for Taro.cloud.init; injected from the build environment, never committed. */
    TARO_APP_CLOUD_ENV?: string;
  }
}
