"""octodns-sync against an OVH API at any URL (the emulator on 127.0.0.1).

octodns-ovh hands its `endpoint` to python-ovh, which knows only OVH's named endpoints (its ENDPOINTS table);
this adds the name `emulator` for the URL in OVH_EMULATOR_URL, then runs octodns-sync with the arguments given.
"""
import os
import sys

import ovh.client

ovh.client.ENDPOINTS["emulator"] = os.environ["OVH_EMULATOR_URL"]

from octodns.cmds.sync import main  # noqa: E402 (after the endpoint is known)

sys.exit(main())
