/**
 * The README's feature table (this project against @ovhcloud/pulumi-ovh, terraform-provider-ovh, DNSControl, octoDNS
 * and external-dns) kept honest: every resource and data source `pulumi-ovh-dns` exports is named in this project's
 * column, every row fills every column, and the rows issue 18 asks for are there.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import * as ovhdns from "../../sdk";

const HEADER = "| feature | this project | @ovhcloud/pulumi-ovh | terraform-provider-ovh | DNSControl | octoDNS (octodns-ovh) | external-dns |";

/** The table's rows after its header and separator, as cells. */
function featureRows(readme: string): string[][] {
  const lines = readme.split("\n");
  const start = lines.indexOf(HEADER);
  if (start < 0) throw new Error(`README: no feature table (header ${HEADER})`);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(line.slice(1, -1).split(" | ").map((cell) => cell.trim()));
  }
  return rows;
}

describe("the README's feature table", () => {
  const rows = featureRows(fs.readFileSync(path.resolve(__dirname, "../../README.md"), "utf8"));
  const ours = rows.map((r) => r[1]).join("\n");

  test("names every resource the package exports, in this project's column", () => {
    const resources = Object.entries(ovhdns)
      .filter(([, value]) => typeof value === "function" && value.prototype instanceof pulumi.Resource)
      .map(([name]) => name);
    expect(resources).toEqual(expect.arrayContaining(["Zone", "ZoneRecord", "ZoneRedirection", "ZoneSoa"]));
    for (const name of resources) expect(ours).toContain(`\`${name}\``);
  });

  test("names every data source the package exports", () => {
    const dataSources = Object.keys(ovhdns).filter((name) => /^get[A-Z]/.test(name) && !name.endsWith("Output"));
    expect(dataSources.length).toBeGreaterThan(0);
    const row = rows.find((r) => r[0] === "data sources");
    for (const name of dataSources) expect(row?.[1]).toContain(`\`${name}\``);
  });

  test("has the rows issue 18 asks for, each with all seven columns filled", () => {
    expect(rows.map((r) => r[0])).toEqual(
      ["records", "a whole zone", "web redirections", "SOA settings", "DNSSEC", "DynHost", "data sources", "import", "export", "languages"],
    );
    for (const row of rows) {
      expect(row).toHaveLength(7);
      for (const cell of row) expect(cell).not.toBe("");
    }
  });
});
