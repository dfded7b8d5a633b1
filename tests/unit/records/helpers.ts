import { checkRecordInputs, type RecordFailure } from "../../../provider/records";

/** A subDomain each type accepts, so a table about targets is not muddied by placement rules. */
const HOME: Record<string, string> = { SRV: "_sip._tcp", TLSA: "_443._tcp.www", DMARC: "_dmarc", DKIM: "s1._domainkey" };

/** Every failure for a record in `example.com` with the given fields (ttl 0 unless given). */
export function failuresOf(fields: Record<string, unknown>): RecordFailure[] {
  const fieldType = String(fields.fieldType ?? "A").toUpperCase();
  return checkRecordInputs({ zoneName: "example.com", subDomain: HOME[fieldType] ?? "host", ttl: 0, ...fields }).failures;
}

/** The failures of one `fieldType` target. */
export function targetFailures(fieldType: string, target: string): RecordFailure[] {
  return failuresOf({ fieldType, target });
}

/** A 64-digit (SHA-256) and a 128-digit (SHA-512) hex digest, and a 40-digit SHA-1 one. */
export const SHA256_HEX = "0c72ac70b745ac19998811b131d662c9ac69dbdbe7cb23e5b514b56664c5d3d6";
export const SHA512_HEX = SHA256_HEX + SHA256_HEX;
export const SHA1_HEX = "123456789abcdef67890123456789abcdef67890";
