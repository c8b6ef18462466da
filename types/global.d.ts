/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.gif';
declare module '*.jpg';
declare module '*.jpeg';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

/** CloudBase environment id, fixed at build time from `TCB_ENV` (see config/index.ts). */
declare const TCB_ENV: string;

/** Subscribe-message template ids by env variable name (`WX_TEMPLATE_*`), fixed at build time. */
declare const WX_TEMPLATE_IDS: Record<string, string>;

declare namespace NodeJS {
  interface ProcessEnv {
    /** The platform Taro is building for; left loose because scripts and tests share this tsconfig. */
    TARO_ENV?: 'weapp' | 'h5' | string;
    TCB_ENV?: string;
  }
}
