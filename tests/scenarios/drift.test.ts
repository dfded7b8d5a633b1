/**
 * Drift, provider upgrades and adoption: records edited and deleted behind Pulumi's back show in `refresh`
 * and the next `up` restores them; a new version of the provider's code shows no change; an existing record
 * is adopted with the `import` resource option, with no duplicate.
 */
import * as fs from "node:fs";
import { OvhClient, resolveCredentials } from "../../provider/ovh";
import { GitopsStack, ZONE, planLines, type Entry } from "./gitops-rig";

const web: Entry = { fieldType: "A", target: "203.0.113.10", ttl: 3600 };
const mx: Entry = { fieldType: "MX", target: "10 mx1.example.com." };

function handEditor(stack: GitopsStack): OvhClient {
  const c = stack.emulator.credentials;
  return new OvhClient({ credentials: resolveCredentials({ explicit: { endpoint: stack.emulator.url, applicationKey: c.applicationKey,
    applicationSecret: c.applicationSecret, consumerKey: c.consumerKey }, env: {}, confFiles: [] }) });
}

describe("drift and adoption", () => {
  let stack: GitopsStack;
  afterEach(() => stack.close());

  it("shows records edited and deleted behind Pulumi's back in refresh, and the next up restores them", async () => {
    stack = await GitopsStack.start();
    stack.declare({ web, mx });
    await stack.run("up");
    const { ids } = stack.state();
    const editor = handEditor(stack);
    await editor.put(`/domain/zone/${ZONE}/record/${ids.web}`, { target: "198.51.100.66" });
    await editor.delete(`/domain/zone/${ZONE}/record/${ids.mx}`);
    editor.close();

    const refresh = await stack.run("refresh");
    expect(planLines(refresh.printed)).toEqual(expect.arrayContaining([
      "~ update  ovhdns:ZoneRecord  web",
      '    ~ target: "203.0.113.10" => "198.51.100.66"',
      "- delete  ovhdns:ZoneRecord  mx",
    ]));
    const up = await stack.run("up");
    // Steps run in parallel: their order in the plan may vary.
    expect(planLines(up.printed).filter((l) => !l.startsWith(" ")).sort()).toEqual([
      "+ create  ovhdns:ZoneRecord  mx",
      "Resources: 1 created, 1 updated",
      "~ update  ovhdns:ZoneRecord  web",
    ]);
    expect(stack.zone()).toEqual(["@ A 203.0.113.10 3600", "@ MX 10 mx1.example.com. 0"]);
  });

  it("shows no change after an upgrade of the provider's code", async () => {
    stack = await GitopsStack.start();
    stack.declare({ web, mx });
    await stack.run("up");
    // The state as an older version of the package left it: another __provider text.
    const text = fs.readFileSync(stack.statePath, "utf8").replace(/"__provider":"[^"]*"/g,
      '"__provider":"exports.handler = () => require(\\"pulumi-ovh-dns/provider\\").zoneRecordProvider; // 0.0.1\\n"');
    fs.writeFileSync(stack.statePath, text);
    const up = await stack.run("up");
    expect(planLines(up.printed)).toEqual(["Resources: 2 unchanged"]);
    expect(up.calls).toEqual([]);
  });

  it("adopts an existing record with the import option, making no duplicate", async () => {
    stack = await GitopsStack.start([{ subDomain: "", fieldType: "TXT", target: '"v=spf1 -all"', ttl: 0 }]);
    const existing = String(stack.emulator.zone(ZONE).records[0].id);
    stack.declare({ spf: { fieldType: "TXT", target: "v=spf1 -all", importId: existing } });
    const up = await stack.run("up");
    expect(up.summary).toMatchObject({ import: 1, create: 0 });
    expect(up.calls.filter((c) => c.method === "POST" && c.path.endsWith("/record"))).toEqual([]);
    expect(stack.zone()).toEqual(['@ TXT "v=spf1 -all" 0']);
    expect(stack.state().ids.spf).toBe(existing);
    const again = await stack.run("up");
    expect(planLines(again.printed)).toEqual(["Resources: 1 unchanged"]);
  });
});
