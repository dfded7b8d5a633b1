// The zone written in example.com.zone (or the file named by the `zoneFile` config key), managed as a whole.
// An export from OVH (`GET /domain/zone/{zone}/export`) has no $ORIGIN: name the
// zone with the `zoneName` config key then. Its SOA and apex NS records are OVH's and are skipped.
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as ovhdns from "pulumi-ovh-dns";

const config = new pulumi.Config();
const file = path.resolve(__dirname, config.get("zoneFile") ?? "example.com.zone");
const zoneName = config.get("zoneName");

const zone = new ovhdns.Zone("zone", {
  ...ovhdns.Zone.fromBind(file, zoneName ? { zoneName } : {}),
  unmanaged: "warn",
});

export const names = zone.fqdns;
export const recordCount = zone.recordCount;
export const zoneFile = zone.zoneFile;
