/**
 * Runs a Pulumi program through the local engine, without the Pulumi CLI:
 *   ts-node tools/local-engine/cli.ts up --program examples/basic --stack dev --state .state/dev.json \
 *     --config ovh:endpoint=... --secret ovh:applicationSecret=...
 * Prints the plan as `pulumi preview`/`up` would; exits 1 when the run failed.
 */
import { parseCliArgs } from "./cli-args";
import { LocalEngine } from "./engine";

async function main(): Promise<number> {
  let parsed: ReturnType<typeof parseCliArgs>;
  try {
    parsed = parseCliArgs(process.argv.slice(2));
  } catch (err) {
    console.error((err as Error).message);
    return 2;
  }
  const result = await new LocalEngine(parsed.options)[parsed.operation]();
  process.stdout.write(result.printed);
  return result.ok ? 0 : 1;
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
