/**
 * Type-level test, checked by `npm run typecheck` (never run by jest): `fieldType` offers the 20 OVH record types
 * (what an editor completes is the union's literal members) and still accepts any string, in a ZoneRecord's
 * arguments and in a Zone's record specs. That an unknown string is refused by `check`, naming the 20, is
 * tests/unit/zone-record/check.test.ts.
 */
import type { FieldType, FieldTypeInput, ZoneRecordArgs, ZoneRecordSpec } from "../../sdk";

/** `true` only when A and B are the same type. */
type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** The literal members of a type that an editor offers: what is left when `string` itself is not a member. */
type Offered<T> = Extract<T, FieldType>;

// The 20 literals survive in each place a program writes a fieldType (with plain `string` they would be `never`).
export const offeredByInput: Equal<Offered<FieldTypeInput>, FieldType> = true;
export const offeredByArgs: Equal<Offered<ZoneRecordArgs["fieldType"]>, FieldType> = true;
export const offeredBySpec: Equal<Offered<ZoneRecordSpec["fieldType"]>, FieldType> = true;
export const twenty: Equal<FieldType, "A" | "AAAA" | "CAA" | "CNAME" | "DKIM" | "DMARC" | "DNAME" | "HTTPS" | "LOC" | "MX" | "NAPTR" | "NS" | "PTR" | "RP" | "SPF" | "SRV" | "SSHFP" | "SVCB" | "TLSA" | "TXT"> = true;

// Any string is still accepted: a literal, and a variable whose type is only `string`.
declare const fromConfig: string;
export const literal: ZoneRecordArgs = { zoneName: "example.com", fieldType: "MX", target: "10 mail.example.com." };
export const variable: ZoneRecordArgs = { zoneName: "example.com", fieldType: fromConfig, target: "192.0.2.1" };
export const promised: ZoneRecordArgs = { zoneName: "example.com", fieldType: Promise.resolve(fromConfig), target: "192.0.2.1" };
export const spec: ZoneRecordSpec = { fieldType: fromConfig, target: "192.0.2.1" };

// A value that is not a string is still refused by the compiler.
// @ts-expect-error: fieldType is a string
export const numeric: ZoneRecordArgs = { zoneName: "example.com", fieldType: 1, target: "192.0.2.1" };
