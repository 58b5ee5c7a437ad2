package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.KeyTemplate;
import io.hsmconsole.hsm.key.WrappedKey;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The binary file wrapKey writes and unWrapKey reads. AWS does not document CloudHSM's header; ours
 * is built the way the tool's attribute records are counted (getAttribute's "size N", see
 * {@code AttributeText}) so that the page's example, a 3DES key labelled {@code 3DES_shared} with ID
 * {@code IT-02} wrapped with {@code -m 4}, comes to the page's {@code length 307}. Big-endian:
 * <pre>
 *   8  magic "HKCWRAPK"
 *   1  version (1)
 *   4  wrapping mechanism (4, 5, 6, 8, 10 or 11)
 *   4  number of attribute records
 *   4  bytes of the attribute records
 *   4  bytes of the ciphertext
 *      attribute records, each a 64-bit CK_ATTRIBUTE (type, offset of the value in the file, value
 *      length: 24 bytes) then the value: OBJ_ATTR_CLASS and KEY_TYPE one byte, VALUE_LEN four,
 *      LABEL and ID UTF-8, then ENCRYPT, DECRYPT, WRAP, UNWRAP one byte each (0 or 1)
 *      the ciphertext (for AES_GCM, -m 10, the HSM's 12-byte IV and then the ciphertext)
 * </pre>
 * The reader trusts no length: every count and offset must agree with the file, or it has no header.
 * With {@code -noheader} the file is the ciphertext alone.
 */
final class WrappedKeyFile {
    private static final byte[] MAGIC = "HKCWRAPK".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final int PREAMBLE = MAGIC.length + 1 + 4 * 4;
    private static final int RECORD_HEADER = 3 * Long.BYTES;
    /** The records a header holds, in this order. */
    private static final List<Attribute> RECORDS;

    static {
        List<Attribute> records = new ArrayList<>(List.of(Attribute.CLASS, Attribute.KEY_TYPE, Attribute.VALUE_LEN,
                Attribute.LABEL, Attribute.ID));
        records.addAll(KeyTemplate.USAGE);
        RECORDS = List.copyOf(records);
    }

    /** What a header says. */
    record Header(int mechanism, KeyTemplate template, int sizeBytes, String label, String id) {
    }

    private WrappedKeyFile() {
    }

    static byte[] write(WrappedKey key, boolean header) {
        if (!header) {
            return key.ciphertext().clone();
        }
        byte[] body = key.iv() == null ? key.ciphertext() : concat(key.iv(), key.ciphertext());
        Map<Attribute, byte[]> values = new EnumMap<>(Attribute.class);
        values.put(Attribute.CLASS, new byte[]{(byte) key.template().keyClass()});
        values.put(Attribute.KEY_TYPE, new byte[]{(byte) key.template().keyTypeCode()});
        values.put(Attribute.VALUE_LEN, ByteBuffer.allocate(4).putInt(key.sizeBytes()).array());
        values.put(Attribute.LABEL, key.label().getBytes(StandardCharsets.UTF_8));
        values.put(Attribute.ID, key.id().getBytes(StandardCharsets.UTF_8));
        Set<Attribute> usage = key.template().usage() == null ? Set.of() : key.template().usage();
        KeyTemplate.USAGE.forEach(a -> values.put(a, new byte[]{(byte) (usage.contains(a) ? 1 : 0)}));
        int recordBytes = RECORDS.stream().mapToInt(a -> RECORD_HEADER + values.get(a).length).sum();
        ByteBuffer file = ByteBuffer.allocate(PREAMBLE + recordBytes + body.length);
        file.put(MAGIC).put((byte) VERSION).putInt(key.mechanism().code()).putInt(RECORDS.size()).putInt(recordBytes)
                .putInt(body.length);
        for (Attribute a : RECORDS) {
            byte[] value = values.get(a);
            long valueAt = file.position() + RECORD_HEADER;
            file.putLong(a.id()).putLong(valueAt).putLong(value.length).put(value);
        }
        return file.put(body).array();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** The header and the ciphertext, or empty when the file has no (valid) header. */
    static Optional<Map.Entry<Header, byte[]>> read(byte[] file) {
        if (file.length < PREAMBLE || !Arrays.equals(Arrays.copyOf(file, MAGIC.length), MAGIC)) {
            return Optional.empty();
        }
        ByteBuffer in = ByteBuffer.wrap(file).position(MAGIC.length);
        int version = in.get();
        int mechanism = in.getInt();
        int count = in.getInt();
        long recordBytes = Integer.toUnsignedLong(in.getInt());
        long cipherBytes = Integer.toUnsignedLong(in.getInt());
        if (version != VERSION || count != RECORDS.size() || PREAMBLE + recordBytes + cipherBytes != file.length) {
            return Optional.empty();
        }
        Map<Attribute, byte[]> values = new EnumMap<>(Attribute.class);
        for (Attribute expected : RECORDS) {
            if (in.remaining() < RECORD_HEADER) {
                return Optional.empty();
            }
            long type = in.getLong();
            long offset = in.getLong();
            long length = in.getLong();
            if (type != expected.id() || offset != in.position() || length < 0
                    || length > PREAMBLE + recordBytes - in.position()) {
                return Optional.empty();
            }
            byte[] value = new byte[(int) length];
            in.get(value);
            values.put(expected, value);
        }
        if (in.position() != PREAMBLE + recordBytes) {
            return Optional.empty();
        }
        return header(mechanism, values).map(h -> Map.entry(h, Arrays.copyOfRange(file, in.position(), file.length)));
    }

    private static Optional<Header> header(int mechanism, Map<Attribute, byte[]> values) {
        if (values.get(Attribute.CLASS).length != 1 || values.get(Attribute.KEY_TYPE).length != 1
                || values.get(Attribute.VALUE_LEN).length != 4) {
            return Optional.empty();
        }
        Set<Attribute> usage = EnumSet.noneOf(Attribute.class);
        for (Attribute a : KeyTemplate.USAGE) {
            byte[] v = values.get(a);
            if (v.length != 1 || (v[0] != 0 && v[0] != 1)) {
                return Optional.empty();
            }
            if (v[0] == 1) {
                usage.add(a);
            }
        }
        Optional<String> label = utf8(values.get(Attribute.LABEL));
        Optional<String> id = utf8(values.get(Attribute.ID));
        if (label.isEmpty() || id.isEmpty()) {
            return Optional.empty();
        }
        KeyTemplate template = new KeyTemplate(values.get(Attribute.CLASS)[0] & 0xff,
                values.get(Attribute.KEY_TYPE)[0] & 0xff, usage);
        return Optional.of(new Header(mechanism, template, ByteBuffer.wrap(values.get(Attribute.VALUE_LEN)).getInt(),
                label.get(), id.get()));
    }

    private static Optional<String> utf8(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
