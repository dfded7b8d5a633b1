// A domain-ownership TXT record, as a mail, search-console or certificate service asks for. The service gives the
// token; the stack keeps it as a secret (`pulumi config set --secret verificationToken <the token>`), so the state
// holds it encrypted. `waitUntilPublished` makes the record's step return only once OVH serves it, so that a step
// asking the service to verify (which would depend on `record`) never runs against an unpublished zone.
import * as pulumi from "@pulumi/pulumi";
import * as ovhdns from "pulumi-ovh-dns";

const config = new pulumi.Config();
const zoneName = config.get("zoneName") ?? "example.com";
const token = config.requireSecret("verificationToken");

const record = new ovhdns.ZoneRecord("ownership", {
  zoneName,
  subDomain: "_verification",
  fieldType: "TXT",
  target: pulumi.interpolate`verification=${token}`,
  ttl: 300,
  waitUntilPublished: true,
});

export const verificationName = record.fqdn;
export const verificationValue = pulumi.secret(record.target);
