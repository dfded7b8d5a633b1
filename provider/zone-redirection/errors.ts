/** The errors of the redirection lifecycle: part of the package's one error hierarchy (`ZoneRecordError`). */
import { ZoneRecordError } from "../records";

/**
 * A redirection was made or changed but the zone refresh that publishes it failed: the plugin host reports it as
 * ErrorResourceInitFailed (`id`, `properties`, `reasons`), so the redirection stays in the state and the next
 * `pulumi up` publishes it.
 */
export class RedirectionInitError extends ZoneRecordError {
  override readonly name: string = "RedirectionInitError";
  readonly reasons: string[];
  constructor(message: string, readonly id: string, readonly properties: Record<string, unknown>) {
    super(message);
    this.reasons = [message];
  }
}

/** An update found its redirection gone (deleted outside Pulumi): `pulumi refresh` drops it, `up` recreates it. */
export class RedirectionGoneError extends ZoneRecordError {
  override readonly name: string = "RedirectionGoneError";
}

/** A ZoneRecord with `adopt` named a record that OVH keeps for a web redirection (companions.ts). */
export class RedirectionRecordError extends ZoneRecordError {
  override readonly name: string = "RedirectionRecordError";
}
