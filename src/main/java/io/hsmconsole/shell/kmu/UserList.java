package io.hsmconsole.shell.kmu;

import io.hsmconsole.shell.Tokens;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code -u 4,5} list. An entry that is not a number becomes user 0, as the tool's {@code atoi}
 * makes it, so the HSM refuses it ("only existing crypto users") instead of the key silently
 * being shared with fewer users than typed.
 */
final class UserList {
    private UserList() {
    }

    static List<Integer> parse(String text) {
        List<Integer> users = new ArrayList<>();
        if (text == null) {
            return users;
        }
        for (String part : text.split(",", -1)) {
            Integer id = Tokens.decimalInt(part.trim());
            users.add(id == null ? 0 : id);
        }
        return users;
    }
}
