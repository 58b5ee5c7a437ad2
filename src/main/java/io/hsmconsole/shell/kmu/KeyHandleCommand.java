package io.hsmconsole.shell.kmu;

import io.hsmconsole.shell.ExitStatus;

/**
 * A command whose only option is {@code -k <key handle>} (deleteKey, findSingleKey, getKeyInfo): the
 * missing-handle check is the same for all of them, so only what each does with the handle is left to
 * the subclass.
 */
abstract class KeyHandleCommand extends DescribedCommand {
    KeyHandleCommand(String name, String call, String help) {
        super(name, call, OptionSpec.valued("-k"), help);
    }

    @Override
    final ExitStatus check(ParsedOptions o, KmuContext context) {
        return requireHandle(o, context, "-k", "Error: Key handle (-k) is missing.");
    }
}
