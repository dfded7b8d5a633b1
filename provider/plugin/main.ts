/**
 * `pulumi-resource-ovhdns`: the entry point of the `ovhdns` resource provider plugin. The engine starts it as
 * `pulumi-resource-ovhdns [flags] <engine address>` (the script `pulumi-ovh-dns plugin install` writes runs
 * `node <this file>`); it prints the port it serves on and serves until the engine ends it, or, once the engine
 * is gone, until the changes it made are published (the same watchdog as the dynamic provider's,
 * provider/zone-record/engine-watchdog.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { dynHostLoginProvider, dynHostRecordProvider, zoneDnssecProvider, zoneManifestProvider, zonePruneProvider, zoneRecordProvider, zoneRedirectionProvider, zoneSoaProvider } from "../index";
import { hostEngineAddress } from "../zone-record/engine-watchdog";
import { PLUGIN_SCHEMA_TEXT } from "./schema";
import {
  PLUGIN_DYNHOST_LOGIN_TYPE, PLUGIN_DYNHOST_RECORD_TYPE, PLUGIN_ZONE_DNSSEC_TYPE, PLUGIN_ZONE_REDIRECTION_TYPE, PLUGIN_ZONE_SOA_TYPE, servePlugin, type ServedProvider,
} from "./server";

function packageVersion(): string {
  // dist/provider/plugin/main.js -> the package's package.json, in the repository and in an installed package.
  const text = readFileSync(join(__dirname, "..", "..", "..", "package.json"), "utf8");
  return (JSON.parse(text) as { version: string }).version;
}

const provider = zoneRecordProvider as ServedProvider;
const others = {
  [PLUGIN_ZONE_DNSSEC_TYPE]: zoneDnssecProvider as ServedProvider,
  [PLUGIN_ZONE_REDIRECTION_TYPE]: zoneRedirectionProvider as ServedProvider,
  [PLUGIN_ZONE_SOA_TYPE]: zoneSoaProvider as ServedProvider,
  [PLUGIN_DYNHOST_RECORD_TYPE]: dynHostRecordProvider as ServedProvider,
  [PLUGIN_DYNHOST_LOGIN_TYPE]: dynHostLoginProvider as ServedProvider,
};
const zone = { manifest: zoneManifestProvider, unmanaged: zonePruneProvider };
servePlugin({ provider, others, schema: PLUGIN_SCHEMA_TEXT, version: packageVersion(), zone, engineAddress: hostEngineAddress() }).then(
  ({ port }) => process.stdout.write(`${port}\n`),
  (err: unknown) => {
    process.stderr.write(`pulumi-resource-ovhdns: cannot serve: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
