import { hostTargetType } from "./host-target";
import type { RecordType } from "./record-type";

/** DNAME: redirects a whole subtree to another name (RFC 6672); added by OVH in 2021 (docs/ovh-api.md §5). */
export const DNAME: RecordType = hostTargetType("DNAME", "other.example.net.");
