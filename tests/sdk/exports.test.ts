/**
 * What the package offers, pinned: the values and the declared names (types included) of `pulumi-ovh-dns` and
 * `pulumi-ovh-dns/provider`, read as a user's program reads them (through the package's `exports`, from dist/:
 * run `npm run build` first). A new export fails here: add it on purpose, or keep it internal.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";
import { promisify } from "node:util";
import * as ts from "typescript";

const run = promisify(execFile);

const ROOT = path.resolve(__dirname, "../..");

/** The names `dist/<entry>.d.ts` declares, as the TypeScript checker sees them. */
function declaredNames(entry: string): string[] {
  const file = path.join(ROOT, "dist", entry);
  const program = ts.createProgram([file], { strict: true, skipLibCheck: true, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`no module symbol for ${file}: run npm run build`);
  return checker.getExportsOfModule(module).map((s) => s.name).sort();
}

describe("the exports of the package", () => {
  test("pulumi-ovh-dns/provider offers the providers the serialized code loads, and the OVH client", () => {
    expect(Object.keys(require("pulumi-ovh-dns/provider")).sort()).toEqual(["OvhClient", "dynHostLoginProvider", "dynHostRecordProvider", "zoneDnssecProvider", "zoneManifestProvider", "zonePruneProvider", "zoneRecordProvider", "zoneRedirectionProvider", "zoneSoaProvider"]);
    expect(declaredNames("provider/index.d.ts")).toEqual(["OvhClient", "dynHostLoginProvider", "dynHostRecordProvider", "zoneDnssecProvider", "zoneManifestProvider", "zonePruneProvider", "zoneRecordProvider", "zoneRedirectionProvider", "zoneSoaProvider"]);
  });

  test("pulumi-ovh-dns offers the resources, the data sources, their types and the errors a program catches", () => {
    expect(Object.keys(require("pulumi-ovh-dns")).sort()).toEqual([
      "DynHostLogin", "DynHostRecord", "Zone", "ZoneDeclarationError", "ZoneDnssec", "ZoneFileError", "ZoneRecord", "ZoneRecordError", "ZoneRedirection", "ZoneSoa",
      "getDomains", "getDomainsOutput", "getZone", "getZoneOutput", "getZoneRecords", "getZoneRecordsOutput", "getZones", "getZonesOutput",
    ]);
    expect(declaredNames("sdk/index.d.ts")).toEqual([
      "BindOptions", "DynHostLogin", "DynHostLoginArgs", "DynHostRecord", "DynHostRecordArgs", "FieldType", "FieldTypeInput", "GetDomainsResult", "GetZoneArgs", "GetZoneOutputArgs", "GetZoneRecordsArgs", "GetZoneRecordsOutputArgs",
      "GetZoneRecordsResult", "GetZoneResult", "GetZonesResult", "UnmanagedPolicy", "YamlOptions", "Zone", "ZoneArgs", "ZoneDeclarationError",
      "ZoneDnssec", "ZoneDnssecArgs", "ZoneFileError", "ZoneInfo", "ZoneReadLimits", "ZoneRecord", "ZoneRecordArgs", "ZoneRecordError", "ZoneRecordInfo", "ZoneRecordSpec",
      "ZoneRedirection", "ZoneRedirectionArgs", "ZoneRedirectionSpec", "ZoneSoa", "ZoneSoaArgs",
      "ZoneSource", "getDomains", "getDomainsOutput", "getZone", "getZoneOutput", "getZoneRecords", "getZoneRecordsOutput",
      "getZones", "getZonesOutput",
    ]);
  });

  test("an error the provider throws about a record is a ZoneRecordError of the package root", async () => {
    // A separate process loads both entries as a program and the plugin host do; nothing is sent (the id is refused).
    const script = `
      const root = require("pulumi-ovh-dns");
      require("pulumi-ovh-dns/provider").zoneRecordProvider.read("5?x=1", { zoneName: "example.com", recordId: "5?x=1" })
        .catch((e) => console.log(JSON.stringify([e instanceof root.ZoneRecordError, e instanceof Error, e.name])));`;
    const { stdout } = await run(process.execPath, ["-e", script], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: "/nonexistent", OVH_ENDPOINT: "http://127.0.0.1:9", OVH_APPLICATION_KEY: "k",
        OVH_APPLICATION_SECRET: "s", OVH_CONSUMER_KEY: "c" },
    });
    expect(JSON.parse(stdout)).toEqual([true, true, "RecordIdError"]);
    const root = require("pulumi-ovh-dns");
    expect([root.ZoneDeclarationError.prototype instanceof root.ZoneRecordError, root.ZoneFileError.prototype instanceof root.ZoneRecordError])
      .toEqual([true, false]);
  });
});
