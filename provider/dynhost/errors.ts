/** The errors of the DynHost lifecycles: part of the package's one error hierarchy (`ZoneRecordError`). */
import { ZoneRecordError } from "../records";

/**
 * A DynHost record was made or changed but the zone refresh that publishes it failed: the plugin host reports it as
 * ErrorResourceInitFailed (`id`, `properties`, `reasons`), so it stays in the state and the next `pulumi up`
 * publishes it.
 */
export class DynHostInitError extends ZoneRecordError {
  override readonly name: string = "DynHostInitError";
  readonly reasons: string[];
  constructor(message: string, readonly id: string, readonly properties: Record<string, unknown>) {
    super(message);
    this.reasons = [message];
  }
}

/** An update found its DynHost record or login gone (deleted outside Pulumi): `pulumi refresh` drops it. */
export class DynHostGoneError extends ZoneRecordError {
  override readonly name: string = "DynHostGoneError";
}

/** OVH refused a DynHost write: the message names the field it refused and what to do. */
export class DynHostRefusedError extends ZoneRecordError {
  override readonly name: string = "DynHostRefusedError";
}
