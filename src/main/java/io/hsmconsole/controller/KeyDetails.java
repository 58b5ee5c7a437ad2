package io.hsmconsole.controller;

import io.hsmconsole.hsm.Permission;
import io.hsmconsole.hsm.key.Attribute;

import java.util.List;

/**
 * Everything the inspector shows about one key: who owns and shares it, its quorum values (to use
 * it, {@code mValue}; to manage it, {@code manageMValue}: equal for keys KMU makes, cloudhsm-cli may
 * set them apart) and who may approve for it, where it lives, every attribute with what the logged-in user may change, and
 * whether the simulator lets this user share or unshare it ({@code sharing}), and whether Client SDK 5
 * applications cannot use it now because fewer than two online HSMs hold it ({@code belowAvailabilityQuorum},
 * the simulator's {@code HsmSession.checkKeyAvailability}).
 */
public record KeyDetails(long handle, UserRef owner, List<UserRef> sharedWith, int mValue, int manageMValue, boolean token,
                         List<Integer> nodesHolding, List<Integer> clusterNodes, List<AttributeEntry> attributes,
                         boolean ownedByMe, List<UserRef> quorumApprovers, Permission sharing,
                         boolean belowAvailabilityQuorum) {

    public KeyDetails {
        quorumApprovers = List.copyOf(quorumApprovers);
        sharedWith = List.copyOf(sharedWith);
        nodesHolding = List.copyOf(nodesHolding);
        clusterNodes = List.copyOf(clusterNodes);
        attributes = List.copyOf(attributes);
    }

    /** The key's OBJ_ATTR_LABEL, or "" when it has none. */
    public String label() {
        return attributes.stream().filter(a -> a.attribute() == Attribute.LABEL).findFirst()
                .map(a -> a.value().text()).orElse("");
    }
}
