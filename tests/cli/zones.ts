/** Zones to export: one record of each of the 20 OVH types, as OVH stores them, and a 500-record zone. */
import type { SeedRecord } from "../../emulator";

const LONG_TEXT = `v=DKIM1; k=rsa; p=${"MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA".repeat(7)}`;

/** A realistic zone: apex NS (OVH's), wildcard, `_dmarc`, quoted and split TXT, CAA, SRV... */
export const REALISTIC_ZONE: SeedRecord[] = [
  { subDomain: "", fieldType: "NS", target: "dns200.anycast.me.", ttl: 0 },
  { subDomain: "", fieldType: "NS", target: "ns200.anycast.me.", ttl: 0 },
  { subDomain: "", fieldType: "A", target: "203.0.113.10", ttl: 3600 },
  { subDomain: "", fieldType: "AAAA", target: "2001:db8::10", ttl: 3600 },
  { subDomain: "", fieldType: "MX", target: "10 mx1.example.com.", ttl: 0 },
  { subDomain: "", fieldType: "MX", target: "20 mx2.example.com.", ttl: 0 },
  { subDomain: "", fieldType: "TXT", target: '"v=spf1 include:mx.ovh.com -all"', ttl: 0 },
  { subDomain: "", fieldType: "TXT", target: '"say \\"hi\\" to the team"', ttl: 600 },
  { subDomain: "", fieldType: "SPF", target: '"v=spf1 mx -all"', ttl: 0 },
  { subDomain: "", fieldType: "CAA", target: '0 issue "letsencrypt.org"', ttl: 0 },
  { subDomain: "www", fieldType: "CNAME", target: "example.com.", ttl: 0 },
  { subDomain: "*", fieldType: "A", target: "203.0.113.20", ttl: 300 },
  { subDomain: "_dmarc", fieldType: "TXT", target: '"v=DMARC1; p=quarantine; rua=mailto:dmarc@example.com"', ttl: 0 },
  { subDomain: "_dmarc.shop", fieldType: "DMARC", target: "v=DMARC1; p=none", ttl: 0 },
  { subDomain: "mail._domainkey", fieldType: "DKIM", target: LONG_TEXT, ttl: 0 },
  {
    subDomain: "google._domainkey",
    fieldType: "TXT",
    target: `"${LONG_TEXT.slice(0, 255)}" "${LONG_TEXT.slice(255)}"`,
    ttl: 0,
  },
  { subDomain: "_sip._tcp", fieldType: "SRV", target: "10 60 5060 sip.example.com.", ttl: 0 },
  { subDomain: "_imaps._tcp", fieldType: "SRV", target: "0 1 993 mail.example.com.", ttl: 0 },
  { subDomain: "old", fieldType: "DNAME", target: "example.net.", ttl: 0 },
  { subDomain: "lab", fieldType: "NS", target: "ns1.lab-dns.example.", ttl: 0 },
  { subDomain: "10", fieldType: "PTR", target: "host.example.com.", ttl: 0 },
  { subDomain: "office", fieldType: "LOC", target: "52 22 23.000 N 4 53 32.000 E -2.00m 1m 10000m 10m", ttl: 0 },
  { subDomain: "sip", fieldType: "NAPTR", target: '100 10 "S" "SIP+D2U" "" _sip._udp.example.com.', ttl: 0 },
  { subDomain: "host", fieldType: "SSHFP", target: `4 2 ${"ab12".repeat(16)}`, ttl: 0 },
  { subDomain: "_443._tcp.www", fieldType: "TLSA", target: `3 1 1 ${"0c9f".repeat(16)}`, ttl: 0 },
  { subDomain: "", fieldType: "HTTPS", target: "1 . alpn=h3,h2 ipv4hint=203.0.113.10", ttl: 0 },
  { subDomain: "_dns", fieldType: "SVCB", target: "1 dns.example.com. alpn=dot port=853", ttl: 0 },
  { subDomain: "contact", fieldType: "RP", target: "hostmaster.example.com. .", ttl: 0 },
];

/** 500 records: A, AAAA, CNAME and TXT under 200 names, some sharing name and type. */
export function largeZone(): SeedRecord[] {
  const records: SeedRecord[] = [];
  for (let i = 0; records.length < 500; i++) {
    const host = `host${String(i).padStart(3, "0")}`;
    records.push({ subDomain: host, fieldType: "A", target: `198.51.100.${i % 250}`, ttl: 3600 });
    if (i % 2 === 0) records.push({ subDomain: host, fieldType: "AAAA", target: `2001:db8::${i.toString(16)}`, ttl: 0 });
    if (i % 4 === 0) records.push({ subDomain: `www.${host}`, fieldType: "CNAME", target: `${host}.example.org.`, ttl: 0 });
    if (i % 8 === 0) records.push({ subDomain: host, fieldType: "A", target: `192.0.2.${i % 250}`, ttl: 3600 });
  }
  return records.slice(0, 500);
}
