import { jestConfig } from '../../jest.base.js';

/** Nest needs decorator metadata; the suites share one PostgreSQL database created per run. */
export default jestConfig({
  swc: { parser: { decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true } },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
});
