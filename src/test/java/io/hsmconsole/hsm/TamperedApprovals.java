package io.hsmconsole.hsm;

import io.hsmconsole.hsm.quorum.SignedApproval;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Signed token files changed in one place, for the properties that such a file approves nothing. */
final class TamperedApprovals {
    private TamperedApprovals() {
    }

    /** The approval with one change: a flipped bit of the data, the token or a signature, names swapped, one dropped. */
    static SignedApproval of(SignedApproval a, SplittableRandom random) {
        byte[] data = a.approvalData();
        byte[] token = a.token();
        List<SignedApproval.Signature> sigs = new ArrayList<>(a.signatures());
        int which = random.nextInt(sigs.size());
        switch (random.nextInt(5)) {
            case 0 -> data[random.nextInt(data.length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> token[random.nextInt(token.length)] ^= (byte) (1 << random.nextInt(8));
            case 2 -> {
                byte[] sig = sigs.get(which).signature();
                sig[random.nextInt(sig.length)] ^= (byte) (1 << random.nextInt(8));
                sigs.set(which, new SignedApproval.Signature(sigs.get(which).username(), sig));
            }
            case 3 -> sigs = List.of(new SignedApproval.Signature(sigs.get(0).username(), sigs.get(1).signature()),
                    new SignedApproval.Signature(sigs.get(1).username(), sigs.get(0).signature()));
            default -> sigs.remove(which);
        }
        return new SignedApproval(data, token, sigs);
    }
}
