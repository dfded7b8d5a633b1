// A Zone from the records file the test wrote (YAML or BIND), with the Zone options given as JSON config.
import * as pulumi from "@pulumi/pulumi";
import * as ovhdns from "pulumi-ovh-dns";

const config = new pulumi.Config();
const file = config.require("recordsFile");
const options = JSON.parse(config.get("zoneOptions") ?? "{}") as Partial<ovhdns.ZoneArgs>;
const source = file.endsWith(".yaml") ? ovhdns.Zone.fromYaml(file) : ovhdns.Zone.fromBind(file);
const zone = new ovhdns.Zone("main", { ...source, ...options });

export const recordCount = zone.recordCount;
export const fqdns = zone.fqdns;
export const zoneFile = zone.zoneFile;
