// The floor of the real-CLI benchmark: the same program shape as bench/program, through the most trivial
// dynamic provider that could publish the records: one POST per record, then one zone refresh made by a last
// resource that depends on all of them. No check, no diff, no lookup, no retry: what any dynamic provider costs
// here. Credentials come from the OVH_* environment.
import * as pulumi from "@pulumi/pulumi";

type Client = { post(path: string, body?: unknown): Promise<{ id?: number }> };
const client = (): Client => {
  const g = globalThis as { floorClient?: Client };
  // One client per plugin host: one clock sync, shared pacing.
  return (g.floorClient ??= require("pulumi-ovh-dns/provider").OvhClient.fromSources({}));
};

const postRecord: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    const made = await client().post(`/domain/zone/${inputs.zoneName}/record`, {
      subDomain: inputs.subDomain, fieldType: "A", target: inputs.target, ttl: 3600,
    });
    return { id: String(made.id), outs: inputs };
  },
  async delete(_id, props) {
    void props;
  },
};
const refreshZone: pulumi.dynamic.ResourceProvider = {
  async create(inputs) {
    await client().post(`/domain/zone/${inputs.zoneName}/refresh`);
    return { id: inputs.zoneName, outs: inputs };
  },
};

class FloorRecord extends pulumi.dynamic.Resource {
  constructor(name: string, args: Record<string, string>) {
    super(postRecord, name, args);
  }
}
class FloorRefresh extends pulumi.dynamic.Resource {
  constructor(name: string, args: Record<string, string>, opts: pulumi.CustomResourceOptions) {
    super(refreshZone, name, args, opts);
  }
}

const config = new pulumi.Config();
const zoneName = config.require("zoneName");
const count = config.requireNumber("count");
const records: pulumi.Resource[] = [];
for (let i = 0; i < count; i++) {
  const args = { zoneName, subDomain: `h${i}`, target: `10.0.${(i >> 8) & 255}.${i & 255}` };
  records.push(new FloorRecord(`r${i}`, args));
}
// With no record (the 0-record baseline up that warms a stack as bench/program's is warmed) there is nothing to
// publish, and the refresh is registered by the first up that has records.
if (count > 0) new FloorRefresh("refresh", { zoneName }, { dependsOn: records });
