import * as grpc from "@grpc/grpc-js";
import * as resrpc from "@pulumi/pulumi/proto/resource_grpc_pb";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { fromStruct, toStruct } from "../plugin-host/struct";
import { makeUrn, qualifiedTypeOf } from "../plugin-host/urn";
import type { Deployment } from "./deployment";
import { StepError } from "./step-error";
import type { ResourceGoal } from "./steps";

/** Where the monitor builds URNs. */
export interface MonitorIdentity {
  project: string;
  stack: string;
}

type Handler<Req, Res> = grpc.handleUnaryCall<Req, Res>;

/** The URN of the stack resource, `urn:pulumi:<stack>::<project>::pulumi:pulumi:Stack::<project>-<stack>`. */
export function stackUrnOf(id: MonitorIdentity): string {
  return makeUrn({ stack: id.stack, project: id.project, type: "pulumi:pulumi:Stack", name: `${id.project}-${id.stack}` });
}

function urnFor(id: MonitorIdentity, type: string, name: string, parent: string): string {
  // Children of the stack carry no parent type in their URN; other children carry the parent's chain.
  const parentType = parent && parent !== stackUrnOf(id) ? qualifiedTypeOf(parent) : undefined;
  return makeUrn({ stack: id.stack, project: id.project, type, name, parentType });
}

function rpcError(err: unknown): Partial<grpc.StatusObject> {
  const message = err instanceof Error ? err.message : String(err);
  return { code: err instanceof StepError ? grpc.status.UNKNOWN : grpc.status.INTERNAL, details: message };
}

function goalOf(id: MonitorIdentity, req: resproto.RegisterResourceRequest): ResourceGoal {
  const propertyDeps = [...req.getPropertydependenciesMap().entries()].flatMap(([, deps]) => deps.getUrnsList());
  const goal: ResourceGoal = {
    urn: req.getType() === "pulumi:pulumi:Stack" ? stackUrnOf(id) : urnFor(id, req.getType(), req.getName(), req.getParent()),
    type: req.getType(),
    name: req.getName(),
    custom: req.getCustom(),
    inputs: fromStruct(req.getObject()),
    dependencies: [...new Set([...req.getDependenciesList(), ...propertyDeps])],
    deleteBeforeReplace: req.getDeletebeforereplace(),
    additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
  };
  if (req.getParent()) goal.parent = req.getParent();
  if (req.getImportid()) goal.importId = req.getImportid();
  const aliases = aliasUrnsOf(req);
  if (aliases.length > 0) goal.aliases = aliases;
  return goal;
}

/**
 * The alias URNs of a registration. Without the `aliasSpecs` feature the Node SDK sends them computed, parent
 * aliases included, in `aliasURNs` (aliases.ts); a structured alias can only carry an URN here.
 */
function aliasUrnsOf(req: resproto.RegisterResourceRequest): string[] {
  const structured = req.getAliasesList().map((a) => {
    if (!a.hasUrn()) throw new StepError(`resource ${req.getName()}: the local engine takes aliases as URNs (it does not support alias specs); use an @pulumi/pulumi that computes them`, req.getName());
    return a.getUrn();
  });
  return [...new Set([...req.getAliasurnsList(), ...structured])];
}

/**
 * The `pulumirpc.ResourceMonitor` the program talks to. Supported features: secrets only (so the SDK sends
 * secrets wrapped, and no resource references or output values). Invoke, Call and the hooks are
 * answered UNIMPLEMENTED with a message that names what is missing.
 */
export function monitorHandlers(id: MonitorIdentity, deployment: Deployment): grpc.UntypedServiceImplementation {
  const getDeploymentInfo: Handler<Empty, resproto.DeploymentInfo> = (_call, cb) => {
    const info = new resproto.DeploymentInfo();
    info.setProject(id.project).setStack(id.stack).setDryrun(deployment.preview);
    info.setSupportedfeaturesList([resproto.ResourceMonitorFeature.RESOURCE_MONITOR_FEATURE_SECRETS]);
    cb(null, info);
  };
  const supportsFeature: Handler<resproto.SupportsFeatureRequest, resproto.SupportsFeatureResponse> = (call, cb) => {
    cb(null, new resproto.SupportsFeatureResponse().setHassupport(call.request.getId() === "secrets"));
  };
  const registerResource: Handler<resproto.RegisterResourceRequest, resproto.RegisterResourceResponse> = (call, cb) => {
    let goal: ResourceGoal;
    try {
      goal = goalOf(id, call.request);
    } catch (err) {
      return cb(rpcError(err));
    }
    deployment.register(goal).then(
      (outcome) => {
        const res = new resproto.RegisterResourceResponse().setUrn(goal.urn);
        res.setId(outcome?.id ?? "").setObject(toStruct(outcome?.outputs ?? {}));
        cb(null, res);
      },
      (err: unknown) => cb(rpcError(err)),
    );
  };
  const readResource: Handler<resproto.ReadResourceRequest, resproto.ReadResourceResponse> = (call, cb) => {
    const req = call.request;
    const goal: ResourceGoal = {
      urn: urnFor(id, req.getType(), req.getName(), req.getParent()),
      type: req.getType(),
      name: req.getName(),
      custom: true,
      inputs: fromStruct(req.getProperties()),
      dependencies: req.getDependenciesList(),
      deleteBeforeReplace: false,
      additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
      ...(req.getParent() ? { parent: req.getParent() } : {}),
    };
    deployment.read(goal, req.getId()).then(
      (outcome) => cb(null, new resproto.ReadResourceResponse().setUrn(goal.urn).setId(outcome.id).setProperties(toStruct(outcome.outputs))),
      (err: unknown) => cb(rpcError(err)),
    );
  };
  const registerResourceOutputs: Handler<resproto.RegisterResourceOutputsRequest, Empty> = (call, cb) => {
    deployment.registerOutputs(call.request.getUrn(), fromStruct(call.request.getOutputs()), stackUrnOf(id));
    cb(null, new Empty());
  };
  const invoke: Handler<resproto.ResourceInvokeRequest, resproto.ResourceInvokeResponse> = (call, cb) => {
    const tok = call.request.getTok();
    cb({ code: grpc.status.UNIMPLEMENTED, details: `the local engine cannot run function ${tok}: it needs the Pulumi CLI's plugin '${tok.split(":")[0]}'` });
  };
  const signalAndWaitForShutdown: Handler<Empty, Empty> = (_call, cb) => cb(null, new Empty());
  const registerPackage: Handler<resproto.RegisterPackageRequest, resproto.RegisterPackageResponse> = (call, cb) => {
    cb(null, new resproto.RegisterPackageResponse().setRef(`local-engine-${call.request.getName()}`));
  };

  const implemented: grpc.UntypedServiceImplementation = {
    getDeploymentInfo,
    supportsFeature,
    registerResource,
    readResource,
    registerResourceOutputs,
    invoke,
    signalAndWaitForShutdown,
    registerPackage,
  };
  const handlers: grpc.UntypedServiceImplementation = {};
  for (const name of Object.keys(resrpc.ResourceMonitorService)) {
    handlers[name] = implemented[name] ?? unimplemented(`ResourceMonitor.${name}`);
  }
  return handlers;
}

/** A handler answering UNIMPLEMENTED, naming the RPC. */
export function unimplemented(rpc: string): Handler<unknown, unknown> {
  return (_call, cb) => cb({ code: grpc.status.UNIMPLEMENTED, details: `${rpc} is not implemented by the local engine` });
}
