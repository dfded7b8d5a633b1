/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/tests"],
  testMatch: ["**/*.test.ts"],
  transform: {
    // Type checking is `npm run typecheck`; tests only transpile, which keeps the suite fast.
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  modulePathIgnorePatterns: ["<rootDir>/dist/", "<rootDir>/node_modules/pulumi-ovh-dns/"],
  testTimeout: 60000,
  // Suites that load the provider through Pulumi's host run dist/: rebuild it first when a source is newer.
  globalSetup: "<rootDir>/tests/setup/build-dist.ts",
};
