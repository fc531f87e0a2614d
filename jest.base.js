/**
 * What every workspace's jest config shares: TypeScript through SWC, run as native ESM
 * (node --experimental-vm-modules), `.js` import suffixes mapped back to the sources.
 * `swc` takes extra SWC options (decorators for Nest, TSX for React).
 */
export function jestConfig({ swc = {}, tsx = false, ...overrides } = {}) {
  const parser = { syntax: 'typescript', ...(tsx ? { tsx: true } : {}), ...(swc.parser ?? {}) };
  return {
    testEnvironment: 'node',
    extensionsToTreatAsEsm: tsx ? ['.ts', '.tsx'] : ['.ts'],
    transform: {
      [tsx ? '^.+\\.tsx?$' : '^.+\\.ts$']: [
        '@swc/jest',
        { jsc: { target: 'es2023', ...swc, parser }, module: { type: 'es6' } },
      ],
    },
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    testMatch: ['<rootDir>/test/**/*.spec.ts'],
    ...overrides,
  };
}
