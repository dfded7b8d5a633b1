import * as fs from "fs";
import * as path from "path";
import type { PropertyMap } from "../plugin-host/struct";
import { SecretCrypter } from "./secret-crypter";

/** One resource in the state. In memory, secret values are `{sig, value}`; on disk they are encrypted. */
export interface StateResource {
  urn: string;
  type: string;
  /** false for component resources (and the stack). */
  custom: boolean;
  id?: string;
  parent?: string;
  /** The checked inputs (with `__provider`). */
  inputs: PropertyMap;
  /** The provider's outputs (with `__provider`). */
  outputs: PropertyMap;
  /** Resources this one depends on (`dependencies`, `propertyDependencies`); with `parent`, the delete order. */
  dependencies: string[];
  /** Read with `.get()` / `opts.id`: not managed, never deleted. */
  external?: boolean;
  /** The old copy of a create-before-delete replacement, waiting for its delete. */
  pendingDelete?: boolean;
  /** The resource was made but failed to initialise: the next `up` updates it whatever the diff says. */
  initErrors?: string[];
}

/** A stack's state. */
export interface StackState {
  version: 1;
  project: string;
  stack: string;
  /** Stack outputs (secrets wrapped). */
  outputs: PropertyMap;
  resources: StateResource[];
  /**
   * The config the default provider was configured with at the last `up` (secrets wrapped), as the real
   * engine keeps it in the provider's entry: `refresh` and `destroy` configure the provider from it, not from
   * the current config (docs/pulumi-cli.md, "Refresh and destroy are configured from the state").
   */
  providerConfig?: PropertyMap;
}

interface StateFileJson extends StackState {
  secretsProvider: { type: "passphrase"; salt: string };
}

/** The fixed passphrase used when none is given: this is a test harness, the file is not a vault. */
export const DEFAULT_TEST_PASSPHRASE = "local-engine-test-passphrase";

/** Reads and writes one stack's JSON state file, encrypting secrets. Writes are atomic (tmp + rename). */
export class StateFile {
  private crypter?: SecretCrypter;

  constructor(
    readonly path: string,
    private readonly passphrase: string,
  ) {}

  /** Loads the state, or an empty one when the file does not exist. */
  load(project: string, stack: string): StackState {
    if (!fs.existsSync(this.path)) return { version: 1, project, stack, outputs: {}, resources: [] };
    const json = JSON.parse(fs.readFileSync(this.path, "utf8")) as StateFileJson;
    this.crypter = new SecretCrypter(this.passphrase, json.secretsProvider.salt);
    const state = this.crypter.decryptTree({ outputs: json.outputs, resources: json.resources, providerConfig: json.providerConfig }) as
      Pick<StackState, "outputs" | "resources" | "providerConfig">;
    return { version: 1, project: json.project, stack: json.stack, ...state };
  }

  /** Writes the state (synchronously, so concurrent steps cannot interleave two writes). */
  save(state: StackState): void {
    this.crypter ??= SecretCrypter.create(this.passphrase);
    const json: StateFileJson = {
      version: 1,
      project: state.project,
      stack: state.stack,
      secretsProvider: { type: "passphrase", salt: this.crypter.salt },
      outputs: this.crypter.encryptTree(state.outputs) as PropertyMap,
      resources: this.crypter.encryptTree(state.resources) as StateResource[],
      ...(state.providerConfig ? { providerConfig: this.crypter.encryptTree(state.providerConfig) as PropertyMap } : {}),
    };
    fs.mkdirSync(path.dirname(this.path), { recursive: true });
    const tmp = `${this.path}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(json, null, 2) + "\n");
    fs.renameSync(tmp, this.path);
  }
}
