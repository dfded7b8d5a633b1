/**
 * `pulumi-ovh-dns doctor`: resolves credentials exactly as the provider does, says where each came from, and
 * checks them against the API. Exit 1 when a check fails, so it can run in CI before `pulumi preview` (a
 * preview makes no API call: a wrong secret or a mistyped zone passes it).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Command } from "commander";
import { OvhClient, type ResolvedCredentials, resolveCredentials } from "../../provider/ovh";
import type { ZoneNeeds } from "../access-rules";
import { zoneName } from "../cli-errors";
import { findPulumi, readOvhStackConfig } from "../pulumi-cli";
import { checkConsumerKey, checkEndpointAndClock, checkRules, checkZones } from "./checks";
import { Report } from "./report";
import { describeSources, shadowWarnings } from "./sources";

interface DoctorFlags {
  zone?: string[];
  readOnly?: boolean;
  withRedirections?: boolean;
  withDnssec?: boolean;
  withSoa?: boolean;
  withDynhost?: boolean;
  stack?: string;
  stackConfig: boolean;
  json?: boolean;
}

/** The `doctor` command. */
export function doctorCommand(): Command {
  return new Command("doctor")
    .description("check credentials, endpoint, clock, access rules and zones, as the provider will use them (exit 1 on a failure)")
    .option("--zone <zone>", "a zone the stack manages: check its rules and that it exists (repeatable)", (v: string, all: string[] = []) => [...all, v])
    .option("--read-only", "the stack only reads (data sources): do not require write rules")
    .option("--with-redirections", "the stack manages ZoneRedirections: require their rules too")
    .option("--with-dnssec", "the stack manages ZoneDnssec: require its rules too")
    .option("--with-soa", "the stack manages a ZoneSoa: require its rules too")
    .option("--with-dynhost", "the stack manages DynHostRecords or DynHostLogins: require their rules too")
    .option("--stack <name>", "read the ovh: config of this stack (default: the current one)")
    .option("--no-stack-config", "ignore the Pulumi stack config (check the environment and ovh.conf only)")
    .option("--json", "print the findings as JSON")
    .action(async (flags: DoctorFlags) => runDoctor(flags));
}

async function runDoctor(flags: DoctorFlags): Promise<void> {
  const zones = (flags.zone ?? []).map((z) => zoneName("--zone", z));
  const report = new Report(Boolean(flags.json));
  const found = await resolveAsProvider(flags, report);
  const needs = { readOnly: Boolean(flags.readOnly), redirections: Boolean(flags.withRedirections), dnssec: Boolean(flags.withDnssec), soa: Boolean(flags.withSoa), dynhost: Boolean(flags.withDynhost) };
  if (found) await checkApi(found, zones, needs, report);
  report.finish();
  if (report.failed) process.exitCode = 1;
}

/** The stack config, when a stack is there and the pulumi CLI can read it. */
async function stackConfig(flags: DoctorFlags, report: Report): Promise<Record<string, string> | undefined> {
  if (!flags.stackConfig) return undefined;
  const project = ["Pulumi.yaml", "Pulumi.yml"].some((f) => existsSync(join(process.cwd(), f)));
  if (!project && !flags.stack) {
    report.add("stack config", "info", "no Pulumi.yaml here: stack config not read (run doctor in the project directory)");
    return undefined;
  }
  const pulumi = findPulumi();
  if (!pulumi) {
    report.add("stack config", "warn", "a Pulumi project is here but no pulumi CLI on the PATH: its ovh: config keys, which win over the environment, were not read");
    return undefined;
  }
  try {
    const values = await readOvhStackConfig(pulumi, flags.stack);
    report.add("stack config", "info", `read ${Object.keys(values).length} ovh: key(s) of ${flags.stack ? `stack ${flags.stack}` : "the current stack"}`);
    return values;
  } catch (err) {
    report.add("stack config", "fail", `${(err as Error).message} (or run with --no-stack-config)`);
    return undefined;
  }
}

async function resolveAsProvider(flags: DoctorFlags, report: Report): Promise<ResolvedCredentials | undefined> {
  const config = await stackConfig(flags, report);
  let found: ResolvedCredentials;
  try {
    // The provider's own call (provider/zone-record/connection.ts): stack config, then env, then ovh.conf.
    found = resolveCredentials({ config: config ? (key) => config[key] : undefined, env: process.env });
  } catch (err) {
    report.add("credentials", "fail", (err as Error).message);
    return undefined;
  }
  const kind = { application: "application key", oauth2: "OAuth2 service account", "access-token": "access token" }[found.auth.kind];
  report.add("credentials", "ok", `${kind}, resolved as the provider resolves it`);
  for (const line of describeSources(found)) report.add("credentials", "info", line);
  for (const warning of shadowWarnings(found, process.env)) report.add("environment", "warn", warning);
  return found;
}

async function checkApi(found: ResolvedCredentials, zones: string[], needs: ZoneNeeds, report: Report): Promise<void> {
  const client = new OvhClient({ credentials: found, timeoutMs: 15_000, retry: { maxAttempts: 2 } });
  try {
    if (!(await checkEndpointAndClock(client, found, report))) return;
    if (found.auth.kind === "application") {
      const rules = await checkConsumerKey(client, report);
      if (!rules) return;
      checkRules(rules, zones, needs, report);
    } else if (zones.length === 0) {
      await client.get("/domain/zone").then(
        () => report.add("credential", "ok", "GET /domain/zone works with this credential"),
        (err: unknown) => report.add("credential", "fail", `GET /domain/zone failed: ${(err as Error).message}`),
      );
    }
    if (zones.length === 0) report.add("zones", "info", "no --zone given: per-zone rules and zones not checked");
    await checkZones(client, zones, report);
  } finally {
    client.close();
  }
}
