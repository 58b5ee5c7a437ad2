# The launchers' client of the client daemon (service.ClientService; bin/cloudhsm_client start): the
# start-up fast path of a command line. Sourced by a bash launcher (bin/key_mgmt_util, the installed
# /usr/bin/key_mgmt_util, bin/cloudhsm-cli) that sets SERVICE_TOOL (the daemon's word for the tool: kmu, cli) and TOOL (its name
# in messages), before it starts a JVM: when one command is asked (`singlecmd …`; cloudhsm-cli's `<command> …`) and a daemon of this project folder
# serves the data folder, the arguments go to it over bash's /dev/tcp and its answer is printed: no JVM
# starts (docs/performance.md, "Start-up fast path": 0.5 s less per call). Otherwise (no service, a stale
# or killed one, a build newer than the service, a refusal) this returns and the launcher starts the JVM
# as usual: stdout is the same either way. No process is started on this path but the final `cat` of a
# long output (the service checks the build's age).
# Nothing is sent before the listener is known to be this data folder's service: the endpoint's process,
# still running (so the port is still its own), that first sends the proof from the endpoint file.
# Protocol (docs/command-line.md, service.ClientService): the service's first line = PROOF; request =
# NUL-terminated fields SECRET TOOL CWD HSM_CONSOLE_CLUSTER HSM_CONSOLE_DATA XDG_DATA_HOME OUTPUT_ENV [TOOL_ENV…] N ARG…
# (TOOL_ENV: the tool's own variables, service.ServedTool: none for kmu, CLOUDHSM_ROLE CLOUDHSM_PIN for cli);
# answer = "accepted" (from then on the command may have run: it is never run again here), exit status
# line, "<count of stderr lines> lines|bytes", those lines, then stdout to the end; or a word instead of
# "accepted" (refused, fallback, stale): not run.
# Run directly, `bash service-client.sh data-folder [--data-dir D] …` prints the folder this script would
# ask (DataFolderRuleAgreementTest compares it with store.DataDirectory's rule), and
# `bash service-client.sh listener-is-ours PID START` exits 0 when it would trust that endpoint process.

# The data folder a JVM of these arguments would use (store.DataDirectory.chosen: --data-dir, then
# HSM_CONSOLE_DATA, then the platform's folder; a blank value counts as unset), into hsm_console_data,
# and the index of the first argument after the launcher options into hsm_console_mode. Only a guess of
# which service to ask: the service applies DataDirectory's rule itself to the values sent with the
# request and runs nothing for another folder. Returns 1 when the launcher options are not ones it knows.
hsm_console_data_folder() {
    local i=1 arg data=
    while [ "$i" -le $# ]; do
        arg=${!i}
        case "$arg" in
            --data-dir=*) data=${arg#--data-dir=} ;;
            --data-dir) i=$((i + 1)); data=${!i-} ;;
            --cluster=*) ;;
            --cluster) i=$((i + 1)) ;;
            --*) return 1 ;;
            *) break ;;
        esac
        i=$((i + 1))
    done
    hsm_console_mode=$i
    [[ $data == *[![:space:]]* ]] || data=${HSM_CONSOLE_DATA:-}
    if [[ $data != *[![:space:]]* ]]; then
        case "${OSTYPE:-}" in
            linux*)
                data=${XDG_DATA_HOME:-}
                [[ $data == *[![:space:]]* ]] || data="$HOME/.local/share"
                data="$data/hsm-key-console" ;;
            *) return 1 ;;
        esac
    fi
    hsm_console_data=$data
}

# Whether the endpoint's process (pid $1, started at $2: field 22 of /proc/PID/stat) still runs, is this
# account's and is not ending: while it runs, it holds its listening socket on 127.0.0.1 (the daemon gives
# it up only by ending), and Linux lets no other socket take a port a listener holds, so a connection
# made before this check reached it (docs/security.md, "Client service"; service.ServiceProcess is the
# same rule in Java). The start time tells it from a later process that got the same pid. Builtins only:
# a read of a small file and a stat, where the kernel's socket table cost a walk of its whole hash.
hsm_console_listener_is_ours() {
    local stat f
    [ -O "/proc/$1" ] && IFS= read -r stat 2>/dev/null <"/proc/$1/stat" || return 1
    # "PID (NAME) STATE PPID …": NAME may hold spaces and parentheses, the fields after it do not.
    f=(${stat##*) }) # state ppid pgrp session tty_nr tpgid flags … starttime (the 20th)
    case "${f[0]-}" in '' | Z | X | x) return 1 ;; esac
    # PF_EXITING (0x4): the process is ending, its sockets may be closed already.
    [[ ${f[6]-} == [0-9]* && ${f[6]} != *[!0-9]* ]] && (((f[6] & 4) == 0)) && [ "${f[19]-}" = "$2" ]
}

hsm_console_service() {
    [ "${HSM_CONSOLE_SERVICE:-on}" != off ] && [ -n "${SERVICE_TOOL:-}" ] || return 0
    local hsm_console_data hsm_console_mode data
    hsm_console_data_folder "$@" || return 0
    data=$hsm_console_data
    # Commands that read standard input or a terminal (the service's input is at its end) run in the JVM.
    local tool_env=()
    if [ "$SERVICE_TOOL" = kmu ]; then
        [ "${!hsm_console_mode-}" = singlecmd ] || return 0
        case " $* " in *" -hpswd "* | *" setAttribute "*) return 0 ;; esac
    else
        # cloudhsm-cli: one command, not interactive mode; a password not on the line is asked for. The
        # credentials of single command mode go with the request (ServedTool's variables).
        case "${!hsm_console_mode-}" in '' | interactive) return 0 ;; esac
        case " $* " in *" --password "*) ;; *" login "* | *" create "* | *" change-password "*) return 0 ;; esac
        tool_env=("${CLOUDHSM_ROLE-}" "${CLOUDHSM_PIN-}")
    fi
    local endpoint="$data/service/endpoint" port= secret= root= proof= pid= start= greeting= first= status= count= mode= line=
    [ -f "$endpoint" ] && { read -r port && read -r secret && read -r root && read -r proof && read -r pid \
        && read -r start; } <"$endpoint" 2>/dev/null || return 0
    [ "$root" = "$ROOT" ] && [ -n "$proof" ] && [[ $pid == [0-9]* && $pid != *[!0-9]* ]] || return 0
    { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 0
    # After the connect, the service's process still running (so the port is its own; checked on Linux only,
    # /proc: elsewhere the JVM runs the command), and the service's proof within 3 s (it comes when a worker
    # is free): otherwise nothing was sent, and the JVM runs the command.
    if ! hsm_console_listener_is_ours "$pid" "$start" || ! IFS= read -r -t 3 greeting <&3 || [ "$greeting" != "$proof" ]; then
        exec 3<&-
        return 0
    fi
    # The physical working folder, as the JVM's would be (cd -P is a builtin: no process).
    cd -P . 2>/dev/null || { exec 3<&-; return 0; }
    trap '' PIPE
    # The launcher's values of service.LauncherEnvironment, then of service.OutputEnvironment (the variables that
    # change what a JVM prints or which store it uses: served only when the service's match; a launcher given
    # --store is never served, above).
    printf '%s\0' "$secret" "$SERVICE_TOOL" "$PWD" "${HSM_CONSOLE_CLUSTER-}" "${HSM_CONSOLE_DATA-}" "${XDG_DATA_HOME-}" \
        "${LC_ALL-}|${LC_CTYPE-}|${LANG-}|${TZ-}|${HSM_CONSOLE_STORE-}" "${tool_env[@]}" $# "$@" >&3 2>/dev/null \
        && IFS= read -r first <&3 || first=
    trap - PIPE
    # Without "accepted" nothing ran (the service says it before it runs anything): the JVM runs it.
    [ "$first" = accepted ] || { exec 3<&-; return 0; }
    IFS= read -r status <&3 || status=
    case "$status" in
        '' | *[!0-9]*)
            # It may have run (a key made, a password changed): running it again could do it twice.
            printf '%s\n' "${TOOL:-$SERVICE_TOOL}: error: the client service stopped while it ran this command, which may" \
                "${TOOL:-$SERVICE_TOOL}: error: have taken effect; check (for example with findKey) before running it again" >&2
            exit 1 ;;
    esac
    IFS=' ' read -r count mode <&3
    while [ "${count:-0}" -gt 0 ]; do
        IFS= read -r line <&3
        printf '%s\n' "$line" >&2
        count=$((count - 1))
    done
    if [ "$mode" = lines ]; then
        # Short text without NUL bytes: copied with builtins (no process to start), byte for byte, a last line
        # without its newline too. `read -N` takes what the socket holds in one system call, where a `read`
        # of a line takes one per byte (it must not read past the newline).
        while IFS= read -r -N 65536 line <&3; do printf '%s' "$line"; done
        printf '%s' "$line"
    else
        cat <&3
    fi
    exit "$status"
}
if [ "${BASH_SOURCE[0]}" = "$0" ] && [ "${1-}" = data-folder ]; then
    shift
    hsm_console_data_folder "$@" && printf '%s\n' "$hsm_console_data"
    exit
fi
if [ "${BASH_SOURCE[0]}" = "$0" ] && [ "${1-}" = listener-is-ours ]; then
    hsm_console_listener_is_ours "${2-}" "${3-}" # ServiceProcessRuleTest compares it with service.ServiceProcess
    exit
fi
hsm_console_service "$@"
unset -f hsm_console_service hsm_console_listener_is_ours hsm_console_data_folder
