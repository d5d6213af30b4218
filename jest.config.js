/** Tests run against real PostgreSQL and a real Temporal dev server, provisioned once in tests/support/global-setup.ts. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // The generated Prisma client imports its TypeScript siblings as './x.js'.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs', ignoreDynamic: true } },
    ],
  },
  // Jest's module sandbox cannot require() ES modules on Node 20 (plain Node can); these few are compiled to CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!(cookie|content-disposition)/)'],
  globalSetup: '<rootDir>/tests/support/global-setup.ts',
  globalTeardown: '<rootDir>/tests/support/global-teardown.ts',
  testTimeout: 60_000,
  maxWorkers: 2,
};
