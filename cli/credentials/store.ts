/**
 * Where a validated consumer key goes (`credentials --pulumi-config | --ovh-conf <path> | --print-exports`).
 * Each target is checked before the key is requested, so a missing `pulumi` or a broken ovh.conf fails
 * before the user validates a key that would then be lost.
 */
import { findPulumi, setPulumiConfig } from "../pulumi-cli";
import { CommandFailure } from "../cli-errors";
import { editOvhConf, readOvhConfForEdit, writeOvhConf } from "./ovh-conf-writer";

/** The values to store: endpoint and application key are not secret; the other two are. */
export interface StoredValues {
  endpoint: string;
  applicationKey: string;
  applicationSecret: string;
  consumerKey: string;
}

/** The targets asked for. */
export interface StoreTargets {
  pulumiConfig: boolean;
  stack?: string;
  ovhConf?: string;
  printExports: boolean;
}

/** What the pre-flight found: the `pulumi` binary to run. */
export interface PreparedStore {
  pulumi?: string;
}

/** Checks every target before any API call. */
export function prepareStore(targets: StoreTargets): PreparedStore {
  const prepared: PreparedStore = {};
  if (targets.pulumiConfig) {
    prepared.pulumi = findPulumi();
    if (!prepared.pulumi) {
      throw new CommandFailure(
        "--pulumi-config needs the pulumi CLI on the PATH (https://www.pulumi.com/docs/install/); " +
          "install it, or store the key with --ovh-conf <path> or --print-exports",
      );
    }
  }
  if (targets.ovhConf) readOvhConfForEdit(targets.ovhConf);
  return prepared;
}

/** Stores the values in every target; returns one line per target saying where they went. */
export async function storeCredentials(values: StoredValues, targets: StoreTargets, prepared: PreparedStore): Promise<string[]> {
  const done: string[] = [];
  if (prepared.pulumi) {
    await setPulumiConfig(
      prepared.pulumi,
      [
        { key: "ovh:endpoint", value: values.endpoint, secret: false },
        { key: "ovh:applicationKey", value: values.applicationKey, secret: false },
        { key: "ovh:applicationSecret", value: values.applicationSecret, secret: true },
        { key: "ovh:consumerKey", value: values.consumerKey, secret: true },
      ],
      targets.stack,
    );
    done.push(`stored in the Pulumi config of ${targets.stack ? `stack ${targets.stack}` : "the current stack"} (secrets encrypted)`);
  }
  if (targets.ovhConf) {
    const text = editOvhConf(readOvhConfForEdit(targets.ovhConf), {
      default: { endpoint: values.endpoint },
      [values.endpoint]: {
        application_key: values.applicationKey,
        application_secret: values.applicationSecret,
        consumer_key: values.consumerKey,
      },
    });
    writeOvhConf(targets.ovhConf, text);
    done.push(`stored in ${targets.ovhConf} [${values.endpoint}] (mode 0600)`);
  }
  return done;
}

/** `export` lines for a shell: the consumer key included (the user asked with --print-exports), never the application secret. */
export function exportLines(values: StoredValues): string[] {
  return [
    `export OVH_ENDPOINT=${shellQuote(values.endpoint)}`,
    `export OVH_APPLICATION_KEY=${shellQuote(values.applicationKey)}`,
    `export OVH_CONSUMER_KEY=${shellQuote(values.consumerKey)}`,
    "# OVH_APPLICATION_SECRET: the one you already have (not printed)",
  ];
}

/** Quotes a value for a POSIX shell when it holds anything but safe characters. */
export function shellQuote(value: string): string {
  return /^[A-Za-z0-9_./:@%+=,-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
