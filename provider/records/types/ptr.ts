import { hostTargetType } from "./host-target";
import type { RecordType } from "./record-type";

/** PTR: the name an address maps back to (reverse zones). */
export const PTR: RecordType = hostTargetType("PTR", "host.example.com.");
