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
  // Two workers: CI and this project's machines have 2 cores, where jest's default (cores - 1) is one worker; most
  // suites wait on child processes (the Pulumi CLI, the engine, the emulator) rather than compute.
  maxWorkers: 2,
  // Suites that load the provider through Pulumi's host run dist/: rebuild it first when a source is newer.
  globalSetup: "<rootDir>/tests/setup/build-dist.ts",
};
