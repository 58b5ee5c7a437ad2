package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyTemplate;
import io.hsmconsole.hsm.key.MValue;
import io.hsmconsole.hsm.key.WrapSpec;
import io.hsmconsole.model.KeyClass;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.text.CreatedKeyText;
import io.hsmconsole.text.KeySyncProgress;
import io.hsmconsole.text.WrapText;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code unWrapKey -f <file> -w <wrapping key>}: decrypts a wrapped secret or private key inside the
 * HSM and keeps it (OBJ_ATTR_LOCAL = 0). {@code -m} is always required (the page's "Required: Yes").
 * The file's header gives the class, type, label, ID and usage attributes; with {@code -noheader}
 * the user gives {@code -kc}, {@code -kt} and {@code -l}. RSA_OAEP (8) unwraps with an RSA private
 * key; AES-GCM (10, 11) takes {@code -aad}, and with {@code -noheader} {@code -tag_size} and (10)
 * {@code -iv_file}.
 */
final class UnWrapKeyCommand extends DescribedCommand {

    private static final String HELP = HelpText.of("Unwraps a key into the HSM using the specified wrapping key.",
            "unWrapKey -h -f <key file> -w <wrapping key handle> -m <wrapping mechanism> [-t <hash type>] [-sess] [-nex]\n"
                    + "\t\t\t[-u <user-ids>] [-m_value <0.." + MValue.MAX + ">] [-attest] [-min_srv <n>] [-timeout <s>]\n"
                    + "\t\t\t[-aad <aad file>] [-iv_file <IV file>] [-tag_size <tag bytes>]\n"
                    + "\t\t\t[-noheader -l <label> -kc <key class> -kt <key type>] [-l <label>] [-id <key ID>]", """
            -h         displays this information
                   -f         specifies the file with the wrapped key
                   -w         specifies the handle of the unwrapping key: the AES key it was wrapped
                              with, or for RSA_OAEP the private key of the RSA public key it was wrapped with
                   -m         specifies the wrapping mechanism the key was wrapped with: 4, 5, 6,
                              8 (RSA_OAEP), 10 (AES_GCM) or 11 (CLOUDHSM_AES_GCM)
                   -t         the hash of RSA_OAEP (OAEP and MGF1): 2 = SHA1, 3 = SHA256, 4 = SHA384,
                              5 = SHA512, 6 = SHA224
                   -aad       the file of additional authenticated data the key was wrapped with (AES-GCM)
                   -iv_file   with -noheader and AES_GCM: the file wrapKey wrote the IV to
                   -tag_size  with -noheader and AES-GCM: the tag's length, 8 to 16 bytes (default 16)
                   -noheader  the file holds the ciphertext only: -l, -kc (3 = private, 4 = secret) and
                              -kt (0 = RSA, 3 = EC for a private key; 16 = GENERIC_SECRET, 18 = RC4,
                              21 = DES3, 31 = AES for a secret key) are then required
                   -l, -id    the label and ID of the new key (default: the file header's)
                   -sess, -nex, -u, -m_value, -attest, -min_srv, -timeout  as for genSymKey""");

    private static final OptionSpec OPTIONS = OptionSpec.of(List.of("-f", "-w", "-m", "-u", "-m_value", "-min_srv",
            "-timeout", "-l", "-id", "-kt", "-kc", "-t", "-aad", "-iv_file", "-tag_size", "-i"),
            List.of("-sess", "-nex", "-attest", "-noheader"));

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
            int keyClass = o.integer("-kc");
            if (keyClass != KeyClass.PRIVATE_KEY.code() && keyClass != KeyClass.SECRET_KEY.code()) {
                return usage(context, WrapText.KEY_CLASS_RANGE);
            }
        }
        String misuse = WrapOptions.misuse(o, false);
        if (misuse != null) {
            return usage(context, misuse);
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
                context.printer().error(WrapText.noHeader(o.text("-f")));
                return ExitStatus.ERROR;
            }
            WrappedKeyFile.Header h = parsed.get().getKey();
            if (h.mechanism() != mechanism) {
                context.printer().error(WrapText.otherMechanism(o.text("-f"), h.mechanism(), mechanism));
                return ExitStatus.ERROR;
            }
            ciphertext = parsed.get().getValue();
            template = h.template();
            label = o.text("-l") != null ? o.text("-l") : h.label();
            id = o.text("-id") != null ? o.text("-id") : h.id();
        }
        Optional<WrapSpec> spec = WrapOptions.spec(o, context, false);
        if (spec.isEmpty()) {
            return ExitStatus.ERROR;
        }
        KeySyncProgress progress = new KeySyncProgress(context.printer(), session, CreatedKeyText.UNWRAPPED);
        HsmResult<GeneratedKey> result = session.transfers().unwrapKey(ciphertext, o.handle("-w"), spec.get(), template,
                KeyOptionsReader.read(o, label, id), progress);
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
