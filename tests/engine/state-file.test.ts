import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { secret } from "../../tools/plugin-host/sentinels";
import { StateFile, type StackState } from "../../tools/local-engine/state-file";

describe("StateFile", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "state-file-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const state: StackState = {
    version: 1,
    project: "p",
    stack: "dev",
    outputs: { token: secret("out-secret-1") },
    resources: [{ urn: "u", type: "t", custom: true, id: "1", inputs: { text: secret("in-secret-2") }, outputs: { text: secret({ deep: "in-secret-2" }) }, dependencies: [] }],
  };

  it("encrypts secrets on disk and decrypts them on load", () => {
    const file = new StateFile(path.join(dir, "a.json"), "pass");
    file.save(state);
    const text = fs.readFileSync(file.path, "utf8");
    expect(text).not.toContain("secret-1");
    expect(text).not.toContain("secret-2");
    expect(text).toContain('"ciphertext"');
    expect(new StateFile(file.path, "pass").load("p", "dev")).toEqual(state);
  });

  it("refuses a wrong passphrase", () => {
    const file = new StateFile(path.join(dir, "b.json"), "pass");
    file.save(state);
    expect(() => new StateFile(file.path, "other").load("p", "dev")).toThrow("cannot decrypt a secret in the state file: wrong passphrase");
  });

  it("starts empty when there is no file", () => {
    expect(new StateFile(path.join(dir, "none.json"), "pass").load("p", "dev")).toEqual({ version: 1, project: "p", stack: "dev", outputs: {}, resources: [] });
  });
});
