/**
 * The round trip: a zone holding every one of OVH's 20 record types, hostile values included (`*\/`, `//`, quotes,
 * backslashes, a TXT with `"` and `;`, unicode; control characters such as U+2028 are refused by the provider's
 * check, so export-escape.test.ts covers them), exported as YAML, BIND and TypeScript;
 * each output read back (Zone.fromYaml, Zone.fromBind, the program run in a sandbox) declares exactly the zone's
 * records (compared by meaning, canonicalTarget), and run through the local engine against that zone, its first
 * `up` adopts every record (no POST, PUT or DELETE) and the next preview shows 0 changes.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import type { SeedRecord } from "../../emulator";
import { canonicalTarget, encodeTxt } from "../../provider/records";
import { readBindZone } from "../../sdk/zone/bind-parser";
import { readYamlZone } from "../../sdk/zone/yaml-source";
import { mutating, ZoneStack, ZONE } from "../zone/zone-rig";
import { CliSandbox, emulatorEnv } from "./cli-rig";
import { runExportedProgram } from "./exported-program";
import { REALISTIC_ZONE } from "./zones";

const ESCAPE = "globalThis.escaped = 1; //";

/**
 * As OVH stores them (TXT-like types quoted): the realistic zone of export.test.ts (all 20 types), its apex TXT
 * and CAA replaced by hostile ones (and so by one SPF policy and one TTL per RRset, as a Zone requires), and RP,
 * SVCB and HTTPS (added 2025-12) again in spellings the diff must see through (case, param order, quotes).
 */
const EVERY_TYPE: SeedRecord[] = [
  ...REALISTIC_ZONE.filter((r) => !(r.subDomain === "" && ["TXT", "CAA"].includes(r.fieldType))),
  { subDomain: "", fieldType: "CAA", target: `0 issue "letsencrypt.org; account=1 ${ESCAPE} */ \\"x\\" \\\\"`, ttl: 0 },
  { subDomain: "", fieldType: "TXT", target: encodeTxt(`say "hi"; a \\ backslash */ ${ESCAPE} é 😀 ${"long ".repeat(60)}`), ttl: 600 },
  { subDomain: "x", fieldType: "TXT", target: encodeTxt('"a" "b"'), ttl: 0 },
  { subDomain: "who", fieldType: "RP", target: "Hostmaster.example.com. .", ttl: 0 },
  { subDomain: "_odoh", fieldType: "SVCB", target: `1 dns.example.com. alpn="dot,doq" port=853 key667="a b */ ${ESCAPE}"`, ttl: 0 },
  { subDomain: "", fieldType: "HTTPS", target: "1 . ipv6hint=2001:db8::1 alpn=h3,h2 no-default-alpn mandatory=alpn", ttl: 0 },
];
const APEX_NS = EVERY_TYPE.filter((r) => r.fieldType === "NS" && r.subDomain === "").length;
const RECORDS = EVERY_TYPE.length - APEX_NS;

/** `name type canonical-target ttl` lines, sorted: records compared by meaning. */
function byMeaning(records: readonly { subDomain?: string; fieldType: string; target: string; ttl?: number }[]): string[] {
  return records.map((r) => `${r.subDomain || "@"} ${r.fieldType} ${JSON.stringify(canonicalTarget(r.fieldType, r.target))} ${r.ttl ?? 0}`).sort();
}

const DECLARED = byMeaning(EVERY_TYPE.filter((r) => !(r.fieldType === "NS" && r.subDomain === "")));

/** A Pulumi project for the exported program, whose node_modules is the repository's. */
function programDir(dir: string, program: string): string {
  fs.mkdirSync(dir);
  fs.symlinkSync(path.resolve(__dirname, "../../node_modules"), path.join(dir, "node_modules"), "dir");
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: exported-zone\nruntime: nodejs\n");
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "exported-zone", private: true, main: "index.ts" }));
  fs.copyFileSync(path.resolve(__dirname, "../zone/program/tsconfig.json"), path.join(dir, "tsconfig.json"));
  fs.writeFileSync(path.join(dir, "index.ts"), program);
  return dir;
}

describe.each([
  ["yaml", "records.yaml"],
  ["bind", "zone.db"],
  ["ts", "index.ts"],
])("export --format %s of every record type, hostile values included", (format, file) => {
  let stack: ZoneStack;
  let sandbox: CliSandbox;
  let text: string;
  beforeAll(async () => {
    expect(new Set(EVERY_TYPE.map((r) => r.fieldType)).size).toBe(20);
    stack = await ZoneStack.start(EVERY_TYPE);
    sandbox = new CliSandbox();
    const exported = await sandbox.run(["export", ZONE, "--format", format, "--name-prefix", "main-"], emulatorEnv(stack.emulator));
    expect([exported.code, exported.stderr.split("\n").at(-2)]).toEqual([0, `${RECORDS} record(s) of example.com written; ${APEX_NS} apex NS left to OVH`]);
    text = exported.stdout;
  });
  afterAll(async () => {
    await stack.close();
    sandbox.remove();
  });

  it("reads back into exactly the zone's records", () => {
    if (format === "yaml") expect(byMeaning(readYamlZone(file, text).records)).toEqual(DECLARED);
    if (format === "bind") expect(byMeaning(readBindZone(file, {}, text).records)).toEqual(DECLARED);
    if (format === "ts") {
      const run = runExportedProgram(text);
      expect([run.diagnostics, run.globals]).toEqual([[], []]);
      expect(byMeaning(run.declared as never[])).toEqual(DECLARED);
    }
  });

  it("adopts every record on the first up (no POST, PUT or DELETE) and the next preview shows 0 changes", async () => {
    if (format === "ts") stack.useProgram(programDir(path.join(sandbox.dir, "program"), text));
    else stack.declareText(file, text, format === "bind" ? { adopt: true } : {});
    const before = stack.zone();
    const up = await stack.runOk("up");
    // The records, and a Zone's manifest.
    expect([mutating(up.calls), up.summary.create]).toEqual([[], format === "ts" ? RECORDS : RECORDS + 1]);
    expect(stack.zone()).toEqual(before);
    const preview = await stack.runOk("preview");
    expect([mutating(preview.calls), preview.summary]).toEqual([[], { create: 0, update: 0, replace: 0, delete: 0, same: preview.summary.same, read: preview.summary.read, import: 0 }]);
    expect(preview.summary.same).toBeGreaterThanOrEqual(RECORDS);
    // One name for one record: the Zone's child `main-<key>` is the program's `main-<key>`.
    if (format !== "bind") expect(Object.keys(stack.heldIds()).sort()).toEqual([...text.matchAll(/^(?:new ovhdns\.ZoneRecord\(| {2})"(main-[^"]+)"/gm)].map((m) => m[1]).sort());
  }, 180_000);
});
