// Reads the account: registered domains, DNS zones, and a zone's records with their OVH ids. The ids are for
// reading, not for importing: the `import` option does not work for dynamic providers. To manage existing records,
// declare them with `adopt: true`, or let `pulumi-ovh-dns export` write the program (README, "Adopting an existing zone").
import * as pulumi from "@pulumi/pulumi";
import * as ovhdns from "pulumi-ovh-dns";

const config = new pulumi.Config();
const zoneName = config.get("zoneName") ?? "example.com";

export const domains = ovhdns.getDomainsOutput().domains;
export const zones = ovhdns.getZonesOutput().zones;
export const zone = ovhdns.getZoneOutput({ zoneName });
export const records = ovhdns.getZoneRecordsOutput({ zoneName }).records;
export const mailRecords = ovhdns.getZoneRecordsOutput({ zoneName, fieldType: "MX" }).records.apply((rs) =>
  rs.map((r) => `${r.recordId} ${r.fqdn} ${r.target}`));
