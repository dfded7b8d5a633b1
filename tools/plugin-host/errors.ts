import * as grpc from "@grpc/grpc-js";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as statusproto from "@pulumi/pulumi/proto/status_pb";
import { fromStruct, type PropertyMap } from "./struct";

/**
 * What a create (or update) that failed AFTER making the resource reports: the provider threw an error
 * carrying `id` (and `properties`, `reasons`), which the host packs as `pulumirpc.ErrorResourceInitFailed`
 * into `grpc-status-details-bin` (cmd/dynamic-provider `grpcResponseFromError`). The engine then keeps the
 * resource in its state as created-but-failed, so nothing is orphaned.
 */
export interface InitFailure {
  /** The id of the resource that was made. */
  id: string;
  /** The properties the provider reported for it. */
  properties: PropertyMap;
  /** Why it failed to initialise. */
  reasons: string[];
}

/** An RPC to the dynamic-provider host that failed. */
export class HostError extends Error {
  override readonly name: string = "HostError";
  /** The gRPC status code (the host answers provider exceptions with UNKNOWN). */
  readonly code: grpc.status;
  /** The RPC that failed, e.g. `create`. */
  readonly method: string;
  /** The provider's own message (gRPC `details`), without the `2 UNKNOWN:` prefix. */
  readonly providerMessage: string;
  /** Present when the resource was made but failed to initialise. */
  readonly initFailure?: InitFailure;
  /** What the host wrote on stderr so far (the host prints the provider's stack there). */
  readonly stderr: string;

  constructor(args: { method: string; code: grpc.status; providerMessage: string; initFailure?: InitFailure; stderr: string }) {
    super(`${args.method} failed (${grpc.status[args.code] ?? args.code}): ${args.providerMessage}`);
    this.method = args.method;
    this.code = args.code;
    this.providerMessage = args.providerMessage;
    this.initFailure = args.initFailure;
    this.stderr = args.stderr;
  }
}

/** Decodes an `ErrorResourceInitFailed` detail from a gRPC error's metadata, if there is one. */
export function decodeInitFailure(metadata: grpc.Metadata | undefined): InitFailure | undefined {
  const raw = metadata?.get("grpc-status-details-bin")[0];
  if (!raw) return undefined;
  const status = statusproto.Status.deserializeBinary(new Uint8Array(Buffer.from(raw)));
  for (const detail of status.getDetailsList()) {
    if (!detail.getTypeUrl().endsWith("pulumirpc.ErrorResourceInitFailed")) continue;
    const init = provproto.ErrorResourceInitFailed.deserializeBinary(detail.getValue_asU8());
    return { id: init.getId(), properties: fromStruct(init.getProperties()), reasons: init.getReasonsList() };
  }
  return undefined;
}

/** Turns the raw error of a failed unary call into a {@link HostError}. */
export function toHostError(method: string, err: grpc.ServiceError, stderr: string): HostError {
  return new HostError({
    method,
    code: err.code,
    providerMessage: err.details,
    initFailure: decodeInitFailure(err.metadata),
    stderr,
  });
}
