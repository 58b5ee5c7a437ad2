package io.hsmconsole.hsm;

import java.util.Optional;

/**
 * The simulator's answer to "may this session do X (to this key or user)?", asked before doing it:
 * granted, or refused with the return code the command itself would give and the HSM's reason.
 * Clients (the console's buttons and pickers, the shells' client-side checks) ask for one instead of
 * re-deriving the rule; the command enforces the same answer when it runs.
 */
public record Permission(ReturnCode code) {
    public static final Permission GRANTED = new Permission(ReturnCode.SUCCESS);

    public Permission {
        if (code == null) {
            throw new IllegalArgumentException("a permission needs a code");
        }
    }

    public static Permission refused(ReturnCode code) {
        if (code.isSuccess()) {
            throw new IllegalArgumentException("a refusal needs a failure code");
        }
        return new Permission(code);
    }

    /** Granted when there is no refusal. */
    public static Permission of(Optional<ReturnCode> refusal) {
        return refusal.map(Permission::refused).orElse(GRANTED);
    }

    public boolean granted() {
        return code.isSuccess();
    }

    /** The refusal's code, or empty when granted. */
    public Optional<ReturnCode> refusal() {
        return granted() ? Optional.empty() : Optional.of(code);
    }

    /** Why not, in the HSM's words ({@code HSM Error: ...}); the success text when granted. */
    public String reason() {
        return code.text();
    }
}
