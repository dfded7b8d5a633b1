/**
 * The provider process ends when its engine is gone.
 *
 * Pulumi's Go plugins check their engine's health and exit when it no longer answers; the Node.js
 * dynamic-provider host does not: after `kill -9` of `pulumi`, its provider process keeps running and finishes
 * the steps it was given, with nobody to report them to (docs/ownership.md, "Interrupted runs"). This watchdog
 * connects to the engine's address (the host's first argument) every few seconds. Once the engine has answered
 * at least once, `misses` refused connections in a row mean it is gone: the process then waits for the changes
 * it made to be published (every zone's refresh coalescer idle, at most `drainMs`), writes the records it
 * created to the orphan journal (orphan-journal.ts), and exits. A host started
 * with an address where nothing ever listened (a test harness) is never stopped.
 */
import * as net from "node:net";

/** How the watchdog probes and when it gives up. */
export interface WatchdogOptions {
  /** `host:port` of the engine. */
  address: string;
  /** Called once, when the engine is gone. */
  onGone: () => void;
  /** Between probes (ms). Default 2000. */
  intervalMs?: number;
  /** Refused probes in a row that mean the engine is gone. Default 3. */
  misses?: number;
  /** One probe: resolves whether something accepted a connection. Injectable for tests. */
  probe?: (address: string) => Promise<boolean>;
}

/** Starts probing; returns a function that stops it. Its timer never keeps the process alive. */
export function watchEngine(options: WatchdogOptions): () => void {
  const probe = options.probe ?? canConnect;
  let seen = false;
  let missed = 0;
  let stopped = false;
  const check = () => void probe(options.address).then((up) => {
    if (stopped) return;
    if (up) {
      seen = true;
      missed = 0;
    } else if (seen && ++missed >= (options.misses ?? 3)) {
      stopped = true;
      clearInterval(timer);
      options.onGone();
    }
  });
  const timer = setInterval(check, options.intervalMs ?? 2000);
  timer.unref();
  // At once too: the provider is loaded by the engine's first request, so the engine answers now, and an `up`
  // killed within the first interval must still be noticed.
  check();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

/** Whether a TCP connection to `host:port` is accepted within a second. */
function canConnect(address: string): Promise<boolean> {
  const at = address.lastIndexOf(":");
  const port = Number(address.slice(at + 1));
  if (at < 0 || !Number.isInteger(port) || port <= 0) return Promise.resolve(false);
  return new Promise((resolve) => {
    const socket = net.connect({ host: address.slice(0, at), port, timeout: 1000 });
    const done = (up: boolean) => {
      socket.destroy();
      resolve(up);
    };
    socket.once("connect", () => done(true));
    socket.once("timeout", () => done(false));
    socket.once("error", () => done(false));
  });
}

/**
 * The engine address when this process is Pulumi's dynamic-provider host (its first argument) or the `ovhdns`
 * plugin (provider/plugin/main.js: its last argument, after the flags the engine may pass), else `undefined`.
 */
export function hostEngineAddress(argv: readonly string[] = process.argv): string | undefined {
  const script = (argv[1] ?? "").replace(/\\/g, "/");
  if (/\/cmd\/dynamic-provider(\/index\.js)?$/.test(script)) return argv[2];
  if (!/\/provider\/plugin\/main\.js$/.test(script)) return undefined;
  return argv.slice(2).filter((a) => !a.startsWith("-")).pop();
}

/** Waits until `idle()` holds or `drainMs` passed, checking every 50 ms. */
async function drain(idle: () => boolean, drainMs: number): Promise<void> {
  const until = Date.now() + drainMs;
  while (!idle() && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
}

/**
 * In Pulumi's dynamic-provider host only: watches the engine and, once it is gone, publishes what `pool`
 * changed and exits. Anywhere else (tests, data sources in a program) it does nothing.
 */
export function watchEngineOf(pool: { idle(): boolean; flushJournals(): void }, argv: readonly string[] = process.argv, drainMs = 60_000): void {
  const address = hostEngineAddress(argv);
  if (!address) return;
  watchEngine({
    address,
    onGone: () => {
      process.stderr.write(`pulumi-ovh-dns: the Pulumi engine at ${address} is gone; publishing the changes made, then exiting\n`);
      void drain(() => pool.idle(), drainMs).then(() => {
        // The engine may not have saved the results of the last creates: the next up takes them over.
        pool.flushJournals();
        process.exit(0);
      });
    },
  });
}
