package io.hsmconsole.shell.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.cli.CliJson;
import io.hsmconsole.text.cli.CliKeyJson;
import io.hsmconsole.text.cli.CliMessages;
import io.hsmconsole.text.cli.CliSyntax;
import io.hsmconsole.text.cli.CliSyntaxes;

import java.util.List;
import java.util.Optional;

/**
 * {@code key list} (cloudhsm_cli-key-list.md): the keys the filter selects, 10 at a time unless
 * {@code --max-items} says otherwise; {@code next_token} (the index of the next key) while more remain.
 */
final class KeyListCommand implements CliCommand {
    static final int DEFAULT_MAX_ITEMS = 10;

    @Override
    public CliSyntax syntax() {
        return CliSyntaxes.KEY_LIST;
    }

    @Override
    public ExitStatus run(CliContext context, CliArguments args) throws CliUsageException {
        Integer maxItems = args.number(syntax(), "max-items");
        int max = maxItems == null ? DEFAULT_MAX_ITEMS : maxItems;
        Optional<HsmSession> session = context.requireSession("findKey");
        if (session.isEmpty()) {
            return ExitStatus.ERROR;
        }
        Optional<List<KeySelection.Selected>> keys = KeySelection.matching(context, session.get(), args.values("filter"));
        if (keys.isEmpty()) {
            return ExitStatus.ERROR;
        }
        int total = keys.get().size();
        String token = args.value("starting-token");
        int start = 0;
        if (token != null) {
            Integer parsed = token.chars().allMatch(Character::isDigit) && !token.isEmpty() && token.length() < 10
                    ? Integer.valueOf(token) : null;
            if (parsed == null || parsed > total) {
                return context.error(CliMessages.invalidStartingToken(token, total));
            }
            start = parsed;
        }
        int end = (int) Math.min((long) start + max, total);
        ArrayNode matched = CliJson.array();
        for (KeySelection.Selected key : keys.get().subList(start, end)) {
            matched.add(args.has("verbose") ? KeyGenerateCommands.describe(context, session.get(), key.handle())
                    : CliKeyJson.brief(key.handle(), key.attributes().get(io.hsmconsole.hsm.key.Attribute.LABEL)
                            .map(v -> v.text()).orElse("")));
        }
        ObjectNode data = CliJson.object();
        data.set("matched_keys", matched);
        data.put("total_key_count", total);
        data.put("returned_key_count", end - start);
        if (end < total) {
            data.put("next_token", Integer.toString(end));
        }
        return context.success(data);
    }
}
