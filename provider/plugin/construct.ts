/**
 * The plugin's `Construct`: a component resource of another language's program (a Pulumi YAML program's
 * `ovhdns:index:Zone`) built in this process by the Node SDK, as Pulumi's own `@pulumi/pulumi/provider` server
 * does it (provider/server.js, `construct`): the SDK's runtime is pointed at the monitor the engine gives for this
 * construct, with the stack's config; the inputs are deserialized; the component is built, registering itself and
 * its children with that monitor; its outputs are answered once every registration is done.
 *
 * That server cannot serve the plugin (its Configure drops the provider's configuration, server.ts), so the same
 * steps are taken here with the SDK's runtime functions it uses, which the package's type declarations leave out
 * (`withLocalStorage`, `deserializeInputs`, `awaitFeatureSupport`, `waitForRPCs`, `Output.promise`): {@link Runtime} types exactly the part used.
 */
import * as pulumi from "@pulumi/pulumi";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as rpc from "@pulumi/pulumi/runtime/rpc";
import * as settings from "@pulumi/pulumi/runtime/settings";
import * as runtimeConfig from "@pulumi/pulumi/runtime/config";
import { Struct } from "./sdk-modules";
import { ZoneRecordError } from "../records";

type Props = Record<string, unknown>;

/** The SDK runtime functions Pulumi's provider server uses that its declarations do not export. */
interface Runtime {
  withLocalStorage<T>(callback: () => Promise<T>): Promise<T>;
  awaitFeatureSupport(): Promise<void>;
  waitForRPCs(): Promise<void>;
  deserializeInputs(inputs: InstanceType<typeof Struct> | undefined, dependencies: ReturnType<provproto.ConstructRequest["getInputdependenciesMap"]>): Promise<Props>;
}

const runtime: Runtime = {
  withLocalStorage: (require("@pulumi/pulumi/runtime/state") as Pick<Runtime, "withLocalStorage">).withLocalStorage,
  deserializeInputs: (require("@pulumi/pulumi/provider/server") as Pick<Runtime, "deserializeInputs">).deserializeInputs,
  awaitFeatureSupport: (settings as unknown as Pick<Runtime, "awaitFeatureSupport">).awaitFeatureSupport,
  waitForRPCs: (settings as unknown as Pick<Runtime, "waitForRPCs">).waitForRPCs,
};

/** An Output's value (its `promise()`, which the SDK's declarations leave out), as the provider server reads URNs. */
function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  return (output as unknown as { promise(): Promise<T> }).promise();
}

/** A component the plugin builds: its URN and the outputs it answers. */
export interface Constructed {
  urn: pulumi.Output<string>;
  state: Props;
}

/** Builds a component from its name, deserialized inputs and options; throws to refuse it. */
export type ComponentBuilder = (name: string, inputs: Props, opts: pulumi.ComponentResourceOptions) => Constructed;

/** A construct the plugin could not even begin: no engine address to point the SDK's runtime at. */
export class ConstructSetupError extends ZoneRecordError {
  override readonly name: string = "ConstructSetupError";
}

/** The component's resource options, as the engine sends them (the subset a component of this package can use). */
function optionsOf(req: provproto.ConstructRequest): pulumi.ComponentResourceOptions {
  const aliases: (string | pulumi.Alias)[] = req.getAliasesList().map((a) => {
    if (a.hasUrn()) return a.getUrn();
    const spec = a.getSpec()!;
    return {
      ...(spec.getName() ? { name: spec.getName() } : {}),
      ...(spec.getProject() ? { project: spec.getProject() } : {}),
      ...(spec.getStack() ? { stack: spec.getStack() } : {}),
      ...(spec.hasParenturn() ? { parent: spec.getParenturn() } : spec.getNoparent() ? { parent: pulumi.rootStackResource } : {}),
    };
  });
  const providers: Record<string, pulumi.ProviderResource> = {};
  for (const [pkg, ref] of req.getProvidersMap().entries()) providers[pkg] = new pulumi.DependencyProviderResource(ref);
  return {
    aliases,
    dependsOn: req.getDependenciesList().map((urn) => new pulumi.DependencyResource(urn)),
    protect: req.getProtect(),
    providers,
    ...(req.getParent() ? { parent: new pulumi.DependencyResource(req.getParent()) } : {}),
    ...(req.getRetainondelete() ? { retainOnDelete: true } : {}),
  };
}

/** The constructs under way: an error no one awaits (a child's registration failing) fails them all. */
const inFlight = new Set<(err: unknown) => void>();
let watching = false;

/**
 * A failure inside a component's outputs (a rejected listing feeding a child's inputs) reaches no caller: the
 * SDK leaves it unhandled, which would end the plugin in the middle of the engine's deployment ("exited
 * prematurely"). While a construct is under way it fails the constructs instead; after one (the other outputs
 * of a component whose construct already failed on that error) it is written to stderr and the plugin keeps
 * serving, as Pulumi's own provider server does (provider/server.js: it fails the calls in flight).
 */
function watchUnhandled(): void {
  if (watching) return;
  watching = true;
  process.on("unhandledRejection", (reason) => {
    if (inFlight.size === 0) {
      process.stderr.write(`pulumi-resource-ovhdns: after a component's construct: ${reason instanceof Error ? reason.message : String(reason)}\n`);
    }
    for (const fail of inFlight) fail(reason);
  });
}

/**
 * Answers a ConstructRequest with `build`: the runtime set up for this construct (its own async-local store, as
 * Pulumi's server gives each), the component built, its outputs serialized with their dependencies, once every
 * registration it started is done. Fails with the first error of the build, or of a registration it started.
 */
export function construct(req: provproto.ConstructRequest, engineAddress: string | undefined, build: ComponentBuilder): Promise<provproto.ConstructResponse> {
  watchUnhandled();
  return new Promise<provproto.ConstructResponse>((resolve, reject) => {
    const fail = (err: unknown) => reject(err);
    inFlight.add(fail);
    constructOnce(req, engineAddress, build).then(resolve, reject).finally(() => inFlight.delete(fail));
  });
}

function constructOnce(req: provproto.ConstructRequest, engineAddress: string | undefined, build: ComponentBuilder): Promise<provproto.ConstructResponse> {
  return runtime.withLocalStorage(async () => {
    if (!engineAddress) throw new ConstructSetupError(`cannot build ${req.getType()} "${req.getName()}": the plugin was started without its engine's address`);
    settings.resetOptions(req.getProject(), req.getStack(), req.getParallel(), engineAddress, req.getMonitorendpoint(), req.getDryrun(), req.getOrganization());
    await runtime.awaitFeatureSupport();
    runtimeConfig.setAllConfig(Object.fromEntries(req.getConfigMap().entries()), req.getConfigsecretkeysList());
    const inputs = await runtime.deserializeInputs(req.getInputs(), req.getInputdependenciesMap());
    const built = build(req.getName(), inputs, optionsOf(req));
    const res = new provproto.ConstructResponse();
    res.setUrn(await valueOf(built.urn));
    const [state, dependencies] = await rpc.serializeResourceProperties(`construct(${req.getType()}, ${req.getName()})`, built.state);
    for (const [key, resources] of dependencies) {
      const deps = new provproto.ConstructResponse.PropertyDependencies();
      deps.setUrnsList(await Promise.all([...resources].map((r) => valueOf(r.urn))));
      res.getStatedependenciesMap().set(key, deps);
    }
    res.setState(Struct.fromJavaScript(state as Parameters<typeof Struct.fromJavaScript>[0]));
    await runtime.waitForRPCs();
    return res;
  });
}
