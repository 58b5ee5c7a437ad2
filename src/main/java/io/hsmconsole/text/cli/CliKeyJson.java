package io.hsmconsole.text.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hsmconsole.hsm.key.KeyAttributes;
import io.hsmconsole.hsm.key.KeyInfo;

import java.util.Locale;
import java.util.function.IntFunction;

/**
 * One key as the CloudHSM CLI shows it: {@code key-reference} (the handle as {@code 0x} and 16 hex
 * digits), {@code key-info} (owner, shared users, quorum values, coverage) and {@code attributes}
 * with SDK 5's names ({@link CliAttributes}).
 */
public final class CliKeyJson {
    /** Every HSM of the cluster holds it. */
    public static final String FULL = "full";
    /** Some HSMs do not hold it yet (replication under way, or an HSM offline). */
    public static final String PARTIAL = "partial";
    /** A session key lives on the one HSM of its session. */
    public static final String SESSION = "session";

    private CliKeyJson() {
    }

    /** {@code 0x} and 16 lowercase hex digits, as {@code key-reference} is printed. */
    public static String reference(long handle) {
        return String.format(Locale.ROOT, "0x%016x", handle);
    }

    /** The full form: what {@code key generate-symmetric} and {@code key list --verbose} print. */
    public static ObjectNode verbose(KeyInfo info, KeyAttributes attributes, IntFunction<String> userName) {
        ObjectNode key = CliJson.object();
        key.put("key-reference", reference(info.handle()));
        key.set("key-info", info(info, userName));
        key.set("attributes", CliAttributes.render(attributes));
        return key;
    }

    /** The short form of {@code key list}: the reference and the label. */
    public static ObjectNode brief(long handle, String label) {
        ObjectNode key = CliJson.object();
        key.put("key-reference", reference(handle));
        key.putObject("attributes").put("label", label);
        return key;
    }

    private static ObjectNode info(KeyInfo info, IntFunction<String> userName) {
        String coverage = coverage(info);
        ObjectNode node = CliJson.object();
        ArrayNode owners = node.putArray("key-owners");
        owners.add(user(userName.apply(info.ownerId()), coverage));
        ArrayNode shared = node.putArray("shared-users");
        info.sharedWith().forEach(id -> shared.add(user(userName.apply(id), coverage)));
        ObjectNode quorumValues = node.putObject("key-quorum-values");
        quorumValues.put("manage-key-quorum-value", info.manageMValue());
        quorumValues.put("use-key-quorum-value", info.mValue());
        node.put("cluster-coverage", coverage);
        return node;
    }

    private static String coverage(KeyInfo info) {
        if (!info.token()) {
            return SESSION;
        }
        return info.nodesHolding().size() >= info.clusterSize() ? FULL : PARTIAL;
    }

    private static ObjectNode user(String name, String coverage) {
        ObjectNode user = CliJson.object();
        user.put("username", name);
        user.put("key-coverage", coverage);
        return user;
    }
}
