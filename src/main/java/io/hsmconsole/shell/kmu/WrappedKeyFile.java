package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.key.KeyTemplate;
import io.hsmconsole.hsm.key.WrappedKey;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The file wrapKey writes and unWrapKey reads. With a header (the default) it carries what
 * unWrapKey needs to recreate the key, as CloudHSM's attribute header does; ours is readable text:
 * <pre>
 * HSM-KEY-CONSOLE-WRAPPED-KEY 1
 * mechanism: 4
 * class: 4
 * type: 31
 * size: 32
 * label: aes256
 * id: k1
 *
 * &lt;ciphertext bytes&gt;
 * </pre>
 * With {@code -noheader} the file is the ciphertext alone.
 */
final class WrappedKeyFile {
    static final String MAGIC = "HSM-KEY-CONSOLE-WRAPPED-KEY 1\n";

    /** What a header says; absent fields are null. */
    record Header(Integer mechanism, KeyTemplate template, String label, String id) {
    }

    private WrappedKeyFile() {
    }

    static byte[] write(WrappedKey key, boolean header) {
        if (!header) {
            return key.ciphertext().clone();
        }
        String text = MAGIC + "mechanism: " + key.mechanism().code() + "\nclass: " + key.template().keyClass()
                + "\ntype: " + key.template().keyTypeCode() + "\nsize: " + key.sizeBytes() + "\nlabel: " + key.label()
                + "\nid: " + key.id() + "\n\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(key.ciphertext());
        return out.toByteArray();
    }

    /** The header and the ciphertext, or empty when the file has no (valid) header. */
    static Optional<Map.Entry<Header, byte[]>> read(byte[] file) {
        byte[] magic = MAGIC.getBytes(StandardCharsets.UTF_8);
        if (file.length < magic.length || !Arrays.equals(Arrays.copyOf(file, magic.length), magic)) {
            return Optional.empty();
        }
        int end = indexOfBlankLine(file, magic.length);
        if (end < 0) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        for (String line : new String(file, magic.length, end - magic.length, StandardCharsets.UTF_8).split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                fields.put(line.substring(0, colon), line.substring(colon + 2));
            } else if (line.endsWith(":")) {
                fields.put(line.substring(0, line.length() - 1), "");
            }
        }
        try {
            Header h = new Header(Integer.valueOf(fields.get("mechanism")),
                    new KeyTemplate(Integer.parseInt(fields.get("class")), Integer.parseInt(fields.get("type"))),
                    fields.getOrDefault("label", ""), fields.getOrDefault("id", ""));
            return Optional.of(Map.entry(h, Arrays.copyOfRange(file, end + 2, file.length)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static int indexOfBlankLine(byte[] file, int from) {
        for (int i = Math.max(from - 1, 0); i + 1 < file.length; i++) {
            if (file[i] == '\n' && file[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
