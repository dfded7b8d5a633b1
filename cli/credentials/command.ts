/**
 * `pulumi-ovh-dns credentials`: requests a least-privilege consumer key, waits for its validation, and stores
 * it where asked; for an OAuth2 service account, prints the IAM policy to attach instead.
 */
import { Command, Option } from "commander";
import { OvhClient } from "../../provider/ovh";
import { type AccessRule, type RuleScope, rulesFor } from "../access-rules";
import { UsageError, positiveInteger, zoneName } from "../cli-errors";
import { iamPolicyFor } from "../iam-policy";
import { resolveAppCredentials } from "./app-credentials";
import { credentialsWithKey, requestConsumerKey, waitForValidation, type CurrentCredential } from "./request";
import { checkWriteTarget } from "../safe-write";
import { exportLines, prepareStore, storeCredentials, type StoreTargets } from "./store";

/** Where OVH sends the browser after validation; any page will do, the command does not need it. */
const DEFAULT_REDIRECTION = "https://www.ovh.com/manager/";

interface CredentialsFlags {
  zone?: string[];
  allZones?: boolean;
  readOnly?: boolean;
  withRedirections?: boolean;
  withDnssec?: boolean;
  withSoa?: boolean;
  withDynhost?: boolean;
  validity?: string;
  endpoint?: string;
  redirection: string;
  interval: string;
  timeout: string;
  pulumiConfig?: boolean;
  stack?: string;
  ovhConf?: string;
  printExports?: boolean;
  oauth2?: string;
  json?: boolean;
}

/** The `credentials` command. */
export function credentialsCommand(): Command {
  return new Command("credentials")
    .description("request a consumer key with only the rights the provider needs, wait for its validation, and store it")
    .option("--zone <zone>", "a zone the key may manage (repeatable)", (v: string, all: string[] = []) => [...all, v])
    .option("--all-zones", "every zone of the account (instead of --zone)")
    .option("--read-only", "only what the data sources need (no create, update, delete)")
    .option("--with-redirections", "also the rules ZoneRedirection needs (create, update, delete web redirections)")
    .option("--with-dnssec", "also the rules ZoneDnssec needs (enable and disable DNSSEC)")
    .option("--with-soa", "also the rule ZoneSoa needs (change the zone's SOA: its TTLs, timers and email)")
    .option("--with-dynhost", "also the rules DynHostRecord and DynHostLogin need (DynHost records, logins, password changes)")
    .option("--validity <seconds>", "how long the key should live: choose at least this on the validation page")
    .option("--endpoint <name|url>", "ovh-eu, ovh-ca, ovh-us... or a URL (default: as the provider resolves it)")
    .option("--redirection <url>", "page OVH opens after validation", DEFAULT_REDIRECTION)
    .option("--interval <seconds>", "seconds between two checks of the key", "5")
    .option("--timeout <seconds>", "give up after this many seconds unvalidated", "900")
    .option("--pulumi-config", "store with `pulumi config set --secret` in the current stack")
    .option("--stack <name>", "the stack for --pulumi-config (default: the current one)")
    .option("--ovh-conf <path>", "store in this ovh.conf file (other sections kept, mode 0600)")
    .option("--print-exports", "print `export OVH_...` lines, the consumer key included")
    .addOption(new Option("--oauth2 <clientId>", "print the IAM policy for this OAuth2 service account instead"))
    .option("--json", "print the result as JSON")
    .action(async (flags: CredentialsFlags) => runCredentials(flags));
}

function scopeOf(flags: CredentialsFlags): RuleScope {
  const zones = (flags.zone ?? []).map((z) => zoneName("--zone", z));
  if (flags.allZones && zones.length > 0) throw new UsageError("give either --zone or --all-zones, not both");
  if (!flags.allZones && zones.length === 0) {
    throw new UsageError("name the zones the key is for with --zone <zone> (repeatable), or --all-zones for every zone");
  }
  return {
    zones,
    allZones: Boolean(flags.allZones),
    readOnly: Boolean(flags.readOnly),
    redirections: Boolean(flags.withRedirections),
    dnssec: Boolean(flags.withDnssec),
    soa: Boolean(flags.withSoa),
    dynhost: Boolean(flags.withDynhost),
  };
}

async function runCredentials(flags: CredentialsFlags): Promise<void> {
  const scope = scopeOf(flags);
  const intervalMs = positiveInteger("--interval", flags.interval, 3600) * 1000;
  const timeoutMs = positiveInteger("--timeout", flags.timeout, 86_400) * 1000;
  const validity = flags.validity === undefined ? undefined : positiveInteger("--validity", flags.validity);
  const targets: StoreTargets = {
    pulumiConfig: Boolean(flags.pulumiConfig),
    stack: flags.stack,
    ovhConf: flags.ovhConf,
    printExports: Boolean(flags.printExports),
  };
  if (flags.oauth2 !== undefined) return printPolicy(scope, flags.oauth2, flags.endpoint ?? "ovh-eu", flags.json);
  if (!targets.pulumiConfig && !targets.ovhConf && !targets.printExports) {
    throw new UsageError("say where to store the key: --pulumi-config, --ovh-conf <path> or --print-exports (prints the key)");
  }
  if (targets.stack && !targets.pulumiConfig) throw new UsageError("--stack goes with --pulumi-config");
  // First: a link is refused before anything is read (./ovh.conf is also a credentials source) or asked.
  if (targets.ovhConf) checkWriteTarget(targets.ovhConf, "--ovh-conf");
  const app = resolveAppCredentials(flags.endpoint);
  if (app.auth.kind === "oauth2") return printPolicy(scope, app.auth.clientId, app.endpoint, flags.json);
  if (app.auth.kind !== "application") {
    throw new UsageError(`an access token is configured (${app.sources.accessToken}): consumer keys need an application key`);
  }
  const prepared = prepareStore(targets);
  const rules = rulesFor(scope);
  // The URL, the rules and the progress are for the user, on stderr: stdout holds only the data (the export
  // lines, the JSON), so `--print-exports > file` still shows the URL to open (docs/cli.md).
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const appClient = new OvhClient({ credentials: app });
  const keyClient = { current: undefined as OvhClient | undefined };
  const abort = new AbortController();
  const onSigint = () => abort.abort();
  process.on("SIGINT", onSigint);
  try {
    const request = await requestConsumerKey(appClient, rules, flags.redirection);
    say(`Open this URL, log in and validate the key (rules below)${validity ? `, choosing a validity of at least ${describeSeconds(validity)}` : ""}:`);
    say(`  ${request.validationUrl}`);
    for (const rule of rules) say(`    ${rule.method} ${rule.path}`);
    say(`Waiting for the validation (checking every ${intervalMs / 1000} s for up to ${timeoutMs / 1000} s; Ctrl-C to stop)...`);
    keyClient.current = new OvhClient({ credentials: credentialsWithKey(app, request.consumerKey) });
    const current = await waitForValidation(keyClient.current, { intervalMs, timeoutMs, signal: abort.signal });
    const values = {
      endpoint: app.endpoint,
      applicationKey: app.auth.applicationKey,
      applicationSecret: app.auth.applicationSecret,
      consumerKey: request.consumerKey,
    };
    const stored = await storeCredentials(values, targets, prepared);
    report(current, validity, stored, say);
    if (flags.json) {
      const result = { validated: true, rules: current.rules, expiration: current.expiration, stored };
      process.stdout.write(`${JSON.stringify(targets.printExports ? { ...result, consumerKey: values.consumerKey } : result, null, 2)}\n`);
    } else if (targets.printExports) {
      for (const line of exportLines(values)) process.stdout.write(`${line}\n`);
    }
  } finally {
    process.off("SIGINT", onSigint);
    appClient.close();
    keyClient.current?.close();
  }
}

function report(current: CurrentCredential, validity: number | undefined, stored: string[], say: (line: string) => void): void {
  const warning = validityWarning(current.expiration, validity);
  if (warning) say(`warning: ${warning}`);
  say(`Validated. The key carries ${current.rules.length} rule(s):`);
  for (const rule of current.rules as AccessRule[]) say(`    ${rule.method} ${rule.path}`);
  say(`Expires: ${current.expiration ?? "never"}`);
  for (const line of stored) say(line);
}

/** Says when the validity chosen on the page is not the one asked for with `--validity`. */
export function validityWarning(expiration: string | null, validity: number | undefined, now = Date.now()): string | undefined {
  if (validity === undefined) return undefined;
  if (expiration === null) return `the key never expires, though --validity ${validity} was asked: revoke it when done`;
  const left = (Date.parse(expiration) - now) / 1000;
  if (left < validity * 0.99) return `the key expires at ${expiration}, sooner than the ${describeSeconds(validity)} asked with --validity`;
  return undefined;
}

function describeSeconds(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} day(s)`;
  if (seconds % 3600 === 0) return `${seconds / 3600} hour(s)`;
  return `${seconds} s`;
}

function printPolicy(scope: RuleScope, clientId: string, endpoint: string, json?: boolean): void {
  const policy = iamPolicyFor(scope, clientId, endpoint);
  // The note goes to stderr, so that stdout is the policy alone (a JSON file when redirected).
  if (!json) {
    process.stderr.write(
      "# OAuth2 service accounts are not limited by consumer-key rules but by IAM policies. Create this one\n" +
        "# (POST /v2/iam/policy, or the IAM page of the control panel), replacing <account> with your account id:\n",
    );
  }
  process.stdout.write(`${JSON.stringify(policy, null, 2)}\n`);
}
