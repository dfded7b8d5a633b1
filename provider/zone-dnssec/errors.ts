/** The errors of the DNSSEC lifecycle: part of the package's one error hierarchy (`ZoneRecordError`). */
import { ZoneRecordError } from "../records";

/** A ZoneDnssec step failed: the message names the zone and says what to do. */
export class ZoneDnssecError extends ZoneRecordError {
  override readonly name: string = "ZoneDnssecError";
}

/**
 * The zone cannot have DNSSEC (`dnssecSupported: false`), or OVH refused the enable: nothing was sent, or nothing
 * was started, so there is nothing to undo.
 */
export class DnssecRefusedError extends ZoneDnssecError {
  override readonly name: string = "DnssecRefusedError";
}

/**
 * The enable was sent, but its task did not end within the wait: the plugin host reports it as
 * ErrorResourceInitFailed (`id`, `properties`, `reasons`), so the ZoneDnssec stays in the state with the status it
 * had, and the next `pulumi up` waits for the task again without a second enable.
 */
export class DnssecInitError extends ZoneDnssecError {
  override readonly name: string = "DnssecInitError";
  readonly reasons: string[];
  constructor(message: string, readonly id: string, readonly properties: Record<string, unknown>, options?: { cause?: unknown }) {
    super(message, options);
    this.reasons = [message];
  }
}
