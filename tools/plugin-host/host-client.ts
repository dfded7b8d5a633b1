import * as grpc from "@grpc/grpc-js";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import type { PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { toHostError } from "./errors";
import { startHostProcess, type HostProcess, type HostProcessOptions } from "./host-process";
import { secret, unwrapSecrets } from "./sentinels";
import { fromStruct, toStruct, type PropertyMap } from "./struct";
import { nameOfUrn, typeOfUrn } from "./urn";

/** Options of {@link spawnProviderHost}. */
export interface SpawnProviderHostOptions extends Omit<HostProcessOptions, "config"> {
  /** The stack config, flat (`"ovh:applicationKey" -> value`); sent as `PULUMI_CONFIG` and by `configure()`. */
  config: Record<string, string>;
  /** Which config keys are secrets (wrapped with the secret sentinel in Configure, as the engine does). */
  secretKeys?: string[];
}

/** A check failure, as the provider reported it. */
export interface CheckFailure {
  property: string;
  reason: string;
}

/** What Check answers: the checked inputs (with `__provider`) and any failures. */
export interface CheckResult {
  inputs: PropertyMap;
  failures: CheckFailure[];
}

/** What Diff answers. `changes: "unknown"` means the provider left `changes` undefined. */
export interface DiffResult {
  changes: "unknown" | "none" | "some";
  replaces: string[];
  deleteBeforeReplace: boolean;
}

/** What Read answers; `id === ""` means the resource no longer exists. */
export interface ReadResult {
  id: string;
  properties: PropertyMap;
  /** Inputs, when the provider's `read` returned some. */
  inputs?: PropertyMap;
}

/** The capabilities Configure reports. */
export interface ConfigureResult {
  acceptSecrets: boolean;
  supportsPreview: boolean;
}

const DIFF_CHANGES: Record<number, DiffResult["changes"]> = {
  [provproto.DiffResponse.DiffChanges.DIFF_UNKNOWN]: "unknown",
  [provproto.DiffResponse.DiffChanges.DIFF_NONE]: "none",
  [provproto.DiffResponse.DiffChanges.DIFF_SOME]: "some",
};

type Callback<Res> = (err: grpc.ServiceError | null, res: Res) => void;

/**
 * A typed client for Pulumi's real dynamic-provider plugin host. Properties go in and come out as plain
 * objects; secret wrappers are removed before anything is sent, because the host answers Configure with
 * acceptSecrets=false and the engine then unwraps secrets itself (docs/pulumi-dynamic-providers.md, "The plugin host").
 */
export class ProviderHost {
  private readonly client: provrpc.ResourceProviderClient;

  constructor(
    private readonly proc: HostProcess,
    private readonly options: SpawnProviderHostOptions,
  ) {
    this.client = new provrpc.ResourceProviderClient(`127.0.0.1:${proc.port}`, grpc.credentials.createInsecure());
  }

  /** The port the host listens on. */
  get port(): number {
    return this.proc.port;
  }

  /** What the host wrote on stderr so far (the provider's stack traces land here). */
  stderr(): string {
    return this.proc.stderr();
  }

  /** What the host wrote on stdout after its port line. */
  stdout(): string {
    return this.proc.stdout();
  }

  /** Resolves with the host's exit code when it exits by itself or is killed. */
  exited(): Promise<number | null> {
    const child = this.proc.child;
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
    return new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  }

  /** The host's version (GetPluginInfo). */
  async getPluginInfo(): Promise<{ version: string }> {
    const res = await this.call<Empty, PluginInfo>("getPluginInfo", (r, cb) => this.client.getPluginInfo(r, cb), new Empty());
    return { version: res.getVersion() };
  }

  /**
   * Configure with the whole stack config, secrets wrapped with the secret sentinel (the engine keeps
   * them wrapped here; the host unwraps them). Defaults to the config given to {@link spawnProviderHost}.
   */
  async configure(config = this.options.config, secretKeys = this.options.secretKeys ?? []): Promise<ConfigureResult> {
    const args = Object.fromEntries(Object.entries(config).map(([k, v]) => [k, secretKeys.includes(k) ? secret(v) : v]));
    const req = new provproto.ConfigureRequest();
    req.setArgs(toStruct(args));
    req.setAcceptsecrets(true);
    req.setAcceptresources(true);
    req.setType("pulumi:providers:pulumi-nodejs");
    req.setName("default");
    const res = await this.call<provproto.ConfigureRequest, provproto.ConfigureResponse>("configure", (r, cb) => this.client.configure(r, cb), req);
    return { acceptSecrets: res.getAcceptsecrets(), supportsPreview: res.getSupportspreview() };
  }

  /** Check: `olds` are the old INPUTS, `news` the program's new inputs. */
  async check(urn: string, olds: PropertyMap, news: PropertyMap): Promise<CheckResult> {
    const req = new provproto.CheckRequest();
    req.setUrn(urn).setName(nameOfUrn(urn)).setType(typeOfUrn(urn));
    req.setOlds(toStruct(unwrapSecrets(olds)));
    req.setNews(toStruct(unwrapSecrets(news)));
    const res = await this.call<provproto.CheckRequest, provproto.CheckResponse>("check", (r, cb) => this.client.check(r, cb), req);
    const failures = res.getFailuresList().map((f) => ({ property: f.getProperty(), reason: f.getReason() }));
    return { inputs: fromStruct(res.getInputs()), failures };
  }

  /** Diff: `olds` are the old OUTPUTS, `news` the checked new inputs. */
  async diff(id: string, urn: string, olds: PropertyMap, news: PropertyMap, oldInputs?: PropertyMap): Promise<DiffResult> {
    const req = new provproto.DiffRequest();
    req.setId(id).setUrn(urn).setName(nameOfUrn(urn)).setType(typeOfUrn(urn));
    req.setOlds(toStruct(unwrapSecrets(olds)));
    req.setNews(toStruct(unwrapSecrets(news)));
    if (oldInputs) req.setOldInputs(toStruct(unwrapSecrets(oldInputs)));
    const res = await this.call<provproto.DiffRequest, provproto.DiffResponse>("diff", (r, cb) => this.client.diff(r, cb), req);
    return {
      changes: DIFF_CHANGES[res.getChanges()] ?? "unknown",
      replaces: res.getReplacesList(),
      deleteBeforeReplace: res.getDeletebeforereplace(),
    };
  }

  /** Create from checked inputs; resolves to the new id and outputs (with `__provider`). */
  async create(urn: string, inputs: PropertyMap): Promise<{ id: string; properties: PropertyMap }> {
    const req = new provproto.CreateRequest();
    req.setUrn(urn).setName(nameOfUrn(urn)).setType(typeOfUrn(urn));
    req.setProperties(toStruct(unwrapSecrets(inputs)));
    const res = await this.call<provproto.CreateRequest, provproto.CreateResponse>("create", (r, cb) => this.client.create(r, cb), req);
    return { id: res.getId(), properties: fromStruct(res.getProperties()) };
  }

  /**
   * Read. Refresh form: `props` are the old outputs (and `inputs` the old inputs). Import / `.get()` form:
   * `props` undefined and `inputs` only (the host then takes `__provider` from the inputs).
   */
  async read(id: string, urn: string, props: PropertyMap | undefined, inputs?: PropertyMap): Promise<ReadResult> {
    const req = new provproto.ReadRequest();
    req.setId(id).setUrn(urn).setName(nameOfUrn(urn)).setType(typeOfUrn(urn));
    if (props) req.setProperties(toStruct(unwrapSecrets(props)));
    if (inputs) req.setInputs(toStruct(unwrapSecrets(inputs)));
    const res = await this.call<provproto.ReadRequest, provproto.ReadResponse>("read", (r, cb) => this.client.read(r, cb), req);
    const result: ReadResult = { id: res.getId(), properties: fromStruct(res.getProperties()) };
    if (res.hasInputs()) result.inputs = fromStruct(res.getInputs());
    return result;
  }

  /** Read in the import form: only the program's inputs (which carry `__provider`). */
  readImport(id: string, urn: string, inputs: PropertyMap): Promise<ReadResult> {
    return this.read(id, urn, undefined, inputs);
  }

  /** Update: `olds` are the old outputs, `news` the checked new inputs; resolves to the new outputs. */
  async update(id: string, urn: string, olds: PropertyMap, news: PropertyMap, oldInputs?: PropertyMap): Promise<{ properties: PropertyMap }> {
    const req = new provproto.UpdateRequest();
    req.setId(id).setUrn(urn).setName(nameOfUrn(urn)).setType(typeOfUrn(urn));
    req.setOlds(toStruct(unwrapSecrets(olds)));
    req.setNews(toStruct(unwrapSecrets(news)));
    if (oldInputs) req.setOldInputs(toStruct(unwrapSecrets(oldInputs)));
    const res = await this.call<provproto.UpdateRequest, provproto.UpdateResponse>("update", (r, cb) => this.client.update(r, cb), req);
    return { properties: fromStruct(res.getProperties()) };
  }

  /** Delete: `props` are the old outputs, whose `__provider` (the OLD provider text) is what runs. */
  async delete(id: string, urn: string, props: PropertyMap, oldInputs?: PropertyMap): Promise<void> {
    const req = new provproto.DeleteRequest();
    req.setId(id).setUrn(urn).setName(nameOfUrn(urn)).setType(typeOfUrn(urn));
    req.setProperties(toStruct(unwrapSecrets(props)));
    if (oldInputs) req.setOldInputs(toStruct(unwrapSecrets(oldInputs)));
    await this.call<provproto.DeleteRequest, Empty>("delete", (r, cb) => this.client.delete(r, cb), req);
  }

  /** Invoke of a function (a data source of the `ovhdns` plugin); resolves to what it returned. */
  async invoke(token: string, args: PropertyMap): Promise<PropertyMap> {
    const req = new provproto.InvokeRequest();
    req.setTok(token);
    req.setArgs(toStruct(unwrapSecrets(args)));
    const res = await this.call<provproto.InvokeRequest, provproto.InvokeResponse>("invoke", (r, cb) => this.client.invoke(r, cb), req);
    return fromStruct(res.getReturn());
  }

  /** Closes the gRPC client and kills the host; resolves once the host has exited. */
  async close(): Promise<void> {
    this.client.close();
    await this.proc.kill();
  }

  private call<Req, Res>(method: string, invoke: (req: Req, cb: Callback<Res>) => unknown, req: Req): Promise<Res> {
    return new Promise((resolve, reject) => {
      invoke(req, (err, res) => (err ? reject(toHostError(method, err, this.proc.stderr())) : resolve(res)));
    });
  }
}

/**
 * Starts Pulumi's dynamic-provider host exactly as the engine does (cwd = the program directory, env
 * `PULUMI_NODEJS_PROJECT`, `PULUMI_PROJECT`, `PULUMI_CONFIG`) and connects a typed client to it.
 * Configure is NOT called: call {@link ProviderHost.configure} before the first CRUD call, as the engine does.
 */
export async function spawnProviderHost(options: SpawnProviderHostOptions): Promise<ProviderHost> {
  const proc = await startHostProcess(options);
  return new ProviderHost(proc, options);
}
