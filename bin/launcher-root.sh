# Sourced by the bin/ launchers (sh or bash) once "dir" names the folder of the real script: sets ROOT, the
# physical project folder ("$dir/.."). Without starting a process when no part of that path is a symbolic
# link: the path is made absolute from $PWD and its "." and ".." are removed by text, which names the same
# folder as "cd -P" exactly when no part is a link (each part is checked with test -h, a builtin). Otherwise
# the subshell as before. (The subshell cost a fork on every call of a script's loop: 1-4 ms of a ~20 ms
# call through the client daemon, docs/performance.md, issue 17.)
case "$dir" in /*) hsm_rest="$dir/../" ;; *) hsm_rest="$PWD/$dir/../" ;; esac
ROOT= hsm_linked=
while [ -n "$hsm_rest" ]; do
    hsm_part=${hsm_rest%%/*}
    hsm_rest=${hsm_rest#*/}
    case "$hsm_part" in
        '' | .) ;;
        ..) ROOT=${ROOT%/*} ;;
        *) ROOT="$ROOT/$hsm_part"
           if [ -h "$ROOT" ]; then hsm_linked=1; break; fi ;;
    esac
done
[ -n "$ROOT" ] || ROOT=/
if [ -n "$hsm_linked" ] || [ ! -d "$ROOT" ]; then
    ROOT=$(cd "$dir/.." && pwd -P)
fi
unset hsm_rest hsm_part hsm_linked
