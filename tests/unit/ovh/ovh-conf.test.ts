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

describe("parseOvhConf against hostile names", () => {
  afterEach(() => {
    // Undo a pollution, should a regression cause one, so that it cannot leak into other tests.
    delete (Object.prototype as Record<string, unknown>).application_key;
  });

  it.each([["[__proto__]"], ["[constructor]"], ["[prototype]"]])("refuses section %s, naming the line, and pollutes nothing", (header) => {
    expect(() => parseOvhConf(`[default]\nendpoint=ovh-eu\n${header}\napplication_key=polluted`, "/home/u/.ovh.conf")).toThrow(
      new OvhConfigError(`/home/u/.ovh.conf line 3: section ${header} is not an OVH section or key name; remove or rename it (sections are endpoints such as [ovh-eu]).`),
    );
    expect(({} as Record<string, unknown>).application_key).toBeUndefined();
  });

  it("refuses a key named __proto__", () => {
    expect(() => parseOvhConf("[ovh-eu]\n__proto__ = x")).toThrow(/line 2: key "__proto__" is not an OVH section or key name/);
  });

  it("keeps sections and keys in objects without a prototype", () => {
    const conf = parseOvhConf("[ovh-eu]\napplication_key=k");
    expect([Object.getPrototypeOf(conf), Object.getPrototypeOf(conf["ovh-eu"]), conf.toString]).toEqual([null, null, undefined]);
  });
});
