import { hostTargetType } from "./host-target";
import type { RecordType } from "./record-type";

/** NS: delegates `subDomain` to a name server. */
export const NS: RecordType = hostTargetType("NS", "ns1.example.net.");
