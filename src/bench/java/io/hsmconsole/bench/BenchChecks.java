package io.hsmconsole.bench;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.key.GeneratedKey;

/** A benchmark that silently measures refusals would be a lie: any failure stops the run. */
final class BenchChecks {
    private BenchChecks() {
    }

    static long handleOf(HsmResult<GeneratedKey> r) {
        if (!r.isSuccess()) {
            throw new IllegalStateException("key generation failed: " + r.code().text());
        }
        return r.value().handle();
    }
}
