#!/usr/bin/env bash
# The token-sign quorum walkthrough of quorum-auth-chsm-cli-first-time.md and quorum-auth-chsm-cli-admin.md,
# done as an admin team would script it against the real cloudhsm-cli: OpenSSL is the approvers' tool
# (RSA-2048 keys, `openssl pkeyutl -sign -pkeyopt digest:sha256` of the token), jq reads every answer and
# edits the token files. Expects cloudhsm-cli on PATH and a fresh demo cluster (admin / admin_pwd).
# Prints "ok" and exits 0 when every check held.
set -euo pipefail
fail() { echo "FAILED: $*" >&2; exit 1; }
as() { local who=$1; shift; CLOUDHSM_ROLE=admin CLOUDHSM_PIN="$who:${who}_pwd" cloudhsm-cli "$@"; }
ok() { jq -e '.error_code == 0' >/dev/null <<<"$1" || fail "$2: $1"; }
# A command that must be refused: exit status 1, error_code 1 and this message.
refused() {
    local expect=$1 what=$2; shift 2
    set +e; out=$("$@"); status=$?; set -e
    [ "$status" = 1 ] || fail "$what: exit status $status: $out"
    jq -e --arg m "$expect" '.error_code == 1 and (.data | startswith($m))' >/dev/null <<<"$out" || fail "$what: $out"
}
# An approver signs the Base64 digest in a token file's field with their private key, as the pages show.
sign() {
    local key=$1 digest_b64=$2
    echo -n "$digest_b64" | base64 -d > unsigned_token.bin
    openssl pkeyutl -sign -inkey "$key" -pkeyopt digest:sha256 -keyform PEM -in unsigned_token.bin -out sig.bin
    base64 -w0 sig.bin
}

# The demo cluster's first admin is "admin" with password admin_pwd; two more admins join it.
CLOUDHSM_ROLE=admin CLOUDHSM_PIN=admin:admin_pwd cloudhsm-cli user create --username admin2 --role admin --password admin2_pwd >/dev/null
CLOUDHSM_ROLE=admin CLOUDHSM_PIN=admin:admin_pwd cloudhsm-cli user create --username admin3 --role admin --password admin3_pwd >/dev/null
out=$(CLOUDHSM_ROLE=admin CLOUDHSM_PIN=admin:admin_pwd cloudhsm-cli quorum token-sign list-quorum-values)
jq -e '.data == {"user": 1, "quorum": 1}' >/dev/null <<<"$out" || fail "initial quorum values: $out"

# First-time setup: each admin makes an RSA key pair, signs a registration token and registers the public key.
for who in admin admin2 admin3; do
    openssl genrsa -out "$who.key" 2048 2>/dev/null
    openssl rsa -in "$who.key" -outform PEM -pubout -out "$who.pub" 2>/dev/null
    out=$(env -u CLOUDHSM_ROLE -u CLOUDHSM_PIN cloudhsm-cli quorum token-sign generate --service registration --token "$who.reg")
    jq -e --arg p "$who.reg" '.data.filepath == $p' >/dev/null <<<"$out" || fail "registration token: $out"
    signature=$(sign "$who.key" "$(jq -r '.tokens[0].unsigned' "$who.reg")")
    jq --arg s "$signature" '.tokens[0].signed = $s' "$who.reg" > "$who.reg.signed"
    out=$(as "$who" user change-quorum token-sign register --public-key "$who.pub" --signed-token "$who.reg.signed")
    jq -e --arg u "$who" '.data == {"username": $u, "role": "admin"}' >/dev/null <<<"$out" || fail "register $who: $out"
done
# A registration token is used once; another admin's signature does not register a key.
refused "The token is not a live token" "registration token used twice" \
    as admin user change-quorum token-sign register --public-key admin.pub --signed-token admin.reg.signed
env -u CLOUDHSM_ROLE -u CLOUDHSM_PIN cloudhsm-cli quorum token-sign generate --service registration --token other.reg >/dev/null
jq --arg s "$(sign admin2.key "$(jq -r '.tokens[0].unsigned' other.reg)")" '.tokens[0].signed = $s' other.reg > other.reg.signed
refused "The signature does not verify" "a signature by another key" \
    as admin user change-quorum token-sign register --public-key admin.pub --signed-token other.reg.signed
out=$(cloudhsm-cli user list)
jq -e '[.data.users[] | select(.quorum != []) | .username] == ["admin", "admin2", "admin3"]
    and ([.data.users[] | select(.quorum != []) | .quorum == [{"strategy": "token-sign", "status": "enabled"}]] | all)' \
    >/dev/null <<<"$out" || fail "user list after registration: $out"

# The quorum minimum value for user management becomes 2.
out=$(as admin quorum token-sign set-quorum-value --service user --value 2)
jq -e '.data == "Set Quorum Value successful"' >/dev/null <<<"$out" || fail "set-quorum-value: $out"
jq -e '.data == {"user": 2, "quorum": 1}' >/dev/null <<<"$(cloudhsm-cli quorum token-sign list-quorum-values)" \
    || fail "quorum values after set"

# Without approval an admin can no longer create a user.
refused "Quorum approval is required for this operation" "user create without approval" \
    as admin user create --username user1 --role crypto-user --password user1_pwd

# Get a quorum token; it is listed cluster-wide.
out=$(as admin quorum token-sign generate --service user --token admin.token)
ok "$out" "generate user token"
out=$(as admin2 quorum token-sign list)
jq -e '.data.tokens | length == 1 and .[0].username == "admin" and .[0].service == "user"
    and .[0]."approvals-required" == 2 and .[0]."number-of-approvals" == 0 and .[0]."token-timeout-seconds" > 0' \
    >/dev/null <<<"$out" || fail "token list: $out"

# One approval is not enough; the token stays for another try.
token=$(jq -r '.token' admin.token)
jq --arg s "$(sign admin2.key "$token")" '.signatures += [{"username": "admin2", "signature": $s}]' admin.token > one.token
refused "Quorum approval is required for this operation" "one approval of two" \
    as admin user create --username user1 --role crypto-user --password user1_pwd --approval one.token
# A signature that is not admin3's is refused, naming what an approval must be.
jq --arg s "$(sign admin2.key "$token")" '.signatures += [{"username": "admin3", "signature": $s}]' one.token > forged.token
refused "A signature was refused" "admin2 signing as admin3" \
    as admin user create --username user1 --role crypto-user --password user1_pwd --approval forged.token
# Two admins approve; the user is created and the token is used up.
jq --arg s "$(sign admin3.key "$token")" '.signatures += [{"username": "admin3", "signature": $s}]' one.token > two.token
out=$(as admin user create --username user1 --role crypto-user --password user1_pwd --approval two.token)
jq -e '.data == {"username": "user1", "role": "crypto-user"}' >/dev/null <<<"$out" || fail "approved user create: $out"
jq -e '.data.users | map(.username) | index("user1") != null' >/dev/null <<<"$(cloudhsm-cli user list)" || fail "user1 missing"
jq -e '.data.tokens == []' >/dev/null <<<"$(as admin quorum token-sign list)" || fail "token not used up"
refused "The token is not a live token" "a used token" \
    as admin user delete --username user1 --role crypto-user --approval two.token

# Deleting user1 needs a new token; the requester may sign their own.
as admin quorum token-sign generate --service user --token del.token >/dev/null
token=$(jq -r '.token' del.token)
jq --arg a "$(sign admin.key "$token")" --arg b "$(sign admin2.key "$token")" \
    '.signatures = [{"username": "admin", "signature": $a}, {"username": "admin2", "signature": $b}]' del.token > del.signed
out=$(as admin user delete --username user1 --role crypto-user --approval del.signed)
jq -e '.data == {"username": "user1", "role": "crypto-user"}' >/dev/null <<<"$out" || fail "approved user delete: $out"

# Back to no quorum: setting a value is the quorum service's, approved by as many admins as the higher value (2).
as admin3 quorum token-sign generate --service quorum --token q.token >/dev/null
token=$(jq -r '.token' q.token)
jq --arg a "$(sign admin.key "$token")" --arg b "$(sign admin3.key "$token")" \
    '.signatures = [{"username": "admin", "signature": $a}, {"username": "admin3", "signature": $b}]' q.token > q.signed
refused "Quorum approval is required for this operation" "set-quorum-value without approval" \
    as admin3 quorum token-sign set-quorum-value --service user --value 1
out=$(as admin3 quorum token-sign set-quorum-value --service user --value 1 --approval q.signed)
jq -e '.data == "Set Quorum Value successful"' >/dev/null <<<"$out" || fail "approved set-quorum-value: $out"
jq -e '.data == {"user": 1, "quorum": 1}' >/dev/null <<<"$(cloudhsm-cli quorum token-sign list-quorum-values)" \
    || fail "quorum values at the end"

# Tokens left behind are deleted by scope.
as admin quorum token-sign generate --service user --token left.token >/dev/null
as admin2 quorum token-sign generate --service user --token left2.token >/dev/null
as admin quorum token-sign delete --scope user | jq -e '.data == "Deletion of quorum token(s) successful"' >/dev/null \
    || fail "delete --scope user"
jq -e '.data.tokens | map(.username) == ["admin2"]' >/dev/null <<<"$(as admin quorum token-sign list)" || fail "scope user"
as admin quorum token-sign delete --scope all >/dev/null
jq -e '.data.tokens == []' >/dev/null <<<"$(as admin quorum token-sign list)" || fail "scope all"

# Token timeouts: 600 and 600 until an admin sets one; a token then lists the new timeout.
jq -e '.data == {"generated": 600, "approved": 600}' >/dev/null <<<"$(cloudhsm-cli quorum token-sign list-timeouts)" \
    || fail "default timeouts"
as admin quorum token-sign set-timeout --generated 900 | jq -e '.data == "Set token timeout successful"' >/dev/null \
    || fail "set-timeout"
as admin quorum token-sign generate --service user --token t900.token >/dev/null
jq -e '.data.tokens[0]."token-timeout-seconds" | . > 600 and . <= 900' >/dev/null <<<"$(as admin quorum token-sign list)" \
    || fail "a token under the new timeout"
as admin quorum token-sign delete --scope all >/dev/null

# Key quorum for crypto users (key-quorum-auth-chsm-cli-crypto-user.md): example_user and carol register
# quorum keys, example_user makes an EC pair shared with carol whose private key has a use value of 2, is
# refused a signature ("Quorum Failed"), has a key-usage token signed by both and signs once with it;
# OpenSSL verifies the signature with the public key.
cu() { local who=$1 pwd=$2; shift 2; CLOUDHSM_ROLE=crypto-user CLOUDHSM_PIN="$who:$pwd" cloudhsm-cli "$@"; }
for login in example_user:example_pwd carol:carol_pwd; do
    who=${login%%:*}; pwd=${login#*:}
    openssl genrsa -out "$who.key" 2048 2>/dev/null
    openssl rsa -in "$who.key" -outform PEM -pubout -out "$who.pub" 2>/dev/null
    env -u CLOUDHSM_ROLE -u CLOUDHSM_PIN cloudhsm-cli quorum token-sign generate --service registration --token "$who.reg" >/dev/null
    jq --arg s "$(sign "$who.key" "$(jq -r '.tokens[0].unsigned' "$who.reg")")" '.tokens[0].signed = $s' "$who.reg" > "$who.reg.signed"
    out=$(cu "$who" "$pwd" user change-quorum token-sign register --public-key "$who.pub" --signed-token "$who.reg.signed")
    jq -e --arg u "$who" '.data == {"username": $u, "role": "crypto-user"}' >/dev/null <<<"$out" || fail "register $who: $out"
done
out=$(cu example_user example_pwd key generate-asymmetric-pair ec --curve secp256r1 --public-label qpub --private-label qpriv \
    --public-attributes verify=true --private-attributes sign=true --share-crypto-users carol --use-private-key-quorum-value 2)
jq -e '.data.private_key."key-info"."key-quorum-values" == {"manage-key-quorum-value": 0, "use-key-quorum-value": 2}' \
    >/dev/null <<<"$out" || fail "quorum pair: $out"
refused "Quorum Failed" "a signature without approval" \
    cu example_user example_pwd crypto sign ecdsa --key-filter attr.label=qpriv --hash-function sha256 --data YWJjMTIz
ok "$(cu example_user example_pwd quorum token-sign generate --service key-usage --token sign.token)" "key-usage token"
token=$(jq -r '.token' sign.token)
jq --arg s "$(sign example_user.key "$token")" '.signatures = [{"username": "example_user", "signature": $s}]' sign.token > sign.one
refused "Quorum Failed" "one approval of two" \
    cu example_user example_pwd crypto sign ecdsa --key-filter attr.label=qpriv --hash-function sha256 --data YWJjMTIz --approval sign.one
jq --arg s "$(sign carol.key "$token")" '.signatures += [{"username": "carol", "signature": $s}]' sign.one > sign.two
out=$(cu example_user example_pwd crypto sign ecdsa --key-filter attr.label=qpriv --hash-function sha256 --data YWJjMTIz --approval sign.two)
ok "$out" "approved signature"
jq -r '.data.signature' <<<"$out" | base64 -d > ecdsa.sig
echo -n abc123 > signed.txt
ok "$(cu example_user example_pwd key generate-file --encoding pem --path qpub.pem --filter attr.label=qpub)" "public key pem"
openssl dgst -sha256 -verify qpub.pem -signature ecdsa.sig signed.txt >/dev/null || fail "openssl: the approved signature does not verify"
refused "The token is not a live token" "a used key-usage token" \
    cu example_user example_pwd crypto sign ecdsa --key-filter attr.label=qpriv --hash-function sha256 --data YWJjMTIz --approval sign.two

# A usage error (no --service) exits 2 with nothing on standard output.
set +e; out=$(as admin quorum token-sign generate --token x 2>/dev/null); status=$?; set -e
[ "$status" = 2 ] && [ -z "$out" ] || fail "usage error: status $status, output $out"
echo ok
