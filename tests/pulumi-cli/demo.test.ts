/**
 * `npm run demo` as a user runs it on a fresh clone: through the real Pulumi CLI built here, against the
 * emulator, every step succeeding, the seeded record the program does not manage left alone.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { requirePulumiCli } from "../../tools/pulumi-cli";

jest.setTimeout(900_000);

it("npm run demo runs examples/basic through the real Pulumi CLI, from preview to destroy", () => {
  requirePulumiCli();
  const root = path.resolve(__dirname, "../..");
  const run = spawnSync("npm", ["run", "--silent", "demo"], { cwd: root, encoding: "utf8", env: { ...process.env, CI: "true" } });
  expect(run.stderr).not.toMatch(/failed/);
  expect(run.status).toBe(0);
  expect(run.stdout).toContain("run through the Pulumi CLI");
  for (const step of ["pulumi preview", "pulumi up", "pulumi preview (the change)", "pulumi up (the change)", "pulumi up (nothing to do)", "pulumi destroy"]) {
    expect(run.stdout).toContain(`=== ${step} ===`);
  }
  // The up with nothing to do makes no call; destroy leaves only the record the program never managed.
  expect(run.stdout).toMatch(/=== pulumi up \(nothing to do\) ===[\s\S]*?\(0 OVH API calls\)/);
  expect(run.stdout).toMatch(/Zone example\.com now holds:\n {2}legacy +0 A +198\.51\.100\.1\n\nThe BIND export/);
});
