// The floor of the real-CLI benchmark: the same program shape as bench/program, through the cheapest dynamic
// provider that could publish the records (floor-provider.js: pure check and diff, one POST per record, and one
// refresh sent by the create that completes the last POST). Its `__provider` is a one-line `require`, as a
// ZoneRecord's is, so the floor pays the serialization the measured program pays and nothing more: no captured
// closure, no extra resource, no dependency step.
import * as pulumi from "@pulumi/pulumi";

// Loaded by the plugin host, whose working directory is this program's folder.
const SERIALIZED_PROVIDER = 'exports.handler = () => require("./floor-provider.js").floorRecordProvider;\n';

class FloorRecord extends pulumi.CustomResource {
  constructor(name: string, args: Record<string, pulumi.Input<string | number>>) {
    super("pulumi-nodejs:dynamic/ovhdns-bench:FloorRecord", name, { ...args, __provider: SERIALIZED_PROVIDER });
  }
}

const config = new pulumi.Config();
const zoneName = config.require("zoneName");
const count = config.requireNumber("count");
for (let i = 0; i < count; i++) {
  new FloorRecord(`r${i}`, { zoneName, subDomain: `h${i}`, target: `10.0.${(i >> 8) & 255}.${i & 255}`, total: count });
}
