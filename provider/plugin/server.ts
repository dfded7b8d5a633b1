/**
 * The `ovhdns` resource provider plugin's gRPC service: a thin adapter from Pulumi's ResourceProvider protocol
 * to the very {@link ZoneRecordProvider} object the dynamic provider serves (provider/index.ts), so check, diff,
 * create, read, update and delete, the coalesced refresh, the settling of an ambiguous POST and the ownership of
 * records are the same code through both doors. What is the plugin's own:
 * - the package schema (`GetSchema`, schema.json, generated from the doc comments by `npm run schema`);
 * - the configuration: `ovhdns:<key>` answers the provider's `ovh:<key>` lookups (config.ts), and `ovhdns:owner`
 *   is the default `owner` of a ZoneRecord and a ZoneRedirection, as the TypeScript SDK defaults it from the same
 *   key;
 * - the type tokens `ovhdns:index:ZoneRecord`, and `ZoneRedirection`, `ZoneSoa`, `ZoneDnssec`, `DynHostRecord` and
 *   `DynHostLogin` (each its provider object of provider/index.ts, likewise; a ZoneRedirection also takes the owner
 *   and stack key): any other type is refused, naming the ones it serves; and the `Zone` component
 *   (`ovhdns:index:Zone`), which `Construct` builds with the TypeScript Zone (zone-component.ts), whose internal
 *   children (`ovhdns:index:ZoneManifest`, `ovhdns:index:ZoneUnmanaged`) are served by the dynamic provider's
 *   objects for them;
 * - the data sources as functions (`ovhdns:index:getZoneRecords`...), the SDK's own (DATA_SOURCES), with the
 *   plugin's credentials;
 * - an import id may also be written `<zoneName>/<recordId>` (read.ts).
 *
 * It mirrors Pulumi's own dynamic-provider host (`@pulumi/pulumi/cmd/dynamic-provider`): the config is read from
 * Configure's `args` with its secrets unwrapped, inputs are given to the provider in the clear (the plugin accepts
 * secrets, as a plugin that builds components must, and unwraps them, marking the answers again: secrets.ts), an error carrying an `id` is the engine's "created but failed
 * to initialise" with the record's properties, and every other method is left unimplemented. Pulumi's
 * `@pulumi/pulumi/provider` server cannot serve it: its Configure drops the provider's configuration.
 */
import type { handleUnaryCall, Server, ServiceError, UntypedServiceImplementation } from "@grpc/grpc-js";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as plugproto from "@pulumi/pulumi/proto/plugin_pb";
import * as statusproto from "@pulumi/pulumi/proto/status_pb";
import type * as pulumi from "@pulumi/pulumi";
import { ZoneRecordError } from "../records";
import { DATA_SOURCES, SessionPool, type ConfigLookup, type DataSourceName } from "../zone-record";
import { asDynamicConfig, pluginConfigOf, type PluginConfig } from "./config";
import { stackKeyOf } from "../zone-record/registry-codec";
import { Any, Empty, grpc, Struct } from "./sdk-modules";
import { construct } from "./construct";
import { rewrapSecrets, unwrapSecrets } from "./secrets";
import { constructZone, PLUGIN_ZONE_MANIFEST_TYPE, PLUGIN_ZONE_UNMANAGED_TYPE } from "./zone-component";

/** The type token of the plugin's ZoneRecord. */
export const PLUGIN_ZONE_RECORD_TYPE = "ovhdns:index:ZoneRecord";
/** The type token of the Zone component the plugin builds in `Construct`. */
export const PLUGIN_ZONE_TYPE = "ovhdns:index:Zone";

/** The type token of the plugin's ZoneDnssec, served by the dynamic provider's `zoneDnssecProvider`. */
export const PLUGIN_ZONE_DNSSEC_TYPE = "ovhdns:index:ZoneDnssec";
/** The type token of the plugin's ZoneRedirection, which takes the stack's owner like a ZoneRecord. */
export const PLUGIN_ZONE_REDIRECTION_TYPE = "ovhdns:index:ZoneRedirection";
/** The other type tokens the plugin serves, each by the dynamic provider's object of the same name. */
export const PLUGIN_ZONE_SOA_TYPE = "ovhdns:index:ZoneSoa";
export const PLUGIN_DYNHOST_RECORD_TYPE = "ovhdns:index:DynHostRecord";
export const PLUGIN_DYNHOST_LOGIN_TYPE = "ovhdns:index:DynHostLogin";

/** The types whose inputs take the stack's owner (`ovhdns:owner`) and stack key: the owner registry's. */
const OWNED_TYPES: ReadonlySet<string> = new Set([PLUGIN_ZONE_RECORD_TYPE, PLUGIN_ZONE_REDIRECTION_TYPE]);

type Unary<Req, Res> = handleUnaryCall<Req, Res>;
type Props = Record<string, unknown>;

/** A request for a resource type or function the plugin does not serve. */
export class UnknownResourceTypeError extends ZoneRecordError {
  override readonly name: string = "UnknownResourceTypeError";
}

/** A dynamic provider's object, as the plugin drives it. */
export type ServedProvider = Required<Pick<pulumi.dynamic.ResourceProvider, "configure" | "check" | "diff" | "create" | "read" | "update" | "delete">>;

/**
 * What the service needs: the dynamic provider's ZoneRecord object, the other resources' by type token (the
 * ZoneDnssec's), the schema text and the package version.
 */
export interface PluginParts {
  provider: ServedProvider;
  others?: Record<string, ServedProvider>;
  schema: string;
  version: string;
  /**
   * The dynamic provider's objects for a Zone's manifest and its deletion of undeclared records: with them (and
   * `engineAddress`), the plugin builds `ovhdns:index:Zone` components; without them it refuses them.
   */
  zone?: { manifest: pulumi.dynamic.ResourceProvider; unmanaged: pulumi.dynamic.ResourceProvider };
  /** The engine's address (the plugin's last argument), which a construct points the SDK's runtime at. */
  engineAddress?: string;
}

/** The type of a URN (`urn:pulumi:<stack>::<project>::<parent$>type::<name>`), without its parents' types. */
export function typeOfUrn(urn: string): string {
  const parts = urn.split("::");
  return (parts[2] ?? "").split("$").pop() ?? "";
}

/** The provider of the resource `urn` names, or an error naming the types a program may declare. */
function servedBy(served: Record<string, pulumi.dynamic.ResourceProvider>, urn: string): pulumi.dynamic.ResourceProvider {
  const type = typeOfUrn(urn);
  if (!Object.hasOwn(served, type)) {
    const declarable = Object.keys(served).filter((t) => t !== PLUGIN_ZONE_MANIFEST_TYPE && t !== PLUGIN_ZONE_UNMANAGED_TYPE);
    throw new UnknownResourceTypeError(`the ovhdns plugin serves the resources ${declarable.join(", ")} and the component ${PLUGIN_ZONE_TYPE}; "${type}" is not one of its resources (${urn})`);
  }
  return served[type];
}

/** A function token of the plugin (`ovhdns:index:getZoneRecords`), or an error naming the ones it serves. */
function dataSourceOf(token: string): (typeof DATA_SOURCES)[DataSourceName] {
  const name = token.startsWith("ovhdns:index:") ? token.slice("ovhdns:index:".length) : "";
  if (!Object.hasOwn(DATA_SOURCES, name)) {
    throw new UnknownResourceTypeError(`the ovhdns plugin has no function "${token}": it serves ${Object.keys(DATA_SOURCES).map((n) => `ovhdns:index:${n}`).join(", ")}`);
  }
  return DATA_SOURCES[name as DataSourceName];
}

function toJs(struct: InstanceType<typeof Struct> | undefined): Props {
  return (struct?.toJavaScript() ?? {}) as Props;
}

/** A request's properties with their secrets unwrapped (secrets.ts), and the keys that held one. */
function plainOf(struct: InstanceType<typeof Struct> | undefined): { plain: Props; secretKeys: Set<string> } {
  return unwrapSecrets(toJs(struct));
}

/** `fn`'s result; an error carrying the properties of a created record gets them with its secrets marked again. */
async function keepingSecrets<T>(secretKeys: ReadonlySet<string>, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const failed = err as { properties?: Props };
    if (failed && typeof failed === "object" && failed.properties) failed.properties = rewrapSecrets(failed.properties, secretKeys);
    throw err;
  }
}

const struct = (props: Props | undefined) => Struct.fromJavaScript((props ?? {}) as Parameters<typeof Struct.fromJavaScript>[0]);

/** The gRPC status of a failed step: with `ErrorResourceInitFailed` details when the error names a record id. */
function statusOf(err: unknown): ServiceError {
  type Failure = Error & { id?: string; properties?: Props; reasons?: string[] };
  const e: Failure = err instanceof Error ? err : new Error(String(err));
  const metadata = new grpc.Metadata();
  if (e.id) {
    const detail = new provproto.ErrorResourceInitFailed();
    detail.setId(e.id);
    detail.setProperties(Struct.fromJavaScript((e.properties ?? {}) as Parameters<typeof Struct.fromJavaScript>[0]));
    detail.setReasonsList(e.reasons ?? [e.message]);
    const details = new Any();
    details.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
    const status = new statusproto.Status();
    status.setCode(grpc.status.UNKNOWN);
    status.setMessage(e.message);
    status.addDetails(details);
    metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
  }
  return Object.assign(new Error(e.message), { code: grpc.status.UNKNOWN, details: e.message, metadata });
}

/** Runs `fn` for a unary call and answers with its result or its error. */
function answer<Req, Res>(fn: (req: Req) => Promise<Res>): Unary<Req, Res> {
  return (call, callback) => {
    fn(call.request).then((res) => callback(null, res), (err: unknown) => callback(statusOf(err), null));
  };
}

/** The ResourceProvider service of the plugin (the methods not here answer UNIMPLEMENTED). */
export function pluginService(parts: PluginParts): UntypedServiceImplementation {
  // The types the plugin serves: the ZoneRecord, the others (ZoneDnssec), and a Zone's internal children when it
  // builds Zones.
  const internal: Record<string, pulumi.dynamic.ResourceProvider> = parts.zone ? { [PLUGIN_ZONE_MANIFEST_TYPE]: parts.zone.manifest, [PLUGIN_ZONE_UNMANAGED_TYPE]: parts.zone.unmanaged } : {};
  const served: Record<string, pulumi.dynamic.ResourceProvider> = { [PLUGIN_ZONE_RECORD_TYPE]: parts.provider, ...parts.others, ...internal };
  let config: PluginConfig = {};
  /** The data sources' credentials: the same keys as the records', from the plugin's config (then env, ovh.conf). */
  const lookup: ConfigLookup = (key) => asDynamicConfig(config).get(`ovh:${key}`);
  const dataSources = new SessionPool();
  /**
   * ZoneRecord inputs with the config's owner where the program gave none (the TypeScript SDK's default), and the
   * stack key the TypeScript SDK passes as `__stack` (registry-codec.ts), from the resource's URN. The plugin is not
   * told the organization: it uses "organization", what self-managed backends report.
   */
  const withDefaults = (news: Props, urn: string): Props => {
    if (!OWNED_TYPES.has(typeOfUrn(urn))) return news;
    const withOwner = news.owner === undefined && config.owner !== undefined ? { ...news, owner: config.owner } : news;
    const [stack, project] = urn.replace(/^urn:pulumi:/, "").split("::");
    return stack && project ? { ...withOwner, __stack: stackKeyOf("organization", project, stack) } : withOwner;
  };

  const service: Partial<Record<keyof provrpc.IResourceProviderServer, Unary<never, unknown>>> = {
    getPluginInfo: answer(async () => {
      const info = new plugproto.PluginInfo();
      info.setVersion(parts.version);
      return info;
    }),
    getSchema: answer(async (req: provproto.GetSchemaRequest) => {
      if (req.getVersion() !== 0) throw new Error(`unsupported schema version ${req.getVersion()}`);
      const res = new provproto.GetSchemaResponse();
      res.setSchema(parts.schema);
      return res;
    }),
    configure: answer(async (req: provproto.ConfigureRequest) => {
      config = pluginConfigOf(toJs(req.getArgs()));
      for (const p of new Set(Object.values(served))) await p.configure?.({ config: asDynamicConfig(config) });
      const res = new provproto.ConfigureResponse();
      // The engine builds components only with a plugin that accepts secrets: they are unwrapped below (secrets.ts).
      res.setAcceptsecrets(true);
      return res;
    }),
    check: answer(async (req: provproto.CheckRequest) => {
      const target = servedBy(served, req.getUrn());
      const { plain, secretKeys } = plainOf(req.getNews());
      const news = withDefaults(plain, req.getUrn());
      // A provider without check takes its inputs as they are (Pulumi's dynamic-provider host does the same).
      const result = target.check ? await target.check(plainOf(req.getOlds()).plain, news) : { inputs: news };
      const res = new provproto.CheckResponse();
      res.setInputs(struct(rewrapSecrets(result.inputs, secretKeys)));
      res.setFailuresList((result.failures ?? []).map((f) => {
        const failure = new provproto.CheckFailure();
        failure.setProperty(f.property);
        failure.setReason(f.reason);
        return failure;
      }));
      return res;
    }),
    diff: answer(async (req: provproto.DiffRequest) => {
      const target = servedBy(served, req.getUrn());
      const result = target.diff ? await target.diff(req.getId(), plainOf(req.getOlds()).plain, plainOf(req.getNews()).plain) : {};
      const res = new provproto.DiffResponse();
      const { DIFF_SOME, DIFF_NONE, DIFF_UNKNOWN } = provproto.DiffResponse.DiffChanges;
      res.setChanges(result.changes === true ? DIFF_SOME : result.changes === false ? DIFF_NONE : DIFF_UNKNOWN);
      if (result.replaces?.length) res.setReplacesList(result.replaces);
      if (result.deleteBeforeReplace) res.setDeletebeforereplace(true);
      return res;
    }),
    create: answer(async (req: provproto.CreateRequest) => {
      const target = servedBy(served, req.getUrn());
      const { plain, secretKeys } = plainOf(req.getProperties());
      const result = await keepingSecrets(secretKeys, () => target.create(plain));
      const res = new provproto.CreateResponse();
      res.setId(result.id);
      res.setProperties(struct(rewrapSecrets(result.outs, secretKeys)));
      return res;
    }),
    read: answer(async (req: provproto.ReadRequest) => {
      const target = servedBy(served, req.getUrn());
      // A refresh sends the stored outputs; an import or `.get()` only inputs (or nothing at all).
      const stored = plainOf(req.getProperties());
      const { plain: props, secretKeys } = Object.keys(stored.plain).length > 0 ? stored : plainOf(req.getInputs());
      const result = target.read ? await target.read(req.getId(), props) : { id: req.getId(), props };
      const res = new provproto.ReadResponse();
      res.setId(result.id ?? "");
      res.setProperties(struct(rewrapSecrets(result.props, secretKeys)));
      if (result.inputs) res.setInputs(struct(rewrapSecrets(result.inputs, secretKeys)));
      return res;
    }),
    update: answer(async (req: provproto.UpdateRequest) => {
      const target = servedBy(served, req.getUrn());
      if (!target.update) throw new UnknownResourceTypeError(`${typeOfUrn(req.getUrn())} cannot be updated (${req.getUrn()})`);
      const update = target.update.bind(target);
      const { plain, secretKeys } = plainOf(req.getNews());
      const result = await keepingSecrets(secretKeys, () => update(req.getId(), plainOf(req.getOlds()).plain, plain));
      const res = new provproto.UpdateResponse();
      res.setProperties(struct(rewrapSecrets(result.outs, secretKeys)));
      return res;
    }),
    delete: answer(async (req: provproto.DeleteRequest) => {
      await servedBy(served, req.getUrn()).delete?.(req.getId(), plainOf(req.getProperties()).plain);
      return new Empty();
    }),
    invoke: answer(async (req: provproto.InvokeRequest) => {
      const fn = dataSourceOf(req.getTok());
      const result = await fn(() => dataSources.sessionFor(lookup).api, plainOf(req.getArgs()).plain);
      const res = new provproto.InvokeResponse();
      res.setReturn(Struct.fromJavaScript(result as unknown as Parameters<typeof Struct.fromJavaScript>[0]));
      return res;
    }),
    construct: answer(async (req: provproto.ConstructRequest) => {
      if (req.getType() !== PLUGIN_ZONE_TYPE || !parts.zone) {
        throw new UnknownResourceTypeError(`the ovhdns plugin builds the component ${PLUGIN_ZONE_TYPE}, not "${req.getType()}"`);
      }
      const listRecords = (zoneName: string) => DATA_SOURCES.getZoneRecords(() => dataSources.sessionFor(lookup).api, { zoneName });
      return construct(req, parts.engineAddress, (name, inputs, opts) => constructZone({ listRecords }, name, inputs, opts));
    }),
    cancel: answer(async () => new Empty()),
  };
  return service as UntypedServiceImplementation;
}

/** Serves the plugin on 127.0.0.1 (a port of the system's choosing); resolves the port. */
export async function servePlugin(parts: PluginParts): Promise<{ port: number; server: Server }> {
  const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
  server.addService(provrpc.ResourceProviderService, pluginService(parts));
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) => (err ? reject(err) : resolve(p)));
  });
  return { port, server };
}
