package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyTemplate;
import io.hsmconsole.hsm.key.MValue;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.CreatedKeyText;
import io.hsmconsole.text.KeySyncProgress;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code unWrapKey -f <file> -w <wrapping key>}: decrypts a wrapped key inside the HSM and keeps it
 * (OBJ_ATTR_LOCAL = 0). {@code -m} is always required (the page's "Required: Yes"). The file's header
 * gives the class, type, label, ID and usage attributes; with {@code -noheader} the user gives
 * {@code -kc}, {@code -kt} and {@code -l}.
 */
final class UnWrapKeyCommand extends DescribedCommand {

    private static final String HELP = HelpText.of("Unwraps a key into the HSM using the specified wrapping key.",
            "unWrapKey -h -f <key file> -w <wrapping key handle> -m <wrapping mechanism> [-sess] [-nex]\n"
                    + "\t\t\t[-u <user-ids>] [-m_value <0.." + MValue.MAX + ">] [-attest] [-min_srv <n>] [-timeout <s>]\n"
                    + "\t\t\t[-noheader -l <label> -kc <key class> -kt <key type>] [-l <label>] [-id <key ID>]", """
            -h         displays this information
                   -f         specifies the file with the wrapped key
                   -w         specifies the handle of the AES wrapping key
                   -m         specifies the wrapping mechanism the key was wrapped with (4, 5 or 6),
                              or 8 (RSA_OAEP: -w is an RSA private key, the file an RSA-OAEP ciphertext)
                   -t         the hash of RSA_OAEP (OAEP and MGF1): 2 = SHA1, 3 = SHA256, 4 = SHA384,
                              5 = SHA512, 6 = SHA224
                   -noheader  the file holds the ciphertext only: -l, -kc (4 = secret) and -kt
                              (16 = GENERIC_SECRET, 18 = RC4, 21 = DES3, 31 = AES) are then required
                   -l, -id    the label and ID of the new key (default: the file header's)
                   -sess, -nex, -u, -m_value, -attest, -min_srv, -timeout  as for genSymKey""");

    /** The tool's number of RSA-OAEP unwrapping, which takes an RSA private key and a hash (-t). */
    private static final int RSA_OAEP = 8;

    private static final OptionSpec OPTIONS = OptionSpec.of(List.of("-f", "-w", "-m", "-u", "-m_value", "-min_srv",
            "-timeout", "-l", "-id", "-kt", "-kc", "-t"), List.of("-sess", "-nex", "-attest", "-noheader"));

    UnWrapKeyCommand() {
        super("unWrapKey", CreatedKeyText.UNWRAP_CALL, OPTIONS, HELP);
    }

    @Override
    ExitStatus check(ParsedOptions o, KmuContext context) {
        if (o.text("-f") == null) {
            return usage(context, "Error: Wrapped Key File (-f) is missing.");
        }
        if (o.handle("-w") == null) {
            return usage(context, WRAPPING_KEY_MISSING);
        }
        if (o.integer("-m") == null) {
            // Required with a header too (key_mgmt_util-unwrapKey.md: "Required: Yes", and its examples give -m 4).
            return usage(context, "Error: Wrapping mechanism (-m) is missing.");
        }
        if (o.flag("-noheader")) {
            if (o.text("-l") == null) {
                return usage(context, "Error: Key label (-l) is missing.");
            }
            if (o.integer("-kc") == null) {
                return usage(context, "Error: Key class (-kc) is missing.");
            }
            if (o.integer("-kt") == null) {
                return usage(context, "Error: Key type (-kt) is missing.");
            }
        }
        return checkSyncAndSharing(o, context);
    }

    @Override
    ExitStatus run(ParsedOptions o, HsmSession session, KmuContext context) {
        Optional<byte[]> file = KeyFiles.read(context, o.text("-f"));
        if (file.isEmpty()) {
            return ExitStatus.ERROR;
        }
        byte[] ciphertext = file.get();
        int mechanism = o.integer("-m");
        KeyTemplate template;
        String label;
        String id;
        if (o.flag("-noheader")) {
            template = new KeyTemplate(o.integer("-kc"), o.integer("-kt"));
            label = o.text("-l");
            id = o.text("-id");
        } else {
            Optional<Map.Entry<WrappedKeyFile.Header, byte[]>> parsed = WrappedKeyFile.read(ciphertext);
            if (parsed.isEmpty()) {
                context.printer().error("Error: " + o.text("-f") + " has no wrapped-key header; if it holds the"
                        + " ciphertext only, give -noheader with -l, -kc and -kt.");
                return ExitStatus.ERROR;
            }
            WrappedKeyFile.Header h = parsed.get().getKey();
            if (h.mechanism() != mechanism) {
                context.printer().error("Error: " + o.text("-f") + " was wrapped with -m " + h.mechanism()
                        + "; unwrap it with -m " + h.mechanism() + ", not -m " + mechanism + ".");
                return ExitStatus.ERROR;
            }
            ciphertext = parsed.get().getValue();
            template = h.template();
            label = o.text("-l") != null ? o.text("-l") : h.label();
            id = o.text("-id") != null ? o.text("-id") : h.id();
        }
        boolean rsaOaep = mechanism == RSA_OAEP;
        if (rsaOaep && o.integer("-t") == null) {
            return usage(context, "Error: Hash type (-t) is missing; RSA_OAEP (-m 8) takes 2 (SHA1), 3 (SHA256),"
                    + " 4 (SHA384), 5 (SHA512) or 6 (SHA224).");
        }
        KeySyncProgress progress = new KeySyncProgress(context.printer(), session, CreatedKeyText.UNWRAPPED);
        HsmResult<GeneratedKey> result = rsaOaep
                ? session.pairs().unwrapKeyRsaOaep(ciphertext, o.handle("-w"), o.integer("-t"), template,
                        KeyOptionsReader.read(o, label, id), progress)
                : session.transfers().unwrapKey(ciphertext, o.handle("-w"), mechanism, template, KeyOptionsReader.read(o, label, id),
                        progress);
        if (o.flag("-noheader")) {
            CreatedKeyText.printUnwrappedWithTemplate(context.printer(), result, o.integer("-min_srv"),
                    progress.announced());
        } else {
            CreatedKeyText.print(context.printer(), call(), CreatedKeyText.UNWRAPPED, result, o.integer("-min_srv"),
                    progress.announced());
        }
        return ExitStatus.of(result.isSuccess());
    }
}
