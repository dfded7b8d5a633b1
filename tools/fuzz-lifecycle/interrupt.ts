/**
 * An `up` interrupted as a CI runner or a `kill -9` would (README, "Recovering from an interrupted run"), through
 * the real Pulumi CLI only: the local engine runs its program and plugins to the end and cannot be stopped half-way.
 * The CLI is killed once the emulator has answered a number of record writes; the plugins it started must then
 * exit by themselves (provider/zone-record/engine-watchdog.ts), and the user's recovery is the README's:
 * `pulumi cancel`, `pulumi refresh --clear-pending-creates`. The next `up` must then converge with no record lost
 * or twice (the fuzzer's invariants).
 */
import type { Emulator } from "../../emulator";
import type { PulumiWorkspace } from "../pulumi-cli";
import { childrenOf, isAlive } from "../pulumi-cli/processes";
import type { RunOutcome } from "./stacks";

/** How long the plugins of a killed CLI may take to notice and exit (the watchdog probes every 2 s, 60 s drain). */
const PLUGIN_EXIT_MS = 90_000;

/** An interrupted run whose plugins did not exit, or whose recovery failed. */
export class InterruptError extends Error {
  override readonly name: string = "InterruptError";
}

/** Record writes the emulator answered so far (POST, PUT, DELETE of a record). */
function recordWrites(emulator: Emulator): number {
  return ["POST", "PUT", "DELETE"].reduce((n, method) => n + emulator.count({ method, path: /\/record(\/\d+)?$/ }), 0);
}

/**
 * `pulumi up` killed with SIGKILL after `afterWrites` record writes, then the recovery. `ok` when the up ended
 * before the kill came (an ordinary up); otherwise `ok: false` once the recovery succeeded.
 */
export async function interruptedUp(ws: PulumiWorkspace, emulator: Emulator, afterWrites: number): Promise<RunOutcome> {
  const start = recordWrites(emulator);
  let plugins: number[] = [];
  let killed = false;
  const result = await ws.run(["up", "--yes", "--skip-preview"], {}, (cli) => {
    const poll = setInterval(() => {
      if (recordWrites(emulator) - start < afterWrites) return;
      clearInterval(poll);
      plugins = childrenOf(cli.pid!);
      killed = true;
      cli.kill("SIGKILL");
    }, 10);
    cli.once("exit", () => clearInterval(poll));
  });
  if (!killed) return { ok: result.code === 0, ...(result.code === 0 ? {} : { error: tail(result.stdout + result.stderr) }), changes: [] };
  const deadline = Date.now() + PLUGIN_EXIT_MS;
  while (plugins.some(isAlive)) {
    if (Date.now() > deadline) throw new InterruptError(`the plugins of the killed pulumi (pids ${plugins.filter(isAlive).join(", ")}) still run after ${PLUGIN_EXIT_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const cancel = await ws.run(["cancel", "--yes"]);
  if (cancel.code !== 0) {
    // A kill during a state write leaves an empty sidecar (tools/pulumi-cli `repairInterruptedWrite`).
    if (!/failed to load checkpoint/.test(cancel.stdout + cancel.stderr)) throw new InterruptError(`pulumi cancel failed: ${tail(cancel.stdout + cancel.stderr)}`);
    ws.repairInterruptedWrite();
    await ws.must(["cancel", "--yes"]);
  }
  await ws.must(["refresh", "--yes", "--skip-preview", "--clear-pending-creates"]);
  return { ok: false, error: `interrupted after ${afterWrites} record write(s); recovered`, changes: [] };
}

function tail(text: string): string {
  return text.trim().split("\n").slice(-30).join("\n");
}
