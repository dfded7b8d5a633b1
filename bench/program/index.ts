// The benchmark program: `count` A records in zone `zoneName`, named r0..r(count-1).
import * as pulumi from "@pulumi/pulumi";
import * as ovhdns from "pulumi-ovh-dns";

const config = new pulumi.Config();
const zoneName = config.require("zoneName");
const count = config.requireNumber("count");
for (let i = 0; i < count; i++) {
  new ovhdns.ZoneRecord(`r${i}`, { zoneName, subDomain: `h${i}`, fieldType: "A", target: `10.0.${(i >> 8) & 255}.${i & 255}`, ttl: 3600 });
}
