/** The lifecycle fuzzer (README.md): `runFuzz`, its command set and its report. */
export { runFuzz, FuzzOptionsError, type FuzzOptions, type FuzzReport } from "./fuzz";
export { COMMAND_NAMES, parseCommandNames, CommandSetError } from "./command-set";
export { formatReport } from "./report";
export { InvariantError, checkAfterUp, checkAfterDestroy, checkDistinctIds } from "./invariants";
export { LifecycleRig, type EngineKind } from "./rig";
export { emptyModel, type LifecycleModel } from "./model";
