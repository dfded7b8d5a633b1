/**
 * What only the benchmarks need besides the shared stack of tools/soak: an OvhClient straight to the emulator,
 * for the floor and the terraform-provider-ovh call pattern.
 */
import type { Emulator } from "../emulator";
import { OvhClient, resolveCredentials } from "../provider/ovh";

/** An OvhClient of the emulator's credentials (default pacing: 8 calls in flight, no rate cap). */
export function directClient(emulator: Emulator): OvhClient {
  const c = emulator.credentials;
  return new OvhClient({
    credentials: resolveCredentials({
      explicit: { endpoint: emulator.url, applicationKey: c.applicationKey, applicationSecret: c.applicationSecret, consumerKey: c.consumerKey },
      env: {},
      confFiles: [],
    }),
  });
}
