/**
 * A zone's DNSSEC (`domain.zone.Dnssec`, `GET`/`POST`/`DELETE /domain/zone/{zoneName}/dnssec`, docs/ovh-api.md §4
 * "DNSSEC"). OVH answers an enable or a disable at once and does the work in a zone task (`DnssecEnable`,
 * `DnssecDisable`), during which the status reads `enableInProgress` or `disableInProgress`. The emulator keeps
 * what was asked and when, and derives the status from its clock: `dnssecDelayMs` after the request, the task is
 * done. The refusals' wording is a guess (no public source shows OVH's).
 */
import { ApiError, badRequest } from "../errors";

/** The four statuses of `domain.DnssecStatusEnum`. */
export type DnssecStatus = "disabled" | "enableInProgress" | "enabled" | "disableInProgress";

/** What a zone's DNSSEC was last asked to become, and when (emulator-clock ms; 0 for a zone seeded that way). */
export interface DnssecState {
  target: "enabled" | "disabled";
  since: number;
}

/** A new zone's DNSSEC: off. */
export function defaultDnssec(): DnssecState {
  return { target: "disabled", since: 0 };
}

/** The status at `now`: in progress for `delayMs` after the request, then the target. */
export function dnssecStatus(state: DnssecState, now: number, delayMs: number): DnssecStatus {
  if (now >= state.since + delayMs) return state.target;
  return state.target === "enabled" ? "enableInProgress" : "disableInProgress";
}

/**
 * The state after `POST .../dnssec` (enable), or the refusal: a zone that cannot have DNSSEC (its
 * `dnssecSupported` is false), one already enabled, or one whose DNSSEC task is still running.
 */
export function enableDnssec(state: DnssecState, supported: boolean, now: number, delayMs: number): DnssecState {
  if (!supported) throw badRequest("DNSSEC is not supported for this zone");
  const status = dnssecStatus(state, now, delayMs);
  if (status === "enabled") throw new ApiError(409, "DNSSEC is already enabled for this zone");
  if (status !== "disabled") throw new ApiError(409, `A DNSSEC task is already running for this zone (status ${status})`);
  return { target: "enabled", since: now };
}

/** The state after `DELETE .../dnssec` (disable), or the refusal: DNSSEC not enabled, or its task still running. */
export function disableDnssec(state: DnssecState, now: number, delayMs: number): DnssecState {
  const status = dnssecStatus(state, now, delayMs);
  if (status === "disabled") throw new ApiError(404, "DNSSEC is not enabled for this zone");
  if (status !== "enabled") throw new ApiError(409, `A DNSSEC task is already running for this zone (status ${status})`);
  return { target: "disabled", since: now };
}
