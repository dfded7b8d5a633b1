export { DynHostLoginProvider, DynHostRecordProvider } from "./provider";
export { checkDynHostLogin, checkDynHostRecord, type DynHostCheck, type DynHostFailure } from "./check";
export { diffDynHostLogin, diffDynHostRecord, type DynHostDiff } from "./diff";
