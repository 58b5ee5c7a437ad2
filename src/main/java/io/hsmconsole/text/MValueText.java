package io.hsmconsole.text;

import io.hsmconsole.hsm.quorum.QuorumService;

/**
 * The crypto officers' quorum in cloudhsm_mgmt_util, as quorum-authentication-crypto-officers-first-time-setup.md
 * and -change-minimum-value.md print it: {@code MValue of service 3[USER_MGMT] on server 0 : [2]} and
 * {@code Setting M Value(2) for 3 on 2 nodes}.
 */
public final class MValueText {
    private MValueText() {
    }

    public static String value(QuorumService service, int server, int mValue) {
        return "MValue of service " + service.number() + "[" + service.name() + "] on server " + server + " : ["
                + mValue + "]";
    }

    public static String setting(QuorumService service, int mValue, int nodes) {
        return "Setting M Value(" + mValue + ") for " + service.number() + " on " + nodes + " nodes";
    }
}
