import { parseCliArgs } from "../../tools/local-engine/cli-args";

describe("parseCliArgs", () => {
  it("reads the operation, paths, config and secrets", () => {
    const parsed = parseCliArgs(
      ["up", "--program", "examples/basic", "--stack", "dev", "--state", ".state/dev.json", "--config", "ovh:endpoint=ovh-eu", "--secret", "ovh:applicationSecret=a=b"],
      "/repo",
    );
    expect(parsed).toEqual({
      operation: "up",
      options: {
        programDir: "/repo/examples/basic",
        stack: "dev",
        statePath: "/repo/.state/dev.json",
        config: { "ovh:endpoint": "ovh-eu", "ovh:applicationSecret": "a=b" },
        secretKeys: ["ovh:applicationSecret"],
      },
    });
  });

  it("refuses an unknown operation and a missing --state, with the usage", () => {
    expect(() => parseCliArgs(["apply"])).toThrow(/^unknown operation "apply"\nusage:/);
    expect(() => parseCliArgs(["up", "--program", "p", "--stack", "dev"])).toThrow(/^--state is required\nusage:/);
  });
});
