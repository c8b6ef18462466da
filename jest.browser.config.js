// Browser tests: the built H5 app on the local host, driven by Chromium. Run with `npm run test:browser`.
/** @type {import('jest').Config} */
module.exports = {
  displayName: 'browser',
  preset: 'ts-jest',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/browser/**/*.browser.test.ts'],
  moduleNameMapper: {
    '^@domain/(.*)$': '<rootDir>/src/domain/$1',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', isolatedModules: true, diagnostics: false }],
  },
  // A cold H5 build on a 2-core machine takes a minute or two; page steps wait on real rendering.
  testTimeout: 120_000,
  slowTestThreshold: 60,
};
