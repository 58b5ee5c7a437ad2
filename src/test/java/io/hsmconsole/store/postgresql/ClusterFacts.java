package io.hsmconsole.store.postgresql;

import io.hsmconsole.store.ClusterStore;
import io.hsmconsole.store.KeyFilter;
import io.hsmconsole.store.KeyRecord;
import io.hsmconsole.store.UserRecord;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Everything a cluster's store holds, as comparable lines (byte arrays in hex, material included),
 * so that two stores, on whatever backends, can be compared whole.
 */
final class ClusterFacts {
    private static final HexFormat HEX = HexFormat.of();

    private ClusterFacts() {
    }

    static List<String> users(ClusterStore s) {
        return s.users().stream().map(ClusterFacts::user).toList();
    }

    static List<String> keys(ClusterStore s) {
        List<String> out = new ArrayList<>();
        for (KeyRecord listed : s.listKeys(KeyFilter.all())) {
            KeyRecord k = s.key(listed.handle()).orElseThrow();
            out.add(k.handle() + " owner=" + k.ownerId() + " " + k.keyClass() + " type=" + k.keyType() + " size="
                    + k.sizeBytes() + " label=" + k.label() + " id=" + k.id() + " flags=" + k.flags() + " kcv="
                    + hex(k.kcv()) + " m=" + k.mValue() + " origin=" + k.originNode() + " at=" + k.createdAtMillis()
                    + " shared=" + k.sharedWith() + " material=" + hex(k.material()) + " copies="
                    + s.copies(k.handle()));
        }
        return out;
    }

    static List<String> identities(ClusterStore s) {
        return s.identities().stream().map(i -> i.name() + " " + hex(i.certificate()) + " " + hex(i.privateKey())).toList();
    }

    static List<String> attestations(ClusterStore s) {
        return s.lastAttestations().stream().map(Record::toString).toList();
    }

    static List<String> audit(ClusterStore s) {
        return s.auditRecords(0, Integer.MAX_VALUE).stream().map(a -> a.seq() + " " + a.timeMillis() + " " + a.nodeId()
                + " " + a.userId() + " " + a.userName() + " " + a.command() + " " + a.arguments() + " " + a.resultCode()
                + " " + hex(a.previousHash()) + " " + hex(a.hash())).toList();
    }

    static List<String> nodes(ClusterStore s) {
        return s.nodes().stream().map(n -> n.id() + " " + n.online() + " " + n.latencyMillis() + " "
                + n.firmwareVersion() + " " + hex(n.firmwareMeasurement())).toList();
    }

    private static String user(UserRecord u) {
        return u.id() + " " + u.name() + " " + u.type() + " " + u.passwordHash() + " failures=" + u.loginFailures()
                + " quorum=" + hex(u.quorumPublicKey());
    }

    private static String hex(byte[] b) {
        return b == null ? "-" : HEX.formatHex(b);
    }
}
