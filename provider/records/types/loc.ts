import { collapseSpaces } from "../fields";
import type { RecordType } from "./record-type";

const FORMAT = "d1 [m1 [s1]] {N|S} d2 [m2 [s2]] {E|W} alt[m] [siz[m] [hp[m] [vp[m]]]]";
const EXAMPLE = "52 22 23.000 N 4 53 32.000 E -2.00m 0.00m 10000m 10m";

/** Defaults RFC 1876 §3 gives the omitted size, horizontal and vertical precision, in metres. */
const SIZE_DEFAULTS = ["1", "10000", "10"];

/** LOC: a geographic position in the text form of RFC 1876 §3. */
export const LOC: RecordType = {
  fieldType: "LOC",
  format: FORMAT,
  example: EXAMPLE,
  normalise: (target) => collapseSpaces(target).replace(/(^| )([nsew])(?= )/g, (m) => m.toUpperCase()),
  validate: (target) => {
    const parsed = parseLoc(target);
    return "reasons" in parsed ? parsed.reasons : [];
  },
  canonical: (target) => {
    const parsed = parseLoc(target);
    return "canonical" in parsed ? parsed.canonical : collapseSpaces(target);
  },
};

type Parsed = { canonical: string } | { reasons: string[] };

/** Parses a LOC target into its canonical spelling (every field present, numbers minimal) or its faults. */
function parseLoc(target: string): Parsed {
  const tokens = collapseSpaces(target).split(" ");
  const ns = findHemisphere(tokens, 1, /^[NS]$/i);
  const ew = ns === undefined ? undefined : findHemisphere(tokens, ns + 2, /^[EW]$/i);
  if (ns === undefined || ew === undefined || tokens.length - ew - 1 < 1 || tokens.length - ew - 1 > 4) {
    return { reasons: [`a LOC target is "${FORMAT}", e.g. "${EXAMPLE}"; got "${collapseSpaces(target)}"`] };
  }
  const latitude = checkAngle("latitude", tokens.slice(0, ns), 90);
  const longitude = checkAngle("longitude", tokens.slice(ns + 1, ew), 180);
  const sizes = checkSizes(tokens.slice(ew + 1));
  const reasons = [...latitude.reasons, ...longitude.reasons, ...sizes.reasons];
  if (reasons.length > 0) return { reasons };
  const parts = [latitude.text, tokens[ns].toUpperCase(), longitude.text, tokens[ew].toUpperCase(), sizes.text];
  return { canonical: parts.join(" ") };
}

/** The index of the hemisphere letter, one to three fields after `from - 1`. */
function findHemisphere(tokens: string[], from: number, letter: RegExp): number | undefined {
  for (let i = from; i < from + 3 && i < tokens.length; i += 1) if (letter.test(tokens[i])) return i;
  return undefined;
}

/** Checks `degrees [minutes [seconds]]` against `maxDegrees`, and writes it with every field. */
function checkAngle(what: string, parts: string[], maxDegrees: number): { text: string; reasons: string[] } {
  const [d, m = "0", s = "0"] = parts;
  const reasons: string[] = [];
  if (!/^[0-9]{1,3}$/.test(d) || Number(d) > maxDegrees) reasons.push(`LOC ${what} degrees "${d}" is not an integer from 0 to ${maxDegrees}`);
  if (!/^[0-9]{1,2}$/.test(m) || Number(m) > 59) reasons.push(`LOC ${what} minutes "${m}" is not an integer from 0 to 59`);
  if (!/^[0-9]{1,2}(\.[0-9]{1,3})?$/.test(s) || Number(s) >= 60) reasons.push(`LOC ${what} seconds "${s}" is not a number from 0 to 59.999`);
  if (reasons.length === 0 && Number(d) === maxDegrees && (Number(m) > 0 || Number(s) > 0)) {
    reasons.push(`LOC ${what} is beyond ${maxDegrees} degrees`);
  }
  return { text: [d, m, s].map((n) => String(Number(n))).join(" "), reasons };
}

/** Checks `alt[m] [siz[m] [hp[m] [vp[m]]]]` and writes all four in metres, defaults filled in. */
function checkSizes(parts: string[]): { text: string; reasons: string[] } {
  const [alt, ...rest] = parts.map((p) => p.replace(/m$/i, ""));
  const reasons: string[] = [];
  const metres = /^[0-9]{1,8}(\.[0-9]{1,2})?$/;
  if (!/^-?[0-9]{1,8}(\.[0-9]{1,2})?$/.test(alt) || Number(alt) < -100000 || Number(alt) > 42849672.95) {
    reasons.push(`LOC altitude "${parts[0]}" is not a number of metres from -100000.00 to 42849672.95`);
  }
  ["size", "horizontal precision", "vertical precision"].forEach((name, i) => {
    const value = rest[i];
    if (value !== undefined && (!metres.test(value) || Number(value) > 90000000)) {
      reasons.push(`LOC ${name} "${parts[i + 1]}" is not a number of metres from 0 to 90000000.00`);
    }
  });
  const all = [alt, ...SIZE_DEFAULTS.map((d, i) => rest[i] ?? d)];
  return { text: all.map((n) => `${Number(n)}m`).join(" "), reasons };
}
