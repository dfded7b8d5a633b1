/**
 * The outputs of a ZoneRecord, and how an answer of the API is folded into them.
 *
 * Outputs never hold `undefined`, `Date`, `BigInt` or `NaN`: the plugin host turns them into a protobuf
 * Struct, where `undefined` throws "Unexpected struct type" after the record was made (docs/pulumi-dynamic-providers.md).
 */
import { STACK_KEY } from "./registry-codec";
import { fqdnOf, isFieldType, targetsEqual, type ApiRecord, type RecordSpec } from "../records";

/** What a ZoneRecord resource exposes once it exists. */
export interface ZoneRecordOutputs extends RecordSpec {
  /** The OVH record id, as a decimal string (ids exceed 2^32). Also the resource id. */
  recordId: string;
  /** The full name of the record, e.g. `www.example.com` (the zone name at the apex). */
  fqdn: string;
  /**
   * This resource's holder id, minted when it took its record (ownership.ts): it tells the resource apart from
   * another that held the same record before, such as the old name of a renamed resource. A record read without
   * being managed (`ZoneRecord.get`) has none.
   */
  instanceId?: string;
  /**
   * The owner whose claim of the record the owner registry holds (owner-registry.ts); absent when the resource
   * has no owner or its claim is not (or no longer) there, so that the next `up` writes it.
   */
  owner?: string;
}

/**
 * The outputs of the record `spec` whose OVH id is `recordId`, held by `instanceId` ("": read only), claimed in
 * the owner registry by `owner` ("": no claim).
 */
export function toOutputs(spec: RecordSpec, recordId: string, instanceId: string, owner = ""): ZoneRecordOutputs {
  return {
    zoneName: spec.zoneName,
    subDomain: spec.subDomain,
    fieldType: spec.fieldType,
    target: spec.target,
    ttl: spec.ttl,
    recordId,
    fqdn: fqdnOf(spec.zoneName, spec.subDomain),
    // Never an undefined value (see above): no key at all for a record that is only read.
    ...(instanceId === "" ? {} : { instanceId }),
    ...(owner === "" ? {} : { owner }),
  };
}

/**
 * The record as the API has it, written in the form `prior` used wherever both mean the same thing, so that a
 * refresh shows a change only where there is one (TXT comes back quoted and split; host names may change case).
 */
export function observedSpec(prior: RecordSpec, api: ApiRecord): RecordSpec {
  const fieldType = isFieldType(api.fieldType) ? api.fieldType : prior.fieldType;
  const subDomain = api.subDomain ?? "";
  const target = fieldType === prior.fieldType && targetsEqual(fieldType, prior.target, api.target)
    ? prior.target
    : api.target;
  return {
    zoneName: prior.zoneName,
    subDomain: subDomain.toLowerCase() === prior.subDomain.toLowerCase() ? prior.subDomain : subDomain,
    fieldType,
    target,
    // A null TTL is the zone default, which the inputs write as 0.
    ttl: typeof api.ttl === "number" && Number.isFinite(api.ttl) ? api.ttl : 0,
  };
}

/** Reads a record spec back out of stored outputs or checked inputs (all five fields present). */
export function specOf(props: Record<string, unknown>): RecordSpec {
  return {
    zoneName: String(props.zoneName ?? ""),
    subDomain: String(props.subDomain ?? ""),
    fieldType: String(props.fieldType ?? "") as RecordSpec["fieldType"],
    target: String(props.target ?? ""),
    ttl: typeof props.ttl === "number" ? props.ttl : Number(props.ttl ?? 0),
  };
}

/**
 * The stack key inputs or stored outputs carry (`__stack`, set by the SDK: registry-codec.ts `STACK_KEY`);
 * `undefined` for resources declared by an older SDK.
 */
export function stackIn(props: Record<string, unknown>): string | undefined {
  return typeof props.__stack === "string" && STACK_KEY.test(props.__stack) ? props.__stack : undefined;
}

/** The owner that inputs or stored outputs name ("": none). */
export function ownerIn(props: Record<string, unknown>): string {
  return typeof props.owner === "string" ? props.owner : "";
}
