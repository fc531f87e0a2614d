import { jestConfig } from '../../jest.base.js';

const base = jestConfig({ tsx: true, swc: { transform: { react: { runtime: 'automatic' } } } });

/** Unit tests (test/) and the browser suite (e2e/). */
export default {
  ...base,
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/src/$1', ...base.moduleNameMapper },
  testMatch: ['<rootDir>/test/**/*.spec.ts', '<rootDir>/e2e/**/*.spec.ts'],
  // As the api's suite: a fresh database per run on the PostgreSQL that DATABASE_URL names.
  globalSetup: '@todo-chatbot/testing/global-setup',
  globalTeardown: '@todo-chatbot/testing/global-teardown',
  testTimeout: 120000,
};
