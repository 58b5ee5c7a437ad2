package io.hsmconsole.hsm;

import io.hsmconsole.hsm.quorum.QuorumService;
import io.hsmconsole.hsm.quorum.QuorumToken;

/**
 * A session's commands for the crypto officers' quorum ({@link HsmSession#officerQuorum()}):
 * getMValue, setMValue and getToken for services 3 (USER_MGMT) and 4 (MISC_CO). The rules are in
 * {@link OfficerQuorum}; approving and listing the tokens is {@link QuorumTokenCommands}' as for keys.
 */
public final class OfficerQuorumCommands {
    private final HsmSession session;
    private final OfficerQuorum rules;

    OfficerQuorumCommands(HsmSession session, OfficerQuorum rules) {
        this.session = session;
        this.rules = rules;
    }

    /** {@code getMValue}: the service's m value, the same on every node. */
    public HsmResult<Integer> getMValue(QuorumService service) {
        requireOfficers(service);
        HsmResult<Integer> r = session.isOpen() ? session.ok(null, rules.mValue(service))
                : HsmResult.refused(ReturnCode.NOT_LOGGED_IN);
        return session.audited("getMValue", String.valueOf(service.number()), r);
    }

    /** {@code setMValue}: officers only, 1 to 8 and at most the number of officers, under MISC_CO's quorum. */
    public HsmResult<Void> setMValue(QuorumService service, int value) {
        requireOfficers(service);
        HsmResult<Void> r = session.isOpen() ? rules.setMValue(service, value) : HsmResult.refused(ReturnCode.NOT_LOGGED_IN);
        return session.audited("setMValue", service.number() + " " + value, r);
    }

    /** {@code getToken 3|4}: a token for one USER_MGMT operation or one setMValue, for this session. */
    public HsmResult<QuorumToken> getToken(QuorumService service) {
        requireOfficers(service);
        HsmResult<QuorumToken> r = session.isOpen() ? rules.getToken(service) : HsmResult.refused(ReturnCode.NOT_LOGGED_IN);
        return session.audited("getToken", "-n " + service.number(), r);
    }

    private static void requireOfficers(QuorumService service) {
        if (!service.forOfficers()) {
            throw new IllegalArgumentException("not an officers' service: " + service);
        }
    }
}
