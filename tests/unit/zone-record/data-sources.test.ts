import { ZoneApi, fetchZone, fetchZoneRecords } from "../../../provider/zone-record";
import * as sdk from "../../../sdk/data-sources";

/** A requester that records what would have been sent. */
function recorder() {
  const sent: string[] = [];
  const api = new ZoneApi({
    request: async <T>(method: string, path: string) => {
      sent.push(`${method} ${path}`);
      return { name: "example.com", nameServers: [] } as T;
    },
  });
  return { api, sent };
}

describe("data sources against a zone name that is not one", () => {
  it.each([["."], [""], ["  "], ["com"], ["exa mple.com"]])("getZone refuses %p without a call", async (zoneName) => {
    const { api, sent } = recorder();
    await expect(fetchZone(api, zoneName)).rejects.toThrow(/^getZone: zoneName must be a zone name such as "example\.com": /);
    await expect(fetchZoneRecords(api, zoneName)).rejects.toThrow(/^getZoneRecords: zoneName must be a zone name/);
    expect(sent).toEqual([]);
  });

  it("names the reason", async () => {
    await expect(sdk.getZone({ zoneName: "." })).rejects.toThrow('getZone: zoneName must be a zone name such as "example.com": zoneName is required, e.g. "example.com"');
    await expect(sdk.getZoneRecords({ zoneName: "com" })).rejects.toThrow(/needs at least two labels/);
  });

  it("reads a zone written with a trailing dot and capitals as the zone", async () => {
    const { api, sent } = recorder();
    await fetchZone(api, "Example.COM.");
    expect(sent).toEqual(["GET /domain/zone/example.com"]);
  });
});
