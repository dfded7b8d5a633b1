import { isFieldType, type FieldType } from "./field-types";
import { A } from "./types/a";
import { AAAA } from "./types/aaaa";
import { CAA } from "./types/caa";
import { CNAME } from "./types/cname";
import { DKIM } from "./types/dkim";
import { DMARC } from "./types/dmarc";
import { DNAME } from "./types/dname";
import { HTTPS, SVCB } from "./types/svcb";
import { LOC } from "./types/loc";
import { MX } from "./types/mx";
import { NAPTR } from "./types/naptr";
import { NS } from "./types/ns";
import { PTR } from "./types/ptr";
import type { RecordType } from "./types/record-type";
import { RP } from "./types/rp";
import { SPF } from "./types/spf";
import { SRV } from "./types/srv";
import { SSHFP } from "./types/sshfp";
import { TLSA } from "./types/tlsa";
import { TXT } from "./types/txt";

/** Every record type, by its OVH name. */
const RECORD_TYPES: Readonly<Record<FieldType, RecordType>> = {
  A,
  AAAA,
  CAA,
  CNAME,
  DKIM,
  DMARC,
  DNAME,
  HTTPS,
  LOC,
  MX,
  NAPTR,
  NS,
  PTR,
  RP,
  SPF,
  SRV,
  SSHFP,
  SVCB,
  TLSA,
  TXT,
};

/** The record type called `fieldType` (upper case), or `undefined` for a name OVH does not offer. */
export function recordTypeOf(fieldType: string): RecordType | undefined {
  return isFieldType(fieldType) ? RECORD_TYPES[fieldType] : undefined;
}
