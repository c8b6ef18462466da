import path from 'path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

const taroEnv = process.env.TARO_ENV ?? 'weapp';

// NutUI ships its styles measured for a 375-wide design; our own styles use the usual 750.
function designWidth(input?: string | number | { file?: string }): number {
  const file = typeof input === 'object' ? (input.file ?? '').replace(/\\+/g, '/') : '';
  return file.includes('@nutui') ? 375 : 750;
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'wuye-yeweihui',
    date: '2025-11-22',
    designWidth,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    // One folder per platform so an H5 build never overwrites the mini-program and vice versa.
    outputRoot: `dist/${taroEnv}`,
    plugins: [],
    defineConstants: {
      // The CloudBase environment the mini-program talks to; empty means the devtools' default env.
      TCB_ENV: JSON.stringify(process.env.TCB_ENV ?? ''),
      // Subscribe-message template ids (see src/domain/alerts/templates.ts); the app asks for consent with them.
      // Keyed by env variable name; the config loader cannot import src/, so templates.ts maps key → variable.
      WX_TEMPLATE_IDS: JSON.stringify(Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('WX_TEMPLATE_')))),
    },
    alias: {
      '@domain': path.resolve(__dirname, '..', 'src/domain'),
      '@': path.resolve(__dirname, '..', 'src'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // Modules used only by subpackages stay in those subpackages, keeping the main package small.
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      webpackChain(chain) {
        // Every page is an async chunk, and Taro splits only the entry's modules ('initial'), so each of
        // the 27 pages embedded its own copy of Taro's H5 components and APIs (swiper, fetch polyfills,
        // NutUI…): 35–42 KB gzip again on every first visit to a page. One shared chunk instead, fetched
        // once with the first page and cached.
        const splitChunks = chain.optimization.get('splitChunks');
        chain.optimization.splitChunks({
          ...splitChunks,
          cacheGroups: {
            ...splitChunks.cacheGroups,
            pagesLib: {
              name: 'pages-lib',
              test: /[\\/]node_modules[\\/]/,
              chunks: 'async',
              minChunks: 2,
              priority: 200,
              enforce: true,
              reuseExistingChunk: true,
            },
          },
        });
      },
      publicPath: '/',
      staticDirectory: 'static',
      // Hash routing lets the local host serve dist/h5 as plain static files.
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
