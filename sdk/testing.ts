/**
 * `pulumi-ovh-dns/testing`: unit tests of a user's program under `pulumi.runtime.setMocks`, where every
 * ZoneRecord and ZoneRedirection (and every resource a Zone registers) goes through the provider's real `check`, so that a test
 * refuses what `pulumi preview` would refuse (`ttl: 30`, a CNAME at the apex, a target without its final dot).
 *
 * The usual echo mock (`newResource: (args) => ({ id: ..., state: args.inputs })`) accepts all of those: the
 * checks live in the dynamic provider, which only the engine calls. Nothing here calls the OVH API: a record that
 * passes `check` is "created" by echoing its checked inputs with a made-up record id. How to use it: docs/testing.md.
 */
import * as pulumi from "@pulumi/pulumi";
import { dynHostLoginProvider, dynHostRecordProvider, zoneManifestProvider, zonePruneProvider, zoneRecordProvider, zoneRedirectionProvider } from "../provider";
import { dynHostLoginSpecOf, dynHostRecordSpecOf } from "../provider/dynhost/model";
import { toDynHostLoginOutputs, toDynHostRecordOutputs } from "../provider/dynhost/outputs";
import { DYNHOST_LOGIN_TYPE, DYNHOST_RECORD_TYPE } from "./dynhost";
import { toOutputs } from "../provider/zone-record/outputs";
import { redirectionSpecOf } from "../provider/zone-redirection/model";
import { toRedirectionOutputs } from "../provider/zone-redirection/outputs";
import { ZONE_MANIFEST_TYPE, ZONE_PRUNE_TYPE } from "./zone/internal-resources";
import { ZONE_RECORD_TYPE } from "./zone-record";
import { ZONE_REDIRECTION_TYPE } from "./zone-redirection";

/** One failure of a `check`, as the engine reports it: the input it concerns and what to do. */
export interface CheckFailure {
  /** The input, e.g. `ttl`; `""` when the failure concerns the resource as a whole. */
  property: string;
  /** Why it was refused, and what to write instead. */
  reason: string;
}

/** A resource of this package that the provider's `check` refused, as `pulumi preview` would. */
export class CheckRefusedError extends Error {
  override readonly name: string = "CheckRefusedError";

  constructor(
    /** The resource's Pulumi type token. */
    readonly type: string,
    /** The resource's name in the program. */
    readonly resourceName: string,
    /** Every failure `check` returned. */
    readonly failures: CheckFailure[],
  ) {
    const shortType = type.split(":").pop();
    super(`${shortType} "${resourceName}" was refused by check: ${failures.map(describe).join("; ")}`);
  }
}

function describe(failure: CheckFailure): string {
  return failure.property ? `${failure.property}: ${failure.reason}` : failure.reason;
}

/** Options of {@link setOvhDnsMocks}. */
export interface OvhDnsMocksOptions {
  /**
   * Mocks for every resource and function that is not this package's (default: an echo of the inputs with the id
   * `<name>_id`, and `{}` for every function call).
   */
  mocks?: pulumi.runtime.Mocks;
  /** Project name given to `setMocks` (default `project`). */
  project?: string;
  /** Stack name given to `setMocks` (default `stack`). */
  stack?: string;
  /** Whether the program runs as in a preview (default `false`). */
  preview?: boolean;
}

/** What {@link setOvhDnsMocks} installed: the refusals seen so far, and the resources that passed. */
export interface OvhDnsMocks {
  /** Every refusal `check` made, in registration order (each also fails that resource's outputs). */
  readonly refusals: CheckRefusedError[];
  /** The checked state of every resource of this package that passed `check`, by resource name. */
  readonly resources: Map<string, Record<string, unknown>>;
}

/** The providers whose `check` runs under the mocks, by the type token their resources register with. */
const PROVIDERS: Record<string, pulumi.dynamic.ResourceProvider> = {
  [ZONE_RECORD_TYPE]: zoneRecordProvider,
  [ZONE_REDIRECTION_TYPE]: zoneRedirectionProvider,
  [ZONE_MANIFEST_TYPE]: zoneManifestProvider,
  [ZONE_PRUNE_TYPE]: zonePruneProvider,
  [DYNHOST_RECORD_TYPE]: dynHostRecordProvider,
  [DYNHOST_LOGIN_TYPE]: dynHostLoginProvider,
};

const echo: pulumi.runtime.Mocks = {
  newResource: (args) => ({ id: `${args.name}_id`, state: args.inputs }),
  call: () => ({}),
};

/**
 * What create would answer for `checked` inputs, without an API call: a ZoneRecord's outputs with a made-up
 * decimal record id (as `toOutputs` builds them after a POST), and a Zone's deletion of undeclared records as
 * having deleted none.
 */
function createdOutputs(type: string, checked: Record<string, unknown>, id: string): Record<string, unknown> {
  if (type === ZONE_RECORD_TYPE) return { ...checked, ...toOutputs(checked as unknown as Parameters<typeof toOutputs>[0], id, `${id}-instance`) };
  if (type === ZONE_REDIRECTION_TYPE) return { ...checked, ...toRedirectionOutputs(redirectionSpecOf(checked), id, `${id}-instance`) };
  if (type === DYNHOST_RECORD_TYPE) return { ...checked, ...toDynHostRecordOutputs(dynHostRecordSpecOf(checked), id, 60, `${id}-instance`) };
  if (type === DYNHOST_LOGIN_TYPE) return { ...checked, ...toDynHostLoginOutputs(dynHostLoginSpecOf(checked)) };
  return type === ZONE_PRUNE_TYPE ? { ...checked, deleted: [] } : checked;
}

/** `value` with every secret (Pulumi's wire form: `{ [specialSigKey]: specialSecretSig, value }`) replaced by its value. */
function unwrapSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unwrapSecrets);
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  if (record[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig) return unwrapSecrets(record.value);
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, unwrapSecrets(v)]));
}

/**
 * Installs `pulumi.runtime.setMocks` with mocks that run the real `check` of every resource of this package
 * (ZoneRecord, and what a Zone registers) and hand every other resource and call to `options.mocks`. Call it
 * before the program's module is loaded (`await import("./index")` after it).
 *
 * ```ts
 * const ovhdns = await setOvhDnsMocks();
 * const program = await import("./index");
 * // a refused record fails its outputs with a CheckRefusedError naming the input, and is listed:
 * expect(ovhdns.refusals).toEqual([]);
 * ```
 */
export async function setOvhDnsMocks(options: OvhDnsMocksOptions = {}): Promise<OvhDnsMocks> {
  const others = options.mocks ?? echo;
  const state: OvhDnsMocks = { refusals: [], resources: new Map() };
  let ids = 0;
  const mocks: pulumi.runtime.Mocks = {
    call: (args) => others.call(args),
    newResource: async (args) => {
      const provider = PROVIDERS[args.type];
      if (!provider || typeof args.inputs?.__provider !== "string") return others.newResource(args);
      // The engine hands a provider its secret inputs as plain values (and keeps them secret in the state); mocks
      // get them wrapped: unwrap them as the dynamic-provider host does.
      const { inputs, failures } = await provider.check!({}, unwrapSecrets(args.inputs) as Record<string, unknown>);
      if (failures && failures.length > 0) {
        const refusal = new CheckRefusedError(args.type, args.name, failures.map((f) => ({ property: f.property, reason: f.reason })));
        state.refusals.push(refusal);
        throw refusal;
      }
      const checked: Record<string, unknown> = { ...(inputs as Record<string, unknown>), __provider: args.inputs.__provider };
      const numbered = [ZONE_RECORD_TYPE, ZONE_REDIRECTION_TYPE, DYNHOST_RECORD_TYPE].includes(args.type);
      const id = numbered ? String(1_000_000_000 + ++ids)
        : args.type === DYNHOST_LOGIN_TYPE ? `${String(checked.zoneName)}-${String(checked.loginSuffix)}` : String(checked.zoneName);
      const outs = createdOutputs(args.type, checked, id);
      state.resources.set(args.name, outs);
      return { id, state: outs };
    },
  };
  await pulumi.runtime.setMocks(mocks, options.project ?? "project", options.stack ?? "stack", options.preview ?? false);
  return state;
}
