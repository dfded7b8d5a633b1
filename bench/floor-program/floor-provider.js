// The floor's dynamic provider: the cheapest provider that publishes the records. The floor program's
// `__provider` is a one-line `require` of this file, as a ZoneRecord's is of `pulumi-ovh-dns/provider`, so both
// pay the same serialization and load. Plain JavaScript: the plugin host loads it as it is, with no build step.
//
// - check and diff are pure (no API call): the floor of a preview or an up with nothing changed;
// - create sends one POST, and the create that completes the program's last POST (`total`, which the program
//   knows and a real provider cannot) sends the one refresh that publishes them all, so the refresh adds no
//   step and no dependency; every other create returns at once;
// - read and delete make no call (the floor is only compared on up and preview).
// Credentials come from the OVH_* environment, as the measured provider's do in the bench.
"use strict";
const { OvhClient } = require("pulumi-ovh-dns/provider");

let client;
let posted = 0;
const clientOf = () => (client ??= OvhClient.fromSources({}));
const KEYS = ["zoneName", "subDomain", "target", "total"];

exports.floorRecordProvider = {
  async check(_olds, news) {
    return { inputs: news };
  },
  async diff(_id, olds, news) {
    const replaces = KEYS.filter((k) => olds[k] !== news[k]);
    return { changes: replaces.length > 0, replaces, deleteBeforeReplace: true };
  },
  async create(inputs) {
    const made = await clientOf().post(`/domain/zone/${inputs.zoneName}/record`, {
      subDomain: inputs.subDomain, fieldType: "A", target: inputs.target, ttl: 3600,
    });
    posted += 1;
    if (posted === inputs.total) await clientOf().post(`/domain/zone/${inputs.zoneName}/refresh`);
    return { id: String(made.id), outs: inputs };
  },
  async delete() {},
};
