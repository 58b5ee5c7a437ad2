package io.hsmconsole.ui.users;

import io.hsmconsole.controller.UserAdminController;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.user.UserAction;
import io.hsmconsole.hsm.user.UserInfo;
import io.hsmconsole.model.UserType;
import io.hsmconsole.ui.common.HsmErrors;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Notice;

import java.util.List;

/**
 * Why a button of the Users screen cannot work now, in words: what is missing (a selection), or the
 * simulator's refusal ({@code UserAdministration.may}/{@code mayCreate}) with its return code. An
 * empty answer means the button works; the rule itself is only ever the simulator's.
 */
final class UserActionReasons {
    private final UserAdminController users;
    private final Messages messages;
    private final HsmErrors errors;

    UserActionReasons(UserAdminController users, Messages messages) {
        this.users = users;
        this.messages = messages;
        this.errors = new HsmErrors(messages);
    }

    /** Empty when the logged-in user may create users of at least one of these types. */
    String whyNoCreate(List<UserType> types) {
        if (types.stream().anyMatch(t -> users.mayCreate(t).granted())) {
            return "";
        }
        return refusal("create", users.mayCreate(types.get(0)).code(), null);
    }

    /** Empty when the logged-in user may do {@code action} to {@code target}. */
    String whyNot(UserAction action, UserInfo target) {
        if (target == null) {
            return messages.get("users.why.select");
        }
        return users.may(action, target).refusal().map(code -> refusal(name(action), code, target)).orElse("");
    }

    /** Unlocking is a password change, and only for an account that is locked. */
    String whyNoUnlock(UserInfo target) {
        String why = whyNot(UserAction.CHANGE_PASSWORD, target);
        if (!why.isEmpty() || target.locked()) {
            return why;
        }
        return messages.format("users.why.notLocked", target.name(), target.id());
    }

    private String refusal(String action, ReturnCode code, UserInfo target) {
        String specific = "users.why." + action + "." + code.name();
        String sentence = messages.getOr(specific, null) != null
                ? messages.format(specific, target == null ? "" : target.name(), target == null ? 0 : target.id(),
                        target == null ? "" : target.type().name())
                : errors.sentence(code);
        return Notice.error(sentence, errors.codeLine(code, sentence)).fullText();
    }

    private static String name(UserAction action) {
        return switch (action) {
            case DELETE -> "delete";
            case CHANGE_PASSWORD -> "password";
        };
    }
}
