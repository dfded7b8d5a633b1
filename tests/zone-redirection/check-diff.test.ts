import { checkZoneRedirection, diffZoneRedirection, toApiRedirectionCreate, toApiRedirectionUpdate } from "../../provider/zone-redirection";
import { UNKNOWN_VALUE, isUnknownValue } from "../../provider/zone-record";

const www = { zoneName: "example.com", subDomain: "www", type: "visiblePermanent", target: "https://example.org/" };
const checked = { ...www, title: "", keywords: "", description: "" };

describe("checkZoneRedirection", () => {
  it("normalises names and fills the frame fields of a valid redirection", () => {
    expect(checkZoneRedirection({ ...www, zoneName: "Example.COM.", subDomain: " WWW ", target: " https://example.org/ " }))
      .toEqual({ inputs: checked, failures: [] });
  });

  it.each([
    [{ zoneName: "" }, "zoneName", 'zoneName is required, e.g. "example.com"'],
    [{ subDomain: "www.example.com" }, "subDomain", 'subDomain "www.example.com" repeats the zone name: OVH would create "www.example.com.example.com"; use "www"'],
    [{ type: undefined }, "type", "type is required: visible, visiblePermanent, invisible (visible answers HTTP 302, visiblePermanent 301, invisible shows the target in a frame)"],
    [{ type: "VisiblePermanent" }, "type", 'type "VisiblePermanent" is not an OVH redirection type: write "visiblePermanent" (the API\'s spelling)'],
    [{ type: "301" }, "type", 'type "301" is not an OVH redirection type: use one of visible, visiblePermanent, invisible'],
    [{ target: "" }, "target", 'target is required: the URL to redirect to, e.g. "https://www.example.org/"'],
    [{ target: "https://example.org/a page" }, "target", "target holds U+0020 (space character) at position 22: a URL has none; percent-encode a space as %20"],
    [{ target: "ftp://example.org/" }, "target", 'target "ftp://example.org/" has the scheme "ftp": a web redirection goes to an http:// or https:// URL'],
    [{ target: "https://" }, "target", 'target "https://" has no host name: write e.g. "https://www.example.org/"'],
    [{ target: 42 }, "target", "target must be a string, not 42"],
    [{ title: "Home" }, "title", 'title is shown only by an invisible redirection (the frame page\'s title); remove it, or set type to "invisible"'],
    [{ type: "invisible", description: "a\nb" }, "description", "description holds U+000A (line feed) at position 2: write it on one line, without control characters"],
    [{ adopt: "yes" }, "adopt", 'adopt must be true or false, not "yes": true takes over an existing redirection of the same name and target instead of creating one'],
    [{ ttl: 60 }, "ttl", 'unknown property "ttl": a ZoneRedirection takes zoneName, subDomain, type, target, title, keywords, description, adopt, waitUntilPublished and owner'],
  ])("refuses %j, naming %s", (change, property, reason) => {
    expect(checkZoneRedirection({ ...www, ...change }).failures).toEqual([{ property, reason }]);
  });

  it("takes an owner (refused on owner when it is no owner name) and the SDK's stack key", () => {
    expect(checkZoneRedirection({ ...www, owner: "dns/prod", __stack: "0123456789ab" })).toEqual({ inputs: { ...checked, owner: "dns/prod", __stack: "0123456789ab" }, failures: [] });
    expect(checkZoneRedirection({ ...www, owner: "-x" }).failures).toEqual([{
      property: "owner",
      reason: 'owner "-x" is not an owner name: 1 to 63 characters among letters, digits, ".", "_", "/" and "-", starting with a letter or digit (for example "dns/prod"); ' +
        "it names the stack that manages the redirection (set `ovhdns:owner` in the stack config, or the ZoneRedirection's owner)",
    }]);
  });

  it("accepts the frame fields of an invisible redirection, and values not known yet in a preview", () => {
    const frame = { ...www, type: "invisible", title: "Home", keywords: "a, b", description: "Our site" };
    expect(checkZoneRedirection(frame)).toEqual({ inputs: frame, failures: [] });
    expect(checkZoneRedirection({ ...www, target: UNKNOWN_VALUE, type: UNKNOWN_VALUE, title: UNKNOWN_VALUE }).failures).toEqual([]);
  });
});

describe("diffZoneRedirection", () => {
  const stored = { ...checked, redirectionId: "42", fqdn: "www.example.com", instanceId: "0123456789abcdef" };

  it("shows no change for the same redirection, names compared in any case", () => {
    expect(diffZoneRedirection(stored, { ...checked, subDomain: "WWW" }, isUnknownValue)).toEqual({ changes: false, replaces: [], changed: [], deleteBeforeReplace: false });
  });

  it("changes type, target and the frame fields in place (they are in RedirectionUpdate)", () => {
    const news = { ...checked, type: "invisible", target: "https://example.net/", title: "Home" };
    expect(diffZoneRedirection(stored, news, isUnknownValue)).toEqual({ changes: true, replaces: [], changed: ["type", "target", "title"], deleteBeforeReplace: false });
  });

  it("changes the owner in place (its claim), an owner dropped from the outputs included", () => {
    expect(diffZoneRedirection({ ...stored, owner: "a" }, { ...checked, owner: "b" }, isUnknownValue)).toEqual({ changes: true, replaces: [], changed: ["owner"], deleteBeforeReplace: false });
    expect(diffZoneRedirection(stored, { ...checked, owner: "a" }, isUnknownValue).changed).toEqual(["owner"]);
    expect(diffZoneRedirection({ ...stored, owner: "a" }, { ...checked, owner: "a" }, isUnknownValue).changes).toBe(false);
  });

  it("replaces on a new zone or sub-domain (RedirectionUpdate has no subDomain), creating the new one first", () => {
    expect(diffZoneRedirection(stored, { ...checked, subDomain: "web" }, isUnknownValue)).toMatchObject({ replaces: ["subDomain"], deleteBeforeReplace: false });
    expect(diffZoneRedirection(stored, { ...checked, zoneName: "example.net" }, isUnknownValue)).toMatchObject({ replaces: ["zoneName"] });
  });

  it("counts a value not known yet as a change", () => {
    expect(diffZoneRedirection(stored, { ...checked, target: UNKNOWN_VALUE }, isUnknownValue).changed).toEqual(["target"]);
  });
});

describe("the bodies sent", () => {
  it("send the frame fields of an invisible redirection, and null for those it lacks or a type without a frame", () => {
    const invisible = { ...checked, type: "invisible" as const, title: "Home", keywords: "" };
    expect(toApiRedirectionCreate(invisible)).toEqual({ subDomain: "www", type: "invisible", target: "https://example.org/", title: "Home", keywords: null, description: null });
    // A change away from invisible clears what the frame had (OVH keeps frame fields for invisible redirections).
    expect(toApiRedirectionUpdate({ ...invisible, type: "visible" })).toEqual({ type: "visible", target: "https://example.org/", title: null, keywords: null, description: null });
  });
});
