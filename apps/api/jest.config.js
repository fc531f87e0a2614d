import { jestConfig } from '../../jest.base.js';

/** Nest needs decorator metadata; the suites share one PostgreSQL database created per run. */
export default jestConfig({
  swc: { parser: { decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true } },
  globalSetup: '@todo-chatbot/testing/global-setup',
  globalTeardown: '@todo-chatbot/testing/global-teardown',
  testTimeout: 60000,
});
