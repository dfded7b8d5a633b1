import { spawnProviderHost, type ProviderHost, type SpawnProviderHostOptions } from "../plugin-host/host-client";
import type { ProviderCall } from "./types";

/**
 * The run's one dynamic-provider host (the engine loads the `pulumi-nodejs` plugin once per deployment),
 * started eagerly so that its start-up overlaps the program's, configured once before the first CRUD
 * call, and closed at the end. Every provider call is recorded.
 */
export class ProviderPool {
  /** Every provider call, in order. */
  readonly calls: ProviderCall[] = [];
  private hostPromise?: Promise<ProviderHost>;

  constructor(private readonly options: SpawnProviderHostOptions) {}

  /** Starts the host now (errors surface on first use). */
  warmUp(): void {
    void this.host().catch(() => undefined);
  }

  /** The configured host. */
  host(): Promise<ProviderHost> {
    this.hostPromise ??= (async () => {
      const host = await spawnProviderHost(this.options);
      try {
        await host.getPluginInfo();
        await host.configure();
      } catch (err) {
        await host.close();
        throw err;
      }
      return host;
    })();
    return this.hostPromise;
  }

  /** Records a call and returns the host to make it with. */
  async for(method: ProviderCall["method"], urn: string): Promise<ProviderHost> {
    const host = await this.host();
    this.calls.push({ method, urn });
    return host;
  }

  /** Closes the host if it was started. */
  async close(): Promise<void> {
    const pending = this.hostPromise;
    this.hostPromise = undefined;
    if (!pending) return;
    const host = await pending.catch(() => undefined);
    await host?.close();
  }
}
