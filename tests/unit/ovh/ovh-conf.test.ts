import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { OvhConfigError } from "../../../provider/ovh/errors";
import { defaultOvhConfPaths, parseOvhConf, readOvhConfFiles } from "../../../provider/ovh/ovh-conf";

describe("parseOvhConf", () => {
  it("reads the python-ovh/go-ovh format", () => {
    const text = [
      "; comment",
      "[default]",
      "endpoint=ovh-ca",
      "",
      "# another comment",
      "[ovh-ca]",
      "application_key=my_app_key",
      "Application_Secret = my_application_secret",
      "consumer_key: my_consumer_key",
      "[http://127.0.0.1:8080/1.0]",
      "client_id=id",
    ].join("\r\n");
    expect(parseOvhConf(text)).toEqual({
      default: { endpoint: "ovh-ca" },
      "ovh-ca": { application_key: "my_app_key", application_secret: "my_application_secret", consumer_key: "my_consumer_key" },
      "http://127.0.0.1:8080/1.0": { client_id: "id" },
    });
  });

  it("keeps values verbatim, including characters that look like inline comments", () => {
    expect(parseOvhConf("[ovh-eu]\napplication_secret = a#b;c=d\n")).toEqual({ "ovh-eu": { application_secret: "a#b;c=d" } });
  });

  it("names the file and line of a malformed line", () => {
    expect(() => parseOvhConf("[default]\nendpoint ovh-eu\n", "/etc/ovh.conf")).toThrow(
      new OvhConfigError('/etc/ovh.conf line 2 is neither a [section] nor a "key = value" line.'),
    );
    expect(() => parseOvhConf("endpoint=ovh-eu\n", "./ovh.conf")).toThrow(
      "./ovh.conf line 1 comes before any [section]; start the file with [default].",
    );
  });
});

describe("ovh.conf files", () => {
  it("looks in ./ovh.conf, ~/.ovh.conf then /etc/ovh.conf", () => {
    expect(defaultOvhConfPaths("/work/project", "/home/ada")).toEqual([
      "/work/project/ovh.conf",
      "/home/ada/.ovh.conf",
      "/etc/ovh.conf",
    ]);
    expect(defaultOvhConfPaths("/w", undefined)).toEqual(["/w/ovh.conf", "/etc/ovh.conf"]);
  });

  it("reads the files that exist with node:fs and skips missing ones", () => {
    const dir = mkdtempSync(join(tmpdir(), "ovh-conf-"));
    writeFileSync(join(dir, "ovh.conf"), "[default]\nendpoint=ovh-us\n");
    const files = readOvhConfFiles([join(dir, "ovh.conf"), join(dir, "missing.conf"), dir]);
    expect(files).toEqual([{ path: join(dir, "ovh.conf"), conf: { default: { endpoint: "ovh-us" } } }]);
  });
});
