/**
 * Adoption: taking over a record that already exists instead of posting a duplicate.
 *
 * Every real zone already holds records, and Pulumi's `import` resource option cannot carry a dynamic
 * provider's code through the real engine (its import Read sends neither inputs nor state: pulumi/pulumi#16175,
 * docs/pulumi-cli.md). So adoption is an input the program sets: with `adopt: true`, create first looks for a
 * record of the same zone, name, type and target (meaning, not spelling: `targetsEqual`) that no resource of
 * the run holds (ownership.ts: a record another resource keeps is never taken), and takes it. Only the TTL may differ; the lifecycle then sets it in place. A
 * record whose name, type or target differ is never taken: that would silently rewrite someone else's record.
 */
import { sameRecord, type ApiRecord, type RecordSpec } from "../records";
import type { CreateLedger } from "./create-record";
import type { ZoneApi } from "./zone-api";

/**
 * The existing record `spec` describes (TTL aside) that no resource of the run holds, now held; `undefined`
 * when there is none. Records are examined in the order the API lists them, so adoption is deterministic.
 */
export async function adoptExistingRecord(api: ZoneApi, ledger: CreateLedger, spec: RecordSpec, holder: string): Promise<ApiRecord | undefined> {
  const ids = await api.listRecordIds(spec.zoneName, { fieldType: spec.fieldType, subDomain: spec.subDomain });
  for (const id of ids) {
    if (ledger.owners.isHeld(spec.zoneName, id)) continue;
    const record = await api.getRecord(spec.zoneName, id);
    if (!record || !sameRecord({ ...spec, ttl: record.ttl ?? 0 }, record)) continue;
    // Two identical adoptions run in parallel: the ownership test must follow the last await, so that the
    // test and the claim happen in one turn of the event loop and only one of them takes this record.
    if (!ledger.owners.claim(spec.zoneName, id, holder)) continue;
    return record;
  }
  return undefined;
}
