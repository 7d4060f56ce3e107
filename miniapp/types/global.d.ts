/// <reference types="@tarojs/taro" />

declare module '*.css';

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | 'swan' | 'alipay' | 'rn' | 'tt' | 'qq' | 'jd' | 'harmony' | 'jdrn';
    /** WeChat AppID written into dist/weapp/project.config.json (Taro reads it from .env files). */
    TARO_APP_ID?: string;
    /** 'true' only in the local h5 build: enables the dev sign-in page. Set in config/index.ts. */
    TARO_APP_LOCAL: 'true' | 'false';
    /** API origin without a trailing slash; '' means same origin. Set in config/index.ts. */
    TARO_APP_API_BASE: string;
  }
}
