// The zone declared in records.yaml (or the file named by the `recordsFile` config key), managed as a whole:
// checked before anything is sent, guarded against mass deletion, its BIND text exported for review.
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as ovhdns from "pulumi-ovh-dns";

const config = new pulumi.Config();
const file = path.resolve(__dirname, config.get("recordsFile") ?? "records.yaml");

const zone = new ovhdns.Zone("zone", {
  ...ovhdns.Zone.fromYaml(file),
  // Records of the zone that records.yaml does not declare are named in a warning; "delete" would delete them.
  unmanaged: "warn",
});

export const names = zone.fqdns;
export const recordCount = zone.recordCount;
/** The declared zone as BIND text: `pulumi stack output zoneFile` shows it in a pull request's review. */
export const zoneFile = zone.zoneFile;
