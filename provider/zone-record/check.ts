/**
 * check: the record's five inputs go through `checkRecordInputs` (records/check.ts), the one check shared with
 * the Zone component and `export`; this adds what only a ZoneRecord resource has (`adopt`, `waitUntilPublished`,
 * `owner`, no unknown keys, the owner registry's name left to it) and
 * the shape of Pulumi's `CheckResult`. Pure: no API call.
 */
import { checkRecordInputs, type RecordFailure } from "../records";
import { isRegistryRecord, ownerProblem, REGISTRY_SUBDOMAIN, STACK_KEY } from "./registry-codec";
import { isUnknownValue } from "./unknown";

/** The result of {@link checkZoneRecord}, in the shape of Pulumi's `CheckResult`. */
export interface ZoneRecordCheck {
  inputs: Record<string, unknown>;
  failures: RecordFailure[];
}

const INPUT_KEYS = ["zoneName", "subDomain", "fieldType", "target", "ttl"] as const;
/** Keys that may travel with the inputs: the host's `__provider`, and the outputs the SDK declares. */
const KNOWN_KEYS: readonly string[] = [...INPUT_KEYS, "adopt", "waitUntilPublished", "owner", "__provider", "__stack", "recordId", "fqdn"];

/** The boolean inputs that say how the record is managed, and what `true` does (for the refusal's reason). */
const FLAGS = {
  adopt: "true takes over an identical existing record instead of creating one",
  waitUntilPublished: "true makes each change return only once a zone refresh covering it succeeded",
} as const;

/** Checks the inputs `news` of a ZoneRecord (the old inputs play no part: every state is checked whole). */
export function checkZoneRecord(news: Record<string, unknown>): ZoneRecordCheck {
  const unknownKeys = Object.keys(news).filter((key) => !KNOWN_KEYS.includes(key) && news[key] !== undefined);
  const { spec, failures } = checkRecordInputs(news, isUnknownValue);
  const inputs: Record<string, unknown> = {};
  for (const key of INPUT_KEYS) {
    const value = spec[key];
    inputs[key] = value === undefined ? news[key] ?? null : value;
  }
  const extra: RecordFailure[] = unknownKeys.map((key) => ({
    property: key as RecordFailure["property"],
    reason: `unknown property "${key}": a ZoneRecord takes zoneName, subDomain, fieldType, target, ttl, adopt, waitUntilPublished and owner`,
  }));
  if (typeof inputs.subDomain === "string" && isRegistryRecord({ subDomain: inputs.subDomain, fieldType: String(inputs.fieldType) })) {
    extra.push({
      property: "subDomain",
      reason: `"${REGISTRY_SUBDOMAIN}" is where the owner registry keeps which stack manages which record (docs/ownership.md): choose another name`,
    });
  }
  const owner = news.owner;
  if (owner !== undefined && owner !== null && owner !== "" && !isUnknownValue(owner)) {
    const problem = ownerProblem(owner);
    if (problem === undefined) inputs.owner = owner;
    else extra.push({ property: "owner" as RecordFailure["property"], reason: `owner ${problem}; it names the stack that manages the record (set \`ovhdns:owner\` in the stack config, or the ZoneRecord's owner)` });
  } else if (isUnknownValue(owner)) inputs.owner = owner;
  // The stack key the SDK sets (registry-codec.ts); anything else there is dropped, never stored.
  if (typeof news.__stack === "string" && STACK_KEY.test(news.__stack)) inputs.__stack = news.__stack;
  for (const [flag, meaning] of Object.entries(FLAGS)) {
    const value = news[flag];
    if (value === undefined || value === null) continue;
    // A plain boolean (or not known yet in a preview); absent means false.
    if (typeof value === "boolean" || isUnknownValue(value)) inputs[flag] = value;
    else extra.push({ property: flag as RecordFailure["property"], reason: `${flag} must be true or false, not ${JSON.stringify(value)}: ${meaning}` });
  }
  return { inputs, failures: [...failures, ...extra] };
}
