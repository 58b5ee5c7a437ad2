#!/bin/sh
# Start-up benchmark: wall time per call of the seed's loop command through bin/key_mgmt_util
#   key_mgmt_util singlecmd loginHSM -u CU -s example_user -p example_pwd genSymKey -l aes -t 31 -s 32 -min_srv 1 -timeout 1
# beside SoftHSM2's `pkcs11-tool --keygen` (an AES-256 key per call, one process per call as well):
# the CLI row of bench/side-by-side.sh, which installs SoftHSM2 and OpenSC when they are missing.
# Prints the median of N calls (default 30) of each and the ratio.
# Usage: bench/startup.sh [N]
exec "$(dirname "$0")/side-by-side.sh" --only cli --calls "${1:-30}"
