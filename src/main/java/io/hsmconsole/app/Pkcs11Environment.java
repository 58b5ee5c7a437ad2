package io.hsmconsole.app;

import io.hsmconsole.pkcs11.server.ClientModule;
import io.hsmconsole.service.Pkcs11WayIn;
import io.hsmconsole.service.ServiceControl;
import io.hsmconsole.store.DataDirectory;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code cloudhsm_client pkcs11-env}: the two lines a shell evaluates to point an unchanged PKCS#11
 * application at the running service, {@code export P11_KIT_SERVER_ADDRESS=unix:path=<socket>} and
 * {@code export HSM_CONSOLE_PKCS11_MODULE=<p11-kit-client.so>}; nothing on standard output (exit 1)
 * when the service does not run or serve it, or no client module is installed.
 */
final class Pkcs11Environment {
    private Pkcs11Environment() {
    }

    static int print(ServiceControl control, DataDirectory data, PrintStream out, PrintStream err) {
        Optional<String> address;
        try {
            address = control.address(Pkcs11WayIn.NAME);
        } catch (ServiceControl.NotServed e) {
            err.println("cloudhsm_client: the running service does not serve PKCS#11: " + e.getMessage());
            return 1;
        }
        if (address.isEmpty()) {
            err.println("cloudhsm_client: not running for " + data.root()
                    + "; start it first: cloudhsm_client start (it serves PKCS#11 while it runs)");
            return 1;
        }
        Optional<Path> module = ClientModule.find();
        if (module.isEmpty()) {
            err.println("cloudhsm_client: p11-kit-client.so not found: install p11-kit-modules (Debian, Ubuntu)"
                    + " or p11-kit (Fedora, RHEL)");
            return 1;
        }
        out.println("export P11_KIT_SERVER_ADDRESS=" + shellWord(address.get()));
        out.println("export HSM_CONSOLE_PKCS11_MODULE=" + shellWord(module.get().toString()));
        return 0;
    }

    /** As is when the shell reads it as one word (the usual case), else in single quotes. */
    static String shellWord(String value) {
        if (value.matches("[A-Za-z0-9_./:=@%+,-]+")) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
