// One lint config for the app, the functions, the scripts and the tests (`npm run lint`, run by CI).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const NODE_BUILTINS = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'dns',
  'events',
  'fs',
  'http',
  'https',
  'net',
  'os',
  'path',
  'stream',
  'timers',
  'tls',
  'url',
  'util',
  'worker_threads',
  'zlib',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.data/**', 'lib/**', 'coverage/**', '.temp/**', '.swc/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // CommonJS config files (babel, jest) and lazy requires that keep the local runtime out of bundles.
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The domain is pure: no platform, no SDK, no Node, no clock. Everything it needs is passed in.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({ name, message: 'src/domain is pure: no Node built-ins.' })),
          patterns: [
            { group: ['node:*'], message: 'src/domain is pure: no Node built-ins.' },
            { group: ['@tarojs/*', '@nutui/*', 'react', 'react-dom', 'zustand'], message: 'src/domain is shared with the functions: no Taro, UI or React.' },
            { group: ['@cloudbase/*', 'wx-server-sdk', '@seald-io/*'], message: 'src/domain does no I/O: no CloudBase SDK or store.' },
            { group: ['**/cloudfunctions/**', '**/api/client', '**/stores/**'], message: 'src/domain depends on nothing outside it.' },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'src/domain never reads the clock: take `now` as an argument.',
        },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/domain never reads the clock: take `now` as an argument.' },
        { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: 'src/domain never reads the clock.' },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'src/domain reads no environment: pass settings in.' }],
    },
  },
);
