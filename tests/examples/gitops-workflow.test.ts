/**
 * The GitOps workflow template (examples/gitops/workflows/pulumi-dns.yml) passes actionlint, the GitHub Actions
 * workflow checker, built pinned from the Go module proxy by `npm run setup:actionlint` (tools/actionlint;
 * `npm test` runs it first). A missing actionlint fails the test: it never skips.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { TOOLS_BIN } from "../../tools/pulumi-cli";

const TEMPLATE = path.resolve(__dirname, "../../examples/gitops/workflows/pulumi-dns.yml");
const ACTIONLINT = path.join(TOOLS_BIN, "actionlint");

/** actionlint's exit code and output for `file` (no colour, one line a finding). */
async function actionlint(file: string): Promise<{ code: number; output: string }> {
  if (!fs.existsSync(ACTIONLINT)) throw new Error(`no actionlint at ${ACTIONLINT}: run \`npm run setup:actionlint\``);
  try {
    const { stdout, stderr } = await promisify(execFile)(ACTIONLINT, ["-no-color", "-oneline", file]);
    return { code: 0, output: stdout + stderr };
  } catch (e) {
    const failed = e as { code: number; stdout: string; stderr: string };
    return { code: failed.code, output: failed.stdout + failed.stderr };
  }
}

describe("the GitOps workflow template", () => {
  it("is the version setup:actionlint pins", async () => {
    const { stdout } = await promisify(execFile)(ACTIONLINT, ["-version"]);
    const pinned = /version="(v[\d.]+)"/.exec(fs.readFileSync(path.resolve(__dirname, "../../tools/actionlint/setup.sh"), "utf8"))?.[1];
    expect(stdout.split("\n")[0]).toBe(pinned);
  });

  it("passes actionlint", async () => {
    expect(await actionlint(TEMPLATE)).toEqual({ code: 0, output: "" });
  });

  it("would fail actionlint with a mistyped context property (the check runs)", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "actionlint-"));
    try {
      const broken = path.join(dir, "pulumi-dns.yml");
      const text = fs.readFileSync(TEMPLATE, "utf8");
      expect(text).toContain("github.event_name == 'push'");
      fs.writeFileSync(broken, text.replace("github.event_name == 'push'", "github.event_nme == 'push'"));
      const result = await actionlint(broken);
      expect(result.code).toBe(1);
      expect(result.output).toContain('property "event_nme" is not defined');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
