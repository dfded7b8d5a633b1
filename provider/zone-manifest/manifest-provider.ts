/**
 * The dynamic provider of a Zone's manifest: a resource without any API call whose inputs are the records the
 * Zone declares. Its `check` sees the previous inputs as `olds`, which is the only place where a program's
 * run can learn what the stack managed before, and refuses a mass deletion there (docs/zone.md, "Safety").
 */
import type * as pulumi from "@pulumi/pulumi";
import { judgeMassDelete, withRemovedRecords, type ZoneManifestInputs } from "./mass-delete";

type Props = Record<string, unknown>;

/** Implements `pulumi.dynamic.ResourceProvider` for the manifest of a Zone. */
export class ZoneManifestProvider implements pulumi.dynamic.ResourceProvider {
  async check(olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult> {
    const problems = shapeProblems(news);
    if (problems.length > 0) return { inputs: news, failures: problems.map((reason) => ({ property: "", reason })) };
    const previous = olds as Partial<ZoneManifestInputs>;
    const verdict = judgeMassDelete(previous, news as unknown as ZoneManifestInputs);
    const inputs = withRemovedRecords(previous, news as unknown as ZoneManifestInputs) as unknown as Props;
    return { inputs, failures: verdict.refusal ? [{ property: "", reason: verdict.refusal }] : [] };
  }

  async diff(_id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
    const changes = JSON.stringify(olds.records) !== JSON.stringify(news.records) || olds.zoneName !== news.zoneName;
    return { changes, replaces: [], deleteBeforeReplace: false };
  }

  async create(inputs: Props): Promise<pulumi.dynamic.CreateResult> {
    return { id: String(inputs.zoneName), outs: inputs };
  }

  async read(id: string, props: Props): Promise<pulumi.dynamic.ReadResult> {
    return { id, props };
  }

  async update(_id: string, _olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult> {
    return { outs: news };
  }

  async delete(): Promise<void> {
    // Nothing to do: the manifest only records what the Zone declared.
  }
}

/** What is wrong with the shape of the inputs (the SDK sends them right; a hand-made state may not). */
function shapeProblems(news: Props): string[] {
  const problems: string[] = [];
  if (typeof news.zoneName !== "string" || news.zoneName === "") problems.push("zoneName must be a zone name such as example.com");
  if (!news.records || typeof news.records !== "object" || Array.isArray(news.records)) problems.push("records must be a map of key to record");
  if (typeof news.maxDeletePercent !== "number" || news.maxDeletePercent < 0 || news.maxDeletePercent > 100) {
    problems.push("maxDeletePercent must be a number from 0 to 100");
  }
  if (!Array.isArray(news.unmanagedDeletions)) problems.push("unmanagedDeletions must be a list");
  return problems;
}
