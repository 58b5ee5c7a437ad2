package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.FakePem;
import io.hsmconsole.shell.PemObjects;
import io.hsmconsole.text.KeyPairText;

import java.util.Arrays;
import java.util.Optional;

/**
 * {@code IsValidKeyHandlefile -f <private key file>} (key_mgmt_util-IsValidKeyHandlefile.md): whether a
 * PEM holds a real private key or a fake PEM that references a key in the HSM (getCaviumPrivKey's),
 * with the page's two answers. The file is read on the host; the HSM is not asked.
 */
final class IsValidKeyHandleFileCommand extends DescribedCommand {
    private static final String HELP = HelpText.of("Checks if private key file has an HSM key handle or a real key.",
            "IsValidKeyHandlefile -h -f <private key file>", """
            -h    displays this information
                   -f    specifies the PEM private key file to check""");

    IsValidKeyHandleFileCommand() {
        super("IsValidKeyHandlefile", "IsValidKeyHandlefile", OptionSpec.valued("-f"), HELP);
    }

    @Override
    ExitStatus check(ParsedOptions o, KmuContext context) {
        return o.text("-f") == null ? usage(context, "Error: Key File (-f) is missing.") : null;
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        Optional<byte[]> file = KeyFiles.read(context, o.text("-f"), "key file");
        if (file.isEmpty()) {
            return ExitStatus.ERROR;
        }
        try {
            Optional<Long> handle = FakePem.handleOf(file.get());
            if (handle.isPresent()) {
                context.printer().line(KeyPairText.FAKE_PEM_HANDLE + handle.get());
                return ExitStatus.SUCCESS;
            }
            Optional<byte[]> real = PemObjects.privateKey(file.get());
            real.ifPresent(der -> Arrays.fill(der, (byte) 0));
            context.printer().line(real.isPresent() ? KeyPairText.REAL_PRIVATE_KEY : KeyPairText.NOT_A_PRIVATE_KEY);
            return ExitStatus.of(real.isPresent());
        } finally {
            Arrays.fill(file.get(), (byte) 0);
        }
    }
}
