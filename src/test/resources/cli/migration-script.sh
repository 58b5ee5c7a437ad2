#!/usr/bin/env bash
# A user's migration script, as one would write it against the real cloudhsm-cli: every answer is
# parsed with jq (the outside judge of our JSON). Expects cloudhsm-cli on PATH and the credentials in
# CLOUDHSM_ROLE / CLOUDHSM_PIN. Prints "ok" and exits 0 when every check held.
set -euo pipefail
fail() { echo "FAILED: $*" >&2; exit 1; }

# Make five AES keys for the application, keep their references.
refs=()
for i in 1 2 3 4 5; do
    out=$(cloudhsm-cli key generate-symmetric aes --label "app-key-$i" --key-length-bytes 32 \
        --attributes encrypt=true decrypt=true)
    [ "$(jq -r '.error_code' <<<"$out")" = 0 ] || fail "generate $i: $out"
    ref=$(jq -r '.data.key."key-reference"' <<<"$out")
    [[ "$ref" =~ ^0x[0-9a-f]{16}$ ]] || fail "key-reference $ref"
    jq -e '.data.key.attributes | .encrypt and .decrypt and .sign and .verify and (.wrap | not)' <<<"$out" >/dev/null \
        || fail "attributes of $ref"
    jq -e '.data.key."key-info"."key-quorum-values"."manage-key-quorum-value" == 0' <<<"$out" >/dev/null \
        || fail "quorum values of $ref"
    refs+=("$ref")
done

# Page through every key two at a time with next_token, as the key list page shows.
token=""; seen=0
while :; do
    if [ -z "$token" ]; then page=$(cloudhsm-cli key list --max-items 2)
    else page=$(cloudhsm-cli key list --max-items 2 --starting-token "$token"); fi
    seen=$((seen + $(jq '.data.returned_key_count' <<<"$page")))
    token=$(jq -r '.data.next_token // empty' <<<"$page")
    [ -n "$token" ] || break
done
[ "$seen" = 5 ] || fail "paged through $seen keys, not 5"
[ "$(jq '.data.total_key_count' <<<"$page")" = 5 ] || fail "total_key_count"

# Select one key by reference, change an attribute, read it back.
cloudhsm-cli key set-attribute --filter "key-reference=${refs[2]}" --name encrypt --value false \
    | jq -e '.data.message == "Attribute set successfully"' >/dev/null || fail "set-attribute"
cloudhsm-cli key list --filter "key-reference=${refs[2]}" --verbose \
    | jq -e --arg r "${refs[2]}" '.data.matched_keys[0] | ."key-reference" == $r and (.attributes.encrypt | not)' \
    >/dev/null || fail "set-attribute not seen"

# A filter that matches several keys is refused with error_code 1 and exit status 1.
set +e
several=$(cloudhsm-cli key delete --filter attr.key-type=aes); status=$?
set -e
[ "$status" = 1 ] || fail "exit status $status for a filter matching several keys"
jq -e '.error_code == 1 and (.data | type == "string")' <<<"$several" >/dev/null || fail "error answer: $several"

# Delete them all by label; the listing is empty afterwards.
for i in 1 2 3 4 5; do
    cloudhsm-cli key delete --filter "attr.label=app-key-$i" | jq -e '.error_code == 0' >/dev/null || fail "delete $i"
done
cloudhsm-cli key list | jq -e '.data.total_key_count == 0 and (.data.matched_keys | length == 0)' >/dev/null \
    || fail "keys left"

# A usage error: exit status 2, nothing on standard output.
set +e
usage=$(cloudhsm-cli key list --no-such-flag 2>/dev/null); status=$?
set -e
[ "$status" = 2 ] && [ -z "$usage" ] || fail "usage error: status $status, output '$usage'"
echo ok
