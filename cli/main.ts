#!/usr/bin/env node
/**
 * The `pulumi-ovh-dns` bin (package.json `bin`): `npx pulumi-ovh-dns --help`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { runProgram } from "./program";

function packageVersion(): string {
  // dist/cli/main.js -> package.json two levels up, in the repository and in an installed package alike.
  const text = readFileSync(join(__dirname, "..", "..", "package.json"), "utf8");
  return (JSON.parse(text) as { version: string }).version;
}

runProgram(process.argv.slice(2), packageVersion()).then((code) => {
  process.exitCode = code;
});
