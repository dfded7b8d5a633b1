// Every resource of the package on one zone: a small business's site and mail records, a web redirection for its
// old blog, the SOA settings, DNSSEC, and a DynHost name for the office router with the login it signs in with.
// Configure the zone and the router's DynHost password, then the OVH credentials (see the README):
//   pulumi config set zoneName example.com
//   pulumi config set --secret dynhostPassword <8 to 64 characters>
//   pulumi config set ovh:applicationKey ...            (the key needs `pulumi-ovh-dns credentials
//   pulumi config set --secret ovh:applicationSecret ...  --with-redirections --with-soa --with-dnssec
//   pulumi config set --secret ovh:consumerKey ...        --with-dynhost`)
// then `pulumi up`. The password stays a secret: the state holds it encrypted and no output shows it.
// `pulumi destroy` deletes the records, the redirection, the DynHost record and login, turns DNSSEC off (remove the
// DS record at the registrar first for a domain registered elsewhere) and puts the SOA values back as it found them.
import * as pulumi from "@pulumi/pulumi";
import * as ovhdns from "pulumi-ovh-dns";

const config = new pulumi.Config();
const zoneName = config.get("zoneName") ?? "example.com";
const webIpv4 = config.get("webIpv4") ?? "203.0.113.10";
const blogTarget = config.get("blogTarget") ?? "https://blog.example.org/";
const officeIpv4 = config.get("officeIpv4") ?? "198.51.100.20";
const dynhostPassword = config.requireSecret("dynhostPassword");

const apex = new ovhdns.ZoneRecord("apex-a", { zoneName, fieldType: "A", target: webIpv4, ttl: 3600 });
new ovhdns.ZoneRecord("www", { zoneName, subDomain: "www", fieldType: "CNAME", target: `${zoneName}.` });
new ovhdns.ZoneRecord("mx", { zoneName, fieldType: "MX", target: `10 mx1.${zoneName}.` });
new ovhdns.ZoneRecord("spf", { zoneName, fieldType: "TXT", target: "v=spf1 mx -all" });

// OVH serves the redirection from an A and a TXT record of its own at `blog`: declare none there.
const blog = new ovhdns.ZoneRedirection("blog", { zoneName, subDomain: "blog", type: "visiblePermanent", target: blogTarget });

// Only what is set here is managed; destroying the stack puts back the values OVH had.
const soa = new ovhdns.ZoneSoa("soa", { zoneName, nxDomainTtl: 300, email: `hostmaster@${zoneName}` });

const dnssec = new ovhdns.ZoneDnssec("dnssec", { zoneName });

// The router pushes its address to OVH: keep the address it pushed rather than put the declared one back.
const office = new ovhdns.DynHostRecord("office", { zoneName, subDomain: "office", ip: officeIpv4 }, { ignoreChanges: ["ip"] });
const router = new ovhdns.DynHostLogin("router", { zoneName, loginSuffix: "router", subDomain: "office", password: dynhostPassword });

export const apexRecordId = apex.recordId;
export const blogUrl = blog.fqdn;
export const soaSerial = soa.serial;
export const dnssecStatus = dnssec.status;
export const officeName = office.fqdn;
export const routerLogin = router.login;
