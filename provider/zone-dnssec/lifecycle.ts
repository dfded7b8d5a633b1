/**
 * Enabling and disabling a zone's DNSSEC and waiting for OVH's task (docs/zone-dnssec.md). Each step reads the
 * status first and sends a request only when it is needed, so a step that timed out, or failed after OVH applied
 * it, is finished by the next one without a second request: an enable already running is waited for, one already
 * done is taken over.
 */
import { OvhApiError } from "../ovh";
import { isNotFound, type ZoneApi } from "../zone-record/zone-api";
import { DnssecApi, type DnssecStatus } from "./api";
import { DnssecInitError, DnssecRefusedError, ZoneDnssecError } from "./errors";
import { waitForDnssec, type WaitOptions } from "./wait";

/** Where a step reports what it does and each poll: a line for the person running `pulumi up`. */
export type ProgressLog = (line: string) => void;

/** The default log: stderr, which the Pulumi CLI shows as the provider's diagnostics. */
export const stderrLog: ProgressLog = (line) => void process.stderr.write(`pulumi-ovh-dns: ${line}\n`);

/** What a step needs. */
export interface DnssecContext {
  zones: ZoneApi;
  log: ProgressLog;
  /** The wait's clock and pacing (timeoutMs is the resource's). */
  wait?: Omit<WaitOptions, "timeoutMs" | "progress">;
}

/** The outcome of an enable: the status reached and whether it was found enabled (taken over, nothing sent). */
export interface Enabled {
  status: DnssecStatus;
  adopted: boolean;
}

/** A refusal that is the key's access rules, not the zone's: left to withZoneDiagnosis to word. */
function isNotGranted(err: unknown): boolean {
  return err instanceof OvhApiError && err.status === 403 && (err.errorCode === "NOT_GRANTED_CALL" || /has not been granted/i.test(err.apiMessage));
}

/** One zone's DNSSEC steps. */
export class DnssecSteps {
  private readonly api: DnssecApi;

  constructor(private readonly ctx: DnssecContext, private readonly zoneName: string, private readonly timeoutSeconds: number) {
    this.api = new DnssecApi(ctx.zones.client);
  }

  /**
   * Makes DNSSEC enabled: takes it over when it already is, waits for an enable already running, waits for a
   * disable to end before enabling. `properties` are the resource's outputs to keep in the state when the wait
   * times out (DnssecInitError).
   */
  async enable(properties: Record<string, unknown>): Promise<Enabled> {
    let status = await this.api.status(this.zoneName);
    if (status === "enabled") {
      this.say("already enabled: taken over (adopted), nothing sent");
      return { status, adopted: true };
    }
    if (status === "disableInProgress") {
      this.say("a disable is running: waiting for it to end before enabling");
      status = await this.waitOrFail("disabled", properties);
    }
    if (status === "disabled") {
      await this.sendEnable();
      this.say("enable sent (OVH's DnssecEnable task)");
    } else {
      this.say("an enable is already running: waiting for it, nothing sent");
    }
    return { status: await this.waitOrFail("enabled", properties), adopted: false };
  }

  /** Makes DNSSEC disabled; a zone gone (404) has nothing to disable. */
  async disable(): Promise<void> {
    let status: DnssecStatus;
    try {
      status = await this.api.status(this.zoneName);
    } catch (err) {
      if (isNotFound(err)) return this.say("zone not found: nothing to disable");
      throw err;
    }
    if (status === "disabled") return this.say("already disabled: nothing sent");
    if (status === "enableInProgress") {
      this.say("an enable is running: waiting for it to end before disabling");
      status = await this.waitOrFail("enabled", undefined);
    }
    if (status === "enabled") {
      try {
        await this.api.disable(this.zoneName);
        this.say("disable sent (OVH's DnssecDisable task)");
      } catch (err) {
        // A 404 here is DNSSEC already off (a disable from elsewhere won the race): nothing left to do.
        if (!isNotFound(err)) throw err;
      }
    }
    await this.waitOrFail("disabled", undefined);
  }

  /** The status now, for `pulumi refresh`. */
  status(): Promise<DnssecStatus> {
    return this.api.status(this.zoneName);
  }

  /**
   * `POST .../dnssec`, after asking the zone whether it can have DNSSEC: a zone that cannot is refused here, with
   * nothing sent. OVH's own refusal of the enable (other than the key's rules) is worded on zoneName too.
   */
  private async sendEnable(): Promise<void> {
    const zone = await this.ctx.zones.getZone(this.zoneName);
    if (zone.dnssecSupported === false) {
      throw new DnssecRefusedError(
        `zoneName ${this.zoneName}: this zone cannot have DNSSEC (GET /domain/zone/${this.zoneName} answers dnssecSupported: false, ` +
          "as for a zone whose name servers are not OVH's or whose extension OVH cannot sign); nothing was sent: remove the ZoneDnssec of this zone",
      );
    }
    try {
      await this.api.enable(this.zoneName);
    } catch (err) {
      if (!(err instanceof OvhApiError) || err.status >= 500 || err.status === 404 || isNotGranted(err)) throw err;
      if (err.status === 409) return; // an enable from elsewhere started first: the wait follows it
      throw new DnssecRefusedError(`zoneName ${this.zoneName}: OVH refused to enable DNSSEC: ${err.apiMessage} (nothing was started)`, { cause: err });
    }
  }

  /** Waits for `want`; a timeout or a status moving away is an error that says what to do. */
  private async waitOrFail(want: "enabled" | "disabled", properties: Record<string, unknown> | undefined): Promise<DnssecStatus> {
    const outcome = await waitForDnssec(() => this.api.status(this.zoneName), want, {
      ...this.ctx.wait,
      timeoutMs: this.timeoutSeconds * 1000,
      progress: (status, waitedMs) => this.say(`${status} (${(waitedMs / 1000).toFixed(1)} s of at most ${this.timeoutSeconds} s)`),
    });
    if (outcome.reached) return outcome.status;
    const task = want === "enabled" ? "DnssecEnable" : "DnssecDisable";
    const message = outcome.status === (want === "enabled" ? "enableInProgress" : "disableInProgress")
      ? `DNSSEC of zone ${this.zoneName} is still ${outcome.status} after ${this.timeoutSeconds} s: OVH's ${task} task has not ended and nothing was undone. ` +
        `Run \`pulumi ${want === "enabled" ? "up" : "destroy"}\` again later (it waits for the same task, sending nothing twice), or raise timeoutSeconds`
      : `DNSSEC of zone ${this.zoneName} went to ${outcome.status} while waiting for ${want}: OVH's ${task} task did not succeed, or DNSSEC was changed ` +
        `elsewhere meanwhile. See the zone's tasks (GET /domain/zone/${this.zoneName}/task?function=${task}) in the OVH console, then run \`pulumi up\` again`;
    if (properties !== undefined) throw new DnssecInitError(message, this.zoneName, { ...properties, status: outcome.status });
    throw new ZoneDnssecError(message);
  }

  private say(text: string): void {
    this.ctx.log(`DNSSEC of ${this.zoneName}: ${text}`);
  }
}
