/**
 * examples/verification under `pulumi.runtime.setMocks` (a program's unit test, as a user would write one): the
 * ZoneRecord runs the real provider against the emulator, the token is a secret of the stack config.
 */
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { startEmulator, type Emulator } from "../../emulator";
import { stackConfigFor } from "../zone-record/support";

/** `inputs` with each secret (`{ [specialSigKey]: specialSecretSig, value }`) replaced by its value. */
function unwrapSecrets(inputs: Record<string, unknown>): Record<string, unknown> {
  const secret = (v: unknown): v is { value: unknown } =>
    typeof v === "object" && v !== null && (v as Record<string, unknown>)[pulumi.runtime.specialSigKey] === pulumi.runtime.specialSecretSig;
  return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, secret(v) ? v.value : v]));
}

describe("examples/verification with mocks", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await startEmulator({ zones: { "example.com": [] }, refreshDurationMs: 5 });
  });
  afterAll(() => emulator.close());

  it("publishes a TXT record holding the service's token, and keeps the value secret in the outputs", async () => {
    const config = stackConfigFor(emulator);
    pulumi.runtime.setAllConfig(
      { ...config, "ovh-dns-verification:zoneName": "example.com", "ovh-dns-verification:verificationToken": "k3n8q2x7w1m4p9z6c5v0b2n7m1q8w3e4" },
      ["ovh:applicationSecret", "ovh:consumerKey", "ovh-dns-verification:verificationToken"],
    );
    await pulumi.runtime.setMocks({
      newResource: async (args) => {
        const handler = eval(`(() => { const exports = {}; ${args.inputs.__provider}; return exports.handler; })()`);
        const provider = handler();
        await provider.configure({ config: { get: (k: string) => config[k] } });
        // Mocks get secret inputs wrapped; the engine hands a provider their values (sdk/testing.ts does the same).
        const { inputs, failures } = await provider.check({}, unwrapSecrets(args.inputs));
        if (failures.length) throw new Error(JSON.stringify(failures));
        const { id, outs } = await provider.create(inputs);
        return { id, state: outs };
      },
      call: () => ({}),
    }, "ovh-dns-verification", "dev", false);
    const program = require(path.resolve(__dirname, "../../examples/verification/index.ts"));
    const name = await new Promise((resolve) => program.verificationName.apply(resolve));
    const value = await new Promise((resolve) => program.verificationValue.apply(resolve));
    expect(name).toBe("_verification.example.com");
    expect(value).toBe("verification=k3n8q2x7w1m4p9z6c5v0b2n7m1q8w3e4");
    expect(await program.verificationValue.isSecret).toBe(true);
    expect(emulator.zone("example.com").records.map((r) => `${r.subDomain} ${r.fieldType} ${r.target} ${r.ttl}`))
      .toEqual(['_verification TXT "verification=k3n8q2x7w1m4p9z6c5v0b2n7m1q8w3e4" 300']);
  });
});
