/**
 * check: every input of a ZoneRedirection, each refusal naming its field and what to write instead. Pure: no API
 * call. The zone and sub-domain go through the records' own name checks (provider/records/names.ts), so a
 * redirection's name is judged as a record's is.
 */
import { checkSubDomain, checkZoneName } from "../records/names";
import { normaliseZoneName } from "../records";
import { findCharacter, isControlCharacter, isControlOrSpace } from "../text/characters";
import { ownerProblem, STACK_KEY } from "../zone-record/registry-codec";
import { flagInput, textInput } from "../zone-record/input-checks";
import { isUnknownValue } from "../zone-record/unknown";
import { FRAME_FIELDS, isRedirectionType, REDIRECTION_TYPES } from "./model";

/** One refused input, in the shape of Pulumi's `CheckFailure`. */
export interface RedirectionFailure {
  property: string;
  reason: string;
}

/** The result of {@link checkZoneRedirection}, in the shape of Pulumi's `CheckResult`. */
export interface ZoneRedirectionCheck {
  inputs: Record<string, unknown>;
  failures: RedirectionFailure[];
}

const INPUT_KEYS = ["zoneName", "subDomain", "type", "target", ...FRAME_FIELDS] as const;
const FLAGS = {
  adopt: "true takes over an existing redirection of the same name and target instead of creating one",
  waitUntilPublished: "true makes each change return only once a zone refresh covering it succeeded",
} as const;
/** Keys that may travel with the inputs: the host's `__provider`, and the outputs the SDK declares. */
const KNOWN_KEYS: readonly string[] = [...INPUT_KEYS, ...Object.keys(FLAGS), "owner", "__provider", "__stack", "redirectionId", "fqdn"];

/** Checks the inputs `news` of a ZoneRedirection (every state is checked whole: the old inputs play no part). */
export function checkZoneRedirection(news: Record<string, unknown>): ZoneRedirectionCheck {
  const inputs: Record<string, unknown> = {};
  const failures: RedirectionFailure[] = [];
  const fail = (property: string, reason: string) => failures.push({ property, reason });
  for (const key of Object.keys(news)) {
    if (!KNOWN_KEYS.includes(key) && news[key] !== undefined) {
      fail(key, `unknown property "${key}": a ZoneRedirection takes zoneName, subDomain, type, target, title, keywords, description, adopt, waitUntilPublished and owner`);
    }
  }
  const zoneName = textInput(news, "zoneName", fail, "");
  if (zoneName !== undefined) {
    const normal = normaliseZoneName(zoneName);
    const reasons = checkZoneName(normal);
    reasons.forEach((reason) => fail("zoneName", reason));
    inputs.zoneName = reasons.length === 0 ? normal : zoneName;
  } else inputs.zoneName = news.zoneName ?? null;
  const subDomain = textInput(news, "subDomain", fail, "");
  if (subDomain !== undefined) {
    const normal = subDomain.trim().toLowerCase();
    checkSubDomain(normal, typeof inputs.zoneName === "string" && !isUnknownValue(inputs.zoneName) ? inputs.zoneName : undefined)
      .forEach((reason) => fail("subDomain", reason));
    inputs.subDomain = normal;
  } else inputs.subDomain = news.subDomain ?? "";
  inputs.type = checkType(news.type, fail);
  inputs.target = checkTarget(news.target, fail);
  for (const field of FRAME_FIELDS) inputs[field] = checkFrameField(field, news[field], inputs.type, fail);
  for (const [flag, meaning] of Object.entries(FLAGS)) flagInput(news, inputs, flag, meaning, fail);
  checkOwner(news, inputs, fail);
  return { inputs, failures };
}

/** `owner` (the owner registry's name for the stack, as a ZoneRecord's) and the SDK's stack key `__stack`. */
function checkOwner(news: Record<string, unknown>, inputs: Record<string, unknown>, fail: (p: string, r: string) => void): void {
  const owner = news.owner;
  if (isUnknownValue(owner)) inputs.owner = owner;
  else if (owner !== undefined && owner !== null && owner !== "") {
    const problem = ownerProblem(owner);
    if (problem === undefined) inputs.owner = owner;
    else fail("owner", `owner ${problem}; it names the stack that manages the redirection (set \`ovhdns:owner\` in the stack config, or the ZoneRedirection's owner)`);
  }
  if (typeof news.__stack === "string" && STACK_KEY.test(news.__stack)) inputs.__stack = news.__stack;
}

function checkType(value: unknown, fail: (p: string, r: string) => void): unknown {
  if (isUnknownValue(value)) return value;
  if (value === undefined || value === null || value === "") {
    fail("type", `type is required: ${REDIRECTION_TYPES.join(", ")} (visible answers HTTP 302, visiblePermanent 301, invisible shows the target in a frame)`);
    return null;
  }
  if (isRedirectionType(value)) return value;
  const near = typeof value === "string" ? REDIRECTION_TYPES.find((t) => t.toLowerCase() === value.trim().toLowerCase()) : undefined;
  fail("type", `type ${JSON.stringify(value)} is not an OVH redirection type: ${near ? `write "${near}" (the API's spelling)` : `use one of ${REDIRECTION_TYPES.join(", ")}`}`);
  return value;
}

/**
 * The target: a URL (`https://example.org/path`) or a bare host name (`www.example.org`), as OVH's own examples
 * write it. Neither a space nor a control character can be part of it (the redirection server would send a
 * broken `Location`), and a URL's scheme is http or https: the only ones a browser follows for a page.
 */
function checkTarget(value: unknown, fail: (p: string, r: string) => void): unknown {
  if (isUnknownValue(value)) return value;
  if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
    fail("target", "target is required: the URL to redirect to, e.g. \"https://www.example.org/\"");
    return null;
  }
  if (typeof value !== "string") {
    fail("target", `target must be a string, not ${JSON.stringify(value)}`);
    return value;
  }
  const target = value.trim();
  const bad = findCharacter(target, isControlOrSpace);
  if (bad) {
    fail("target", `target holds ${bad.name} at position ${bad.position}: a URL has none; percent-encode a space as %20`);
    return target;
  }
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(target)?.[1];
  if (scheme !== undefined && /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(target) && !["http", "https"].includes(scheme.toLowerCase())) {
    fail("target", `target ${JSON.stringify(target)} has the scheme "${scheme}": a web redirection goes to an http:// or https:// URL`);
  } else if (/^https?:\/\/(\/|$)/i.test(target)) {
    fail("target", `target ${JSON.stringify(target)} has no host name: write e.g. "https://www.example.org/"`);
  }
  return target;
}

/** title, keywords, description: free text, shown in the frame page of an `invisible` redirection only. */
function checkFrameField(field: string, value: unknown, type: unknown, fail: (p: string, r: string) => void): unknown {
  if (isUnknownValue(value)) return value;
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") {
    fail(field, `${field} must be a string, not ${JSON.stringify(value)}`);
    return value;
  }
  const bad = findCharacter(value, isControlCharacter);
  if (bad) fail(field, `${field} holds ${bad.name} at position ${bad.position}: write it on one line, without control characters`);
  if (value !== "" && isRedirectionType(type) && type !== "invisible") {
    fail(field, `${field} is shown only by an invisible redirection (the frame page's ${field === "title" ? "title" : `meta ${field}`}); ` +
      `remove it, or set type to "invisible"`);
  }
  return value;
}
