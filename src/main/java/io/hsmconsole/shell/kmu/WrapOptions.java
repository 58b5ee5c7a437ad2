package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.key.WrapMechanism;
import io.hsmconsole.hsm.key.WrapSpec;
import io.hsmconsole.text.WrapText;

import java.util.Optional;

/**
 * The options wrapKey and unWrapKey share beside {@code -m} (key_mgmt_util-wrapKey.md,
 * -unwrapKey.md): {@code -t} belongs to RSA_OAEP (8), {@code -aad} to the AES-GCM mechanisms (10,
 * 11), {@code -tag_size} to those with {@code -noheader}, and {@code -iv_file} to AES_GCM (10) with
 * {@code -noheader} — where wrapKey writes the IV the HSM chose and unWrapKey reads it. A wrong
 * combination is a usage error naming the option and the mechanisms it belongs to, before any file
 * is read or written; an unknown mechanism is the HSM's to refuse.
 */
final class WrapOptions {
    private WrapOptions() {
    }

    /** The first misuse of the mechanism's options, as an error line, or null. */
    static String misuse(ParsedOptions o, boolean wrapping) {
        int code = o.integer("-m");
        Optional<WrapMechanism> m = WrapMechanism.fromCode(code);
        if (m.isEmpty()) {
            return null; // the HSM answers an unknown mechanism with the ones it has (WRAP_MECHANISM_UNSUPPORTED)
        }
        boolean gcm = m.get().isGcm();
        boolean noHeader = o.flag("-noheader");
        if (o.has("-t") && m.get() != WrapMechanism.RSA_OAEP) {
            return WrapText.onlyWith("-t", "-m 8 (RSA_OAEP)");
        }
        if (m.get() == WrapMechanism.RSA_OAEP && o.integer("-t") == null) {
            return WrapText.HASH_MISSING;
        }
        if (o.has("-aad") && !gcm) {
            return WrapText.onlyWith("-aad", "-m 10 (AES_GCM) or 11 (CLOUDHSM_AES_GCM)");
        }
        if (o.has("-tag_size") && !(gcm && noHeader)) {
            return WrapText.onlyWith("-tag_size", "-noheader and -m 10 (AES_GCM) or 11 (CLOUDHSM_AES_GCM)");
        }
        Integer tag = o.integer("-tag_size");
        if (o.has("-tag_size") && (tag == null || tag < WrapSpec.MIN_TAG_BYTES || tag > WrapSpec.MAX_TAG_BYTES)) {
            return WrapText.TAG_SIZE_RANGE;
        }
        if (o.has("-iv_file") && !(m.get() == WrapMechanism.AES_GCM && noHeader)) {
            return WrapText.onlyWith("-iv_file", "-noheader and -m 10 (AES_GCM)");
        }
        if (wrapping && m.get() == WrapMechanism.AES_GCM && noHeader && !o.has("-iv_file")) {
            return WrapText.IV_FILE_MISSING;
        }
        if (o.has("-i")) {
            return WrapText.WRAPPING_IV_NOT_OFFERED;
        }
        return null;
    }

    /** The spec of valid options ({@link #misuse} said null), reading the AAD and IV files; empty after an error line. */
    static Optional<WrapSpec> spec(ParsedOptions o, KmuContext context, boolean wrapping) {
        int code = o.integer("-m");
        if (code == WrapMechanism.RSA_OAEP.code()) {
            return Optional.of(WrapSpec.rsaOaep(o.integer("-t")));
        }
        if (!WrapMechanism.fromCode(code).map(WrapMechanism::isGcm).orElse(false)) {
            return Optional.of(WrapSpec.of(code));
        }
        byte[] aad = null;
        if (o.has("-aad")) {
            Optional<byte[]> read = KeyFiles.read(context, o.text("-aad"), "AAD file");
            if (read.isEmpty()) {
                return Optional.empty();
            }
            aad = read.get();
        }
        byte[] iv = null;
        if (!wrapping && o.has("-iv_file")) {
            Optional<byte[]> read = KeyFiles.read(context, o.text("-iv_file"), "IV file");
            if (read.isEmpty()) {
                return Optional.empty();
            }
            iv = read.get();
        }
        Integer tag = o.integer("-tag_size");
        return Optional.of(WrapSpec.gcm(code, aad, iv, tag == null ? WrapSpec.MAX_TAG_BYTES : tag));
    }
}
