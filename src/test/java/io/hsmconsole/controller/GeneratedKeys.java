package io.hsmconsole.controller;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;

import static io.hsmconsole.controller.ControllerFixture.await;

/** Keys for controller and view-model tests, made through the key controller as the logged-in user. */
public final class GeneratedKeys {
    private GeneratedKeys() {
    }

    /** Generates the key and returns its handle; fails the test when the HSM refuses. */
    public static long generate(ControllerFixture f, GenSymKeyRequest request) {
        HsmResult<GeneratedKey> made = await(done -> f.keys.generate(request, "genSymKey", p -> { }, done));
        if (!made.isSuccess()) {
            throw new AssertionError("genSymKey was refused: " + made.code());
        }
        return made.value().handle();
    }
}
