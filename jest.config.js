// Unit, integration and contract tests. Browser tests have their own config (jest.browser.config.js).
/** @type {import('jest').Config} */
const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  moduleNameMapper: {
    '^@domain/(.*)$': '<rootDir>/src/domain/$1',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json', isolatedModules: true, diagnostics: false }],
  },
};
module.exports = {
  projects: [
    { ...common, displayName: 'domain', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...common, displayName: 'functions', testMatch: ['<rootDir>/test/integration/**/*.test.ts', '<rootDir>/test/contract/**/*.test.ts'] },
  ],
};
