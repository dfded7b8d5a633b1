export { ZoneManifestProvider } from "./manifest-provider";
export { ZonePruneProvider, chooseRecords, type PruneTarget } from "./prune-provider";
export {
  judgeMassDelete,
  withRemovedRecords,
  DEFAULT_MAX_DELETE_PERCENT,
  type MassDeleteVerdict,
  type UnmanagedDeletion,
  type ZoneManifestInputs,
} from "./mass-delete";
export { withoutRemoved, type RecordContent } from "./declared-before";
