package io.hsmconsole.text;

import io.hsmconsole.hsm.key.KeyInfo;
import io.hsmconsole.hsm.key.MValue;

import java.io.PrintWriter;

/** The owner / shared users / quorum lines of getKeyInfo, as both KMU and CMU print them. */
public final class KeyInfoText {
    private KeyInfoText() {
    }

    public static void print(KeyInfo info, String indent, PrintWriter out) {
        out.printf("%n%sOwned by user %d%n", indent, info.ownerId());
        if (!info.sharedWith().isEmpty()) {
            out.printf("%n%salso, shared to following %d user(s):%n%n", indent, info.sharedWith().size());
            // One user per line (key_mgmt_util-getKeyInfo.md, cloudhsm_mgmt_util-getKeyInfo.md: "4", "6").
            info.sharedWith().forEach(id -> out.printf("%s\t %d%n", indent, id));
        }
        // key_mgmt_util-getKeyInfo.md prints one line for a key's one m_value: "2 Users need to approve
        // to use/manage this key". A key made by cloudhsm-cli may need a different quorum to manage it
        // than to use it; such a key gets the page's line once per service, so neither value is hidden.
        if (info.mValue() == info.manageMValue()) {
            quorumLine(info.mValue(), "use/manage", indent, out);
        } else {
            quorumLine(info.mValue(), "use", indent, out);
            quorumLine(info.manageMValue(), "manage", indent, out);
        }
        int approvers = info.sharedWith().size();
        if (!MValue.isReachable(info.mValue(), approvers) || !MValue.isReachable(info.manageMValue(), approvers)) {
            out.printf("%s This key is unusable as M > N. Better delete this.%n", indent);
        }
    }

    private static void quorumLine(int mValue, String service, String indent, PrintWriter out) {
        if (MValue.needsQuorum(mValue)) {
            out.printf("%s %d Users need to approve to %s this key%n", indent, mValue, service);
        }
    }
}
