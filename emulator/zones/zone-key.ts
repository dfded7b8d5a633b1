/**
 * Zone names are DNS names, which compare case-insensitively for ASCII letters (RFC 4343);
 * the emulator finds `Example.COM` as `example.com` (docs/ovh-api-emulator.md, "Zone names").
 */

/** The lookup key of a zone name: ASCII letters lower-cased, nothing else changed. */
export function zoneKey(name: string): string {
  return name.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
}
