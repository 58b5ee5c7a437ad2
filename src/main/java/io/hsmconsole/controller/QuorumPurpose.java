package io.hsmconsole.controller;

import io.hsmconsole.hsm.quorum.QuorumService;

/**
 * What a quorum token is asked for: USE for every use of the key (encrypt, decrypt, sign, verify,
 * wrap, export), MANAGE for sharing, unsharing and attribute changes. The console's name for the
 * simulator's {@link QuorumService}, so the UI does not depend on the quorum package.
 */
public enum QuorumPurpose {
    USE(QuorumService.USE_KEY), MANAGE(QuorumService.MANAGE_KEY);

    private final QuorumService service;

    QuorumPurpose(QuorumService service) {
        this.service = service;
    }

    QuorumService service() {
        return service;
    }

    /** The KMU service number ({@code getToken -n}). */
    public int serviceNumber() {
        return service.number();
    }
}
