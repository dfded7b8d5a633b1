/**
 * SVCB and HTTPS (RFC 9460): `SvcPriority TargetName SvcParams...`, which OVH offers since its 2025-12 console
 * change (docs/ovh-api.md §5 "SVCB and HTTPS"). One factory makes both: they share the syntax and the rules;
 * the params are svc-params.ts. Priority 0 is AliasMode (a target and no params); 1-65535 is ServiceMode. The
 * target is a fully qualified name or `.` (the owner name itself in ServiceMode, "no service" in AliasMode).
 */
import { canonicalUint, checkUint, parseUint } from "../fields";
import { canonicalHost, checkTargetHost, normaliseHost } from "../hostname";
import type { RecordType } from "./record-type";
import { canonicalParams, checkParams, readParams, render } from "./svc-params";

const FORMAT = "priority target. [key=value...]";

/** The SVCB (or HTTPS) record type. */
export function svcbType(fieldType: "SVCB" | "HTTPS"): RecordType {
  const example = fieldType === "HTTPS" ? "1 . alpn=h3,h2 ipv4hint=192.0.2.1" : "1 svc.example.com. alpn=h2 port=8443";
  const type: RecordType = {
    fieldType,
    format: FORMAT,
    example,
    // Only a valid target is respelled: a control character inside a field stays there for the check to name.
    normalise: (target) => {
      const parts = split(target);
      if (parts === undefined || typeof parts.params === "string" || type.validate(target, {}).length > 0) return target.trim();
      const params = parts.params.map((p) => render({ key: p.key.toLowerCase(), value: p.value }));
      return [parts.priority, normaliseHost(parts.host), ...params].join(" ");
    },
    validate: (target, ctx) => {
      const parts = split(target);
      if (parts === undefined) return [`a ${fieldType} target is "${FORMAT}", e.g. "${example}"; got "${target.trim()}"`];
      const reasons = [...checkUint(`${fieldType} priority`, parts.priority, 0, 65535)];
      if (parts.host !== ".") reasons.push(...checkTargetHost(`${fieldType} target name`, parts.host, ctx));
      if (typeof parts.params === "string") return [...reasons, parts.params];
      return [...reasons, ...checkParams(fieldType, parseUint(parts.priority, 0, 65535), parts.params)];
    },
    canonical: (target) => {
      const parts = split(target);
      if (parts === undefined || typeof parts.params === "string") return target.trim();
      const params = canonicalParams(parts.params);
      return [canonicalUint(parts.priority), canonicalHost(parts.host), ...(params === "" ? [] : [params])].join(" ");
    },
  };
  return type;
}

/** The priority, the target name and the params of `target`, or `undefined` with fewer than two fields. */
function split(target: string): { priority: string; host: string; params: ReturnType<typeof readParams> } | undefined {
  const match = /^\s*(\S+)\s+(\S+)(.*)$/s.exec(target);
  if (match === null) return undefined;
  return { priority: match[1], host: match[2], params: readParams(match[3]) };
}

export const SVCB = svcbType("SVCB");
export const HTTPS = svcbType("HTTPS");
