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
        if (MValue.needsQuorum(info.mValue())) {
            out.printf("%s %d Users need to approve to use/manage this key%n", indent, info.mValue());
            if (!MValue.isReachable(info.mValue(), info.sharedWith().size())) {
                out.printf("%s This key is unusable as M > N. Better delete this.%n", indent);
            }
        }
    }
}
