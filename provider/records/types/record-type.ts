import type { FieldType } from "../field-types";
import type { HostContext } from "../hostname";

/** What a target is checked against besides itself. */
export type TargetContext = HostContext;

/**
 * One OVH record type: how its target is written, checked, normalised and compared. Modelled on
 * octodns `octodns/record/`: one module per type, validators that return every reason.
 */
export interface RecordType {
  readonly fieldType: FieldType;
  /** The shape of the target, for messages, e.g. `priority host.`. */
  readonly format: string;
  /** A valid target, for messages, e.g. `10 mail.example.com.`. */
  readonly example: string;
  /**
   * The target as it is kept in the inputs: the same meaning, a steadier spelling (one space between
   * fields, host names in lower case, canonical IPv6). Text types return it untouched.
   */
  normalise(target: string): string;
  /** Every reason the (non-empty) target is not usable; `[]` when it is. */
  validate(target: string, ctx: TargetContext): string[];
  /** The form two targets are compared in: equal canonical forms mean the same data. Never throws. */
  canonical(target: string): string;
  /**
   * Every form a target OVH returned may stand for, when OVH's storage leaves it ambiguous (a TXT holding `"`
   * or `\`, docs/ovh-api.md §5); two targets are equal when any of their forms meet. Absent: the canonical form.
   */
  readings?(target: string): string[];
  /** Every reason a record of this type cannot live at `subDomain` (already a valid name). */
  validateSubDomain?(subDomain: string): string[];
}
