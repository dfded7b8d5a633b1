import * as grpc from "@grpc/grpc-js";
import * as engrpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as engproto from "@pulumi/pulumi/proto/engine_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { unimplemented } from "./monitor-service";

/** One line the program logged through the engine. */
export interface LogLine {
  severity: "debug" | "info" | "warning" | "error";
  message: string;
  urn: string;
}

const SEVERITIES: Record<number, LogLine["severity"]> = {
  [engproto.LogSeverity.DEBUG]: "debug",
  [engproto.LogSeverity.INFO]: "info",
  [engproto.LogSeverity.WARNING]: "warning",
  [engproto.LogSeverity.ERROR]: "error",
};

/** The `pulumirpc.Engine` service: collects the program's log and keeps its root resource. */
export class EngineService {
  /** Everything logged, debug included. */
  readonly lines: LogLine[] = [];
  private rootUrn = "";

  handlers(): grpc.UntypedServiceImplementation {
    const log: grpc.handleUnaryCall<engproto.LogRequest, Empty> = (call, cb) => {
      const r = call.request;
      this.lines.push({ severity: SEVERITIES[r.getSeverity()] ?? "info", message: r.getMessage().trimEnd(), urn: r.getUrn() });
      cb(null, new Empty());
    };
    const getRootResource: grpc.handleUnaryCall<engproto.GetRootResourceRequest, engproto.GetRootResourceResponse> = (_call, cb) => {
      cb(null, new engproto.GetRootResourceResponse().setUrn(this.rootUrn));
    };
    const setRootResource: grpc.handleUnaryCall<engproto.SetRootResourceRequest, engproto.SetRootResourceResponse> = (call, cb) => {
      this.rootUrn = call.request.getUrn();
      cb(null, new engproto.SetRootResourceResponse());
    };
    const implemented: grpc.UntypedServiceImplementation = { log, getRootResource, setRootResource };
    const handlers: grpc.UntypedServiceImplementation = {};
    for (const name of Object.keys(engrpc.EngineService)) handlers[name] = implemented[name] ?? unimplemented(`Engine.${name}`);
    return handlers;
  }

  /** The log lines worth showing (not debug), as `severity: message`. */
  diagnostics(): string[] {
    return this.lines.filter((l) => l.severity !== "debug").map((l) => `${l.severity}: ${l.message}`);
  }
}
