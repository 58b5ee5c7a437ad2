package io.hsmconsole.app;

import io.hsmconsole.hsm.AvailabilityCheck;
import io.hsmconsole.pkcs11.KeyAvailabilityCheck;

import java.util.ArrayList;
import java.util.List;

/**
 * The options of {@code cloudhsm_client start} (handed on to the service process's {@code run}):
 * {@code [--idle-minutes N] [--disable-key-availability-check]}, the latter as Client SDK 5's
 * configure tools name it: everything SDK 5 the daemon serves (the PKCS#11 endpoint, cloudhsm-cli's
 * commands) then makes and uses keys that exist on one HSM only.
 */
record RunOptions(long idleMinutes, AvailabilityCheck keyAvailability) {
    static final long DEFAULT_IDLE_MINUTES = 30;
    static final String DISABLE_KEY_AVAILABILITY_CHECK = "--disable-key-availability-check";

    static RunOptions parse(List<String> options) {
        long idle = DEFAULT_IDLE_MINUTES;
        AvailabilityCheck availability = AvailabilityCheck.ON;
        boolean idleGiven = false;
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            if (option.equals(DISABLE_KEY_AVAILABILITY_CHECK) && availability == AvailabilityCheck.ON) {
                availability = AvailabilityCheck.OFF;
            } else if (option.equals("--idle-minutes") && !idleGiven && i + 1 < options.size()
                    && options.get(i + 1).matches("\\d{1,6}") && Long.parseLong(options.get(i + 1)) > 0) {
                idle = Long.parseLong(options.get(++i));
                idleGiven = true;
            } else {
                throw new IllegalArgumentException("expected --idle-minutes N (a whole number of minutes, at least 1)"
                        + " and/or " + DISABLE_KEY_AVAILABILITY_CHECK + ", got " + String.join(" ", options));
            }
        }
        return new RunOptions(idle, availability);
    }

    /** The same options again, for the service process. */
    List<String> arguments() {
        List<String> args = new ArrayList<>(List.of("--idle-minutes", Long.toString(idleMinutes)));
        if (keyAvailability == AvailabilityCheck.OFF) {
            args.add(DISABLE_KEY_AVAILABILITY_CHECK);
        }
        return args;
    }

    /** The same setting in the PKCS#11 endpoint's terms. */
    KeyAvailabilityCheck pkcs11Availability() {
        return keyAvailability == AvailabilityCheck.OFF ? KeyAvailabilityCheck.DISABLED : KeyAvailabilityCheck.ENABLED;
    }
}
