import { hostTargetType } from "./host-target";
import type { RecordType } from "./record-type";

/**
 * CNAME: an alias to another name. It cannot sit at the apex, where the zone's SOA and NS records live
 * (RFC 1034 §3.6.2: a CNAME coexists with no other data); `validateRecord` refuses that.
 */
export const CNAME: RecordType = hostTargetType("CNAME", "target.example.net.");
