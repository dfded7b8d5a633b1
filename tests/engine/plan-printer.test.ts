import { secret, UNKNOWN } from "../../tools/plugin-host/sentinels";
import { printPlan, summaryLine } from "../../tools/local-engine/plan-printer";
import type { Step } from "../../tools/local-engine/types";

const step = (op: Step["op"], name: string, extra: Partial<Step> = {}): Step => ({
  op,
  urn: `urn:pulumi:dev::p::pulumi-nodejs:dynamic/ovhdns:ZoneRecord::${name}`,
  type: "pulumi-nodejs:dynamic/ovhdns:ZoneRecord",
  name,
  changes: [],
  replaceKeys: [],
  ...extra,
});

describe("printPlan", () => {
  it("prints steps, changed properties, outputs, summary and errors like pulumi preview", () => {
    const text = printPlan({
      kind: "preview",
      stack: "dev",
      steps: [
        step("create", "www"),
        step("update", "api", { changes: [{ key: "target", kind: "update", old: "203.0.113.10", new: "203.0.113.11", secret: false }] }),
        step("replace", "mx", { replaceKeys: ["fieldType"], changes: [{ key: "fieldType", kind: "update", old: "A", new: "CNAME", secret: false }] }),
        step("update", "key", { changes: [{ key: "token", kind: "update", old: "s1", new: "s2", secret: true }, { key: "ttl", kind: "add", new: UNKNOWN, secret: false }] }),
        step("delete", "old"),
        step("same", "a"),
      ],
      outputs: { fqdn: "www.example.com", key: secret("hidden"), __provider: "code" },
      diagnostics: ["info: hello"],
      error: "first\nsecond",
    });
    expect(text).toBe(
      [
        "Previewing update (dev):",
        "+ create  ovhdns:ZoneRecord  www",
        "~ update  ovhdns:ZoneRecord  api",
        '    ~ target: "203.0.113.10" => "203.0.113.11"',
        "+- replace  ovhdns:ZoneRecord  mx  [diff: ~fieldType]",
        '    ~ fieldType: "A" => "CNAME"',
        "~ update  ovhdns:ZoneRecord  key",
        "    ~ token: [secret] => [secret]",
        "    + ttl: output<string>",
        "- delete  ovhdns:ZoneRecord  old",
        "Outputs:",
        '    fqdn: "www.example.com"',
        "    key: [secret]",
        "Resources: 1 to create, 2 to update, 1 to replace, 1 to delete, 1 unchanged",
        "Diagnostics:",
        "    info: hello",
        "error: first",
        "error: second",
        "",
      ].join("\n"),
    );
  });

  it("uses the past tense after an up", () => {
    expect(summaryLine({ create: 2, update: 1, replace: 1, delete: 1, same: 3, read: 0, import: 0 }, false)).toBe(
      "Resources: 2 created, 1 updated, 1 replaced, 1 deleted, 3 unchanged",
    );
  });
});
