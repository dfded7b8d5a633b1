// A zone's everyday records. Configure the zone with `pulumi config set zoneName example.com` and the OVH
// credentials with `pulumi config set ovh:applicationKey ...` (see the README), then `pulumi up`.
import * as pulumi from "@pulumi/pulumi";
import * as ovhdns from "pulumi-ovh-dns";

const config = new pulumi.Config();
const zoneName = config.get("zoneName") ?? "example.com";
const webIpv4 = config.get("webIpv4") ?? "203.0.113.10";
const webIpv6 = config.get("webIpv6") ?? "2001:db8::10";
const ttl = config.getNumber("ttl") ?? 3600;

const apex = new ovhdns.ZoneRecord("apex-a", { zoneName, fieldType: "A", target: webIpv4, ttl });
new ovhdns.ZoneRecord("apex-aaaa", { zoneName, fieldType: "AAAA", target: webIpv6, ttl });
const www = new ovhdns.ZoneRecord("www", { zoneName, subDomain: "www", fieldType: "CNAME", target: `${zoneName}.`, ttl });
new ovhdns.ZoneRecord("mx-1", { zoneName, fieldType: "MX", target: `10 mx1.${zoneName}.` });
new ovhdns.ZoneRecord("mx-2", { zoneName, fieldType: "MX", target: `20 mx2.${zoneName}.` });
new ovhdns.ZoneRecord("spf", { zoneName, fieldType: "TXT", target: `v=spf1 mx include:mx.ovh.com -all` });
new ovhdns.ZoneRecord("caa", { zoneName, fieldType: "CAA", target: `0 issue "letsencrypt.org"` });
new ovhdns.ZoneRecord("sip", { zoneName, subDomain: "_sip._tcp", fieldType: "SRV", target: `10 5 5060 sip.${zoneName}.` });

export const apexRecordId = apex.recordId;
export const wwwName = www.fqdn;
