// Mutation testing of the business rules (issue 20). `npm run test:mutation` runs the whole set;
// `npm run test:mutation -- --mutate 'src/shared/money/**/*.ts'` runs a subset. See README "Test it".
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.mts', related: true },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.node.json',
  coverageAnalysis: 'perTest',
  // A 2-core machine shared with other runs.
  concurrency: 2,
  // Only mutants whose code or tests changed since the last run are tested again. The file is
  // not committed (gitignored with the reports): it holds every mutated file's source and test
  // names, 0.6 MB for the first subset alone, and each run rewrites it.
  incremental: true,
  incrementalFile: 'reports/mutation/stryker-incremental.json',
  mutate: [
    'src/shared/money/**/*.ts',
    'src/main/pricing/**/*.ts',
    'src/shared/domain/refund-vat.ts',
    'src/issuer/authorization-rules.ts',
    'src/issuer/issuer-ledger.ts',
    'src/issuer/follow-up-processor.ts',
    'src/issuer/authorization-processor.ts',
    'src/issuer/card-hasher.ts',
    'src/main/payments/**/*.ts',
    'src/main/orders/*.ts',
    'src/main/audit/*.ts',
    // SQL, IPC handlers, re-exports and demo data: not business rules.
    '!src/main/{pricing,payments,orders,audit}/**/*-repository.ts',
    '!src/main/{payments,orders,audit}/*-handlers.ts',
    '!src/main/{pricing,payments,orders,audit}/index.ts',
    '!src/main/pricing/demo-pricing-settings.ts',
    'src/main/staff/pin-hasher.ts',
    'src/main/staff/auth-service.ts',
  ],
  ignorePatterns: ['out', 'dist', '.data*', '.bench', 'test-results', 'resources', 'data-large', 'reports'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  timeoutMS: 10000,
  // A static mutant (code run when a module or fixture loads, outside any test) needs the whole
  // related suite, about 90 s on 2 cores: hundreds of them would take hours. They are reported as
  // ignored; `npm run test:mutation -- --ignoreStatic false` tests them too.
  ignoreStatic: true,
}
