/** A local engine that runs real Pulumi programs (dynamic resources only) without the Pulumi CLI, for tests. */
export { LocalEngine } from "./engine";
export { parseCliArgs, OPERATIONS, type CliOperation } from "./cli-args";
export { printPlan, summaryLine, displayType, displayValue } from "./plan-printer";
export { StateFile, DEFAULT_TEST_PASSPHRASE, type StackState, type StateResource } from "./state-file";
export { unsupportedTypeMessage } from "./deployment";
export type { LocalEngineOptions, Operation, PropertyChange, ProviderCall, RunResult, Step, Summary } from "./types";
