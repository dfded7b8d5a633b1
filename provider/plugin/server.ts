/**
 * The `ovhdns` resource provider plugin's gRPC service: a thin adapter from Pulumi's ResourceProvider protocol
 * to the very {@link ZoneRecordProvider} object the dynamic provider serves (provider/index.ts), so check, diff,
 * create, read, update and delete, the coalesced refresh, the settling of an ambiguous POST and the ownership of
 * records are the same code through both doors. What is the plugin's own:
 * - the package schema (`GetSchema`, schema.json, generated from the doc comments by `npm run schema`);
 * - the configuration: `ovhdns:<key>` answers the provider's `ovh:<key>` lookups (config.ts), and `ovhdns:owner`
 *   is the default `owner` of a ZoneRecord, as the TypeScript SDK defaults it from the same key;
 * - the type tokens `ovhdns:index:ZoneRecord` and `ovhdns:index:ZoneDnssec` (the ZoneDnssecProvider object of
 *   provider/index.ts, likewise): any other type is refused, naming the ones it serves;
 * - the data sources as functions (`ovhdns:index:getZoneRecords`...), the SDK's own (DATA_SOURCES), with the
 *   plugin's credentials;
 * - an import id may also be written `<zoneName>/<recordId>` (read.ts).
 *
 * It mirrors Pulumi's own dynamic-provider host (`@pulumi/pulumi/cmd/dynamic-provider`): the config is read from
 * Configure's `args` with its secrets unwrapped, inputs arrive in the clear (it does not accept secrets), an error carrying an `id` is the engine's "created but failed
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

/** The type token of the plugin's ZoneRecord. */
export const PLUGIN_ZONE_RECORD_TYPE = "ovhdns:index:ZoneRecord";

/** The type token of the plugin's ZoneDnssec, served by the dynamic provider's `zoneDnssecProvider`. */
export const PLUGIN_ZONE_DNSSEC_TYPE = "ovhdns:index:ZoneDnssec";

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
}

/** The type of a URN (`urn:pulumi:<stack>::<project>::<parent$>type::<name>`), without its parents' types. */
export function typeOfUrn(urn: string): string {
  const parts = urn.split("::");
  return (parts[2] ?? "").split("$").pop() ?? "";
}

/** The provider of the resource `urn` names, or an error naming the types the plugin serves. */
function servedBy(served: Record<string, ServedProvider>, urn: string): ServedProvider {
  const type = typeOfUrn(urn);
  if (!Object.hasOwn(served, type)) {
    throw new UnknownResourceTypeError(`the ovhdns plugin serves ${Object.keys(served).join(", ")}, not "${type}" (${urn})`);
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
  const served: Record<string, ServedProvider> = { [PLUGIN_ZONE_RECORD_TYPE]: parts.provider, ...parts.others };
  const provider = (urn: string) => servedBy(served, urn);
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
    if (typeOfUrn(urn) !== PLUGIN_ZONE_RECORD_TYPE) return news;
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
      for (const p of new Set(Object.values(served))) await p.configure({ config: asDynamicConfig(config) });
      const res = new provproto.ConfigureResponse();
      res.setAcceptsecrets(false);
      return res;
    }),
    check: answer(async (req: provproto.CheckRequest) => {
      const result = await provider(req.getUrn()).check(toJs(req.getOlds()), withDefaults(toJs(req.getNews()), req.getUrn()));
      const res = new provproto.CheckResponse();
      res.setInputs(Struct.fromJavaScript((result.inputs ?? {}) as Parameters<typeof Struct.fromJavaScript>[0]));
      res.setFailuresList((result.failures ?? []).map((f) => {
        const failure = new provproto.CheckFailure();
        failure.setProperty(f.property);
        failure.setReason(f.reason);
        return failure;
      }));
      return res;
    }),
    diff: answer(async (req: provproto.DiffRequest) => {
      const result = await provider(req.getUrn()).diff(req.getId(), toJs(req.getOlds()), toJs(req.getNews()));
      const res = new provproto.DiffResponse();
      const { DIFF_SOME, DIFF_NONE, DIFF_UNKNOWN } = provproto.DiffResponse.DiffChanges;
      res.setChanges(result.changes === true ? DIFF_SOME : result.changes === false ? DIFF_NONE : DIFF_UNKNOWN);
      if (result.replaces?.length) res.setReplacesList(result.replaces);
      if (result.deleteBeforeReplace) res.setDeletebeforereplace(true);
      return res;
    }),
    create: answer(async (req: provproto.CreateRequest) => {
      const result = await provider(req.getUrn()).create(toJs(req.getProperties()));
      const res = new provproto.CreateResponse();
      res.setId(result.id);
      res.setProperties(Struct.fromJavaScript(result.outs as Parameters<typeof Struct.fromJavaScript>[0]));
      return res;
    }),
    read: answer(async (req: provproto.ReadRequest) => {
      // A refresh sends the stored outputs; an import or `.get()` only inputs (or nothing at all).
      const stored = toJs(req.getProperties());
      const props = Object.keys(stored).length > 0 ? stored : toJs(req.getInputs());
      const result = await provider(req.getUrn()).read(req.getId(), props);
      const res = new provproto.ReadResponse();
      res.setId(result.id ?? "");
      res.setProperties(Struct.fromJavaScript((result.props ?? {}) as Parameters<typeof Struct.fromJavaScript>[0]));
      if (result.inputs) res.setInputs(Struct.fromJavaScript(result.inputs as Parameters<typeof Struct.fromJavaScript>[0]));
      return res;
    }),
    update: answer(async (req: provproto.UpdateRequest) => {
      const result = await provider(req.getUrn()).update(req.getId(), toJs(req.getOlds()), toJs(req.getNews()));
      const res = new provproto.UpdateResponse();
      res.setProperties(Struct.fromJavaScript((result.outs ?? {}) as Parameters<typeof Struct.fromJavaScript>[0]));
      return res;
    }),
    delete: answer(async (req: provproto.DeleteRequest) => {
      await provider(req.getUrn()).delete(req.getId(), toJs(req.getProperties()));
      return new Empty();
    }),
    invoke: answer(async (req: provproto.InvokeRequest) => {
      const fn = dataSourceOf(req.getTok());
      const result = await fn(() => dataSources.sessionFor(lookup).api, toJs(req.getArgs()));
      const res = new provproto.InvokeResponse();
      res.setReturn(Struct.fromJavaScript(result as unknown as Parameters<typeof Struct.fromJavaScript>[0]));
      return res;
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
