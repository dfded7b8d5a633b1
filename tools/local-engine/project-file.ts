import * as fs from "fs";
import * as path from "path";
import YAML from "yaml";

/** What the engine reads from a program's Pulumi.yaml. */
export interface ProjectFile {
  name: string;
  /**
   * The entry point as the Pulumi CLI passes it to the program runner, relative to the program directory:
   * `main` when it names a file, else the folder (`.` or `main`), from which `@pulumi/pulumi/cmd/run` takes the
   * `main` of the nearest package.json (docs/pulumi-cli.md, "Entry point").
   */
  main: string;
}

/** Reads `Pulumi.yaml` (`name`, `runtime: nodejs`, optional `main`). */
export function readProjectFile(programDir: string): ProjectFile {
  const file = path.join(programDir, "Pulumi.yaml");
  const doc = YAML.parse(fs.readFileSync(file, "utf8")) as { name?: string; runtime?: string | { name?: string }; main?: string };
  if (!doc?.name) throw new Error(`${file} has no project name`);
  const runtime = typeof doc.runtime === "string" ? doc.runtime : doc.runtime?.name;
  if (runtime !== "nodejs") throw new Error(`${file}: the local engine runs only nodejs programs, not ${runtime}`);
  const main = doc.main ?? ".";
  return { name: doc.name, main };
}
