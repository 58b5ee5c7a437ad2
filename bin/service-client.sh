# Sourced by bin/key_mgmt_util (bash) before bin/launch.sh: the fast path through the client service
# (bin/cloudhsm_client start). When `singlecmd` is asked and a service of this project folder serves
# the data folder, the arguments go to it over bash's /dev/tcp and its answer is printed: no JVM
# starts. Otherwise (no service, a stale or killed one, a build newer than the service, a refusal)
# this returns and the launcher starts the JVM as usual: stdout is the same either way. No process is
# started on this path but the final `cat` of a long output (the service checks the build's age).
# Protocol (docs/command-line.md): request = NUL-terminated fields SECRET kmu CWD CLUSTER_ENV OUTPUT_ENV N ARG…;
# answer = exit status line, "<count of stderr lines> lines|bytes", those lines, then stdout to the end.
hsm_console_service() {
    [ "${HSM_CONSOLE_SERVICE:-on}" != off ] || return 0
    local data= i=1 arg
    while [ "$i" -le $# ]; do
        arg=${!i}
        case "$arg" in
            --data-dir=*) data=${arg#--data-dir=} ;;
            --data-dir) i=$((i + 1)); data=${!i-} ;;
            --cluster=*) ;;
            --cluster) i=$((i + 1)) ;;
            --*) return 0 ;;
            *) break ;;
        esac
        i=$((i + 1))
    done
    [ "${!i-}" = singlecmd ] || return 0
    # Commands that read standard input or a terminal (the service's input is at its end) run in the JVM.
    case " $* " in *" -hpswd "* | *" setAttribute "*) return 0 ;; esac
    # The data folder as the tool resolves it (store.DataDirectory): --data-dir, HSM_CONSOLE_DATA, the default.
    [ -n "$data" ] || data=${HSM_CONSOLE_DATA:-}
    if [ -z "$data" ]; then
        case "${OSTYPE:-}" in
            linux*) data="${XDG_DATA_HOME:-$HOME/.local/share}/hsm-key-console" ;;
            darwin*) data="$HOME/Library/Application Support/HSM Key Console" ;;
            *) return 0 ;;
        esac
    fi
    local endpoint="$data/service/endpoint" port= secret= root= status= count= mode= line=
    [ -f "$endpoint" ] && { read -r port && read -r secret && read -r root; } <"$endpoint" 2>/dev/null || return 0
    [ "$root" = "$ROOT" ] || return 0
    { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 0
    # The physical working folder, as the JVM's would be (cd -P is a builtin: no process).
    cd -P . 2>/dev/null || { exec 3<&-; return 0; }
    trap '' PIPE
    # The variables that change what a JVM prints (service.OutputEnvironment): served only when the service's match.
    printf '%s\0' "$secret" kmu "$PWD" "${HSM_CONSOLE_CLUSTER-}" "${LC_ALL-}|${LC_CTYPE-}|${LANG-}|${TZ-}" \
        $# "$@" >&3 2>/dev/null \
        && IFS= read -r status <&3 || status=
    trap - PIPE
    case "$status" in
        '' | *[!0-9]*) exec 3<&-; return 0 ;;
    esac
    IFS=' ' read -r count mode <&3
    while [ "${count:-0}" -gt 0 ]; do
        IFS= read -r line <&3
        printf '%s\n' "$line" >&2
        count=$((count - 1))
    done
    if [ "$mode" = lines ]; then
        # Short text: copied with builtins (no process to start); the last line may lack its newline.
        while IFS= read -r line <&3; do printf '%s\n' "$line"; done
        [ -z "$line" ] || printf '%s' "$line"
    else
        cat <&3
    fi
    exit "$status"
}
hsm_console_service "$@"
unset -f hsm_console_service
