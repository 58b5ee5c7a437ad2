package io.hsmconsole.hsm;

import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.store.ClusterStore;

/** The asymmetric quota of limits.md, read inside the creating transaction so concurrent creators agree. */
final class KeyQuota {
    private KeyQuota() {
    }

    /** Whether {@code count} more public/private objects still fit. */
    static boolean asymmetricRoomFor(ClusterStore.Transaction tx, int count) {
        long quota = HsmType.fromAwsName(tx.cluster().hsmType())
                .map(t -> asymmetricQuota(t, tx.cluster().keyCapacity())).orElse((long) tx.cluster().keyCapacity());
        long held = tx.countKeysOfClass(KeyClass.PUBLIC_KEY.code()) + tx.countKeysOfClass(KeyClass.PRIVATE_KEY.code());
        return held + count <= quota;
    }

    /**
     * The type's asymmetric quota; a cluster made with a smaller key capacity (to try the limits)
     * keeps the type's proportion, e.g. 3 of 15 on hsm2m.medium (3,333 of 16,666).
     */
    static long asymmetricQuota(HsmType type, int keyCapacity) {
        return Math.min(type.asymmetricCapacity(), (long) keyCapacity * type.asymmetricCapacity() / type.keyCapacity());
    }
}
