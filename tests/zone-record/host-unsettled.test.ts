/**
 * A create that could not find out whether its POST was applied, through Pulumi's real plugin host: the host
 * reports it as created-but-failed-to-initialise with the id `unsettled`, and the update the engine sends on the
 * next `up` (a new host process) takes over the record instead of posting a second one (docs/ovh-api-client.md).
 * The host loads the provider from the built package (`npm run build`).
 */
import * as path from "node:path";
import { startEmulator, type Emulator } from "../../emulator";
import { SERIALIZED_PROVIDER, ZONE_RECORD_TYPE } from "../../sdk/zone-record";
import { HostError, makeUrn, spawnProviderHost, type ProviderHost } from "../../tools/plugin-host";
import { stackConfigFor, zoneLines } from "./support";

const ROOT = path.resolve(__dirname, "../..");
const urn = makeUrn({ stack: "dev", project: "dns", type: ZONE_RECORD_TYPE, name: "www" });
const SECRET_KEYS = ["ovh:applicationSecret", "ovh:consumerKey"];
const www = { zoneName: "example.com", subDomain: "www", fieldType: "A", target: "192.0.2.1", ttl: 3600, __provider: SERIALIZED_PROVIDER };

describe("an unsettled create through the plugin host", () => {
  let emulator: Emulator;
  const hosts: ProviderHost[] = [];
  const startHost = async () => {
    const host = await spawnProviderHost({ cwd: ROOT, project: "dns", config: stackConfigFor(emulator), secretKeys: SECRET_KEYS });
    hosts.push(host);
    await host.configure();
    return host;
  };
  afterAll(async () => {
    for (const h of hosts) await h.close();
    await emulator?.close();
  });

  it("is kept with the id `unsettled`, then settled by the next up's update without a second POST", async () => {
    emulator = await startEmulator({ zones: { "example.com": [{ subDomain: "mail", fieldType: "A", target: "192.0.2.9", ttl: 0 }] } });
    const first = await startHost();
    // The POST is applied but its answer lost; every lookup of the record then fails.
    emulator.setFaults({ lostResponseRate: 1, methods: ["POST"], pathPattern: "/record$" });
    const done = first.create(urn, www).catch((e: unknown) => e);
    while (emulator.count({ method: "POST", path: /record$/ }) < 1) await new Promise((r) => setTimeout(r, 5));
    emulator.setFaults({ serverErrorRate: 1, methods: ["GET"], pathPattern: "/record$" });
    const err = (await done) as HostError;
    emulator.setFaults({});
    expect(err).toBeInstanceOf(HostError);
    expect(err.initFailure?.id).toBe("unsettled");
    expect(err.initFailure?.properties).toMatchObject({ subDomain: "www", target: "192.0.2.1", recordId: "unsettled", __provider: SERIALIZED_PROVIDER });
    expect(err.providerMessage).toMatch(/may have been applied/);

    const next = await startHost(); // the next `pulumi up`: a new provider process
    emulator.clearLog();
    const { properties } = await next.update("unsettled", urn, err.initFailure!.properties, www);
    const orphan = emulator.zone("example.com").records.find((r) => r.subDomain === "www");
    expect(properties).toMatchObject({ recordId: String(orphan?.id), target: "192.0.2.1" });
    expect(emulator.count({ method: "POST", path: /record$/ })).toBe(0);
    expect(zoneLines(emulator)).toEqual(["A mail 192.0.2.9 0", "A www 192.0.2.1 3600"]);
    await next.delete("unsettled", urn, properties);
    expect(zoneLines(emulator)).toEqual(["A mail 192.0.2.9 0"]);
  });
});
