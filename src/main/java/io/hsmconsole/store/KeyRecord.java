package io.hsmconsole.store;

import io.hsmconsole.model.KeyAlgorithm;
import io.hsmconsole.model.KeyClass;

import java.util.List;
import java.util.Objects;

/**
 * One key as stored: its PKCS#11-style attributes, owner, shared users and plaintext material.
 * The store encrypts {@code material} at rest; callers only ever see it decrypted in memory.
 * {@code flags} holds the boolean attributes as a bit set (see {@code hsm.key.Attribute}). Made with
 * {@link #builder()}, so that every value is named where a key is put together.
 */
public final class KeyRecord {
    private final long handle;
    private final int ownerId;
    private final KeyClass keyClass;
    private final KeyAlgorithm keyType;
    private final int sizeBytes;
    private final String label;
    private final String id;
    private final long flags;
    private final byte[] kcv;
    private final int mValue;
    private final int manageMValue;
    private final int originNode;
    private final long createdAtMillis;
    private final List<Integer> sharedWith;
    private final byte[] material;

    private KeyRecord(Builder b) {
        this.handle = b.handle;
        this.ownerId = b.ownerId;
        this.keyClass = Objects.requireNonNull(b.keyClass, "keyClass");
        this.keyType = Objects.requireNonNull(b.keyType, "keyType");
        this.sizeBytes = b.sizeBytes;
        this.label = Objects.requireNonNull(b.label, "label");
        this.id = Objects.requireNonNull(b.id, "id");
        this.flags = b.flags;
        this.kcv = b.kcv;
        this.mValue = b.mValue;
        this.manageMValue = b.manageMValue != null ? b.manageMValue : b.mValue;
        this.originNode = b.originNode;
        this.createdAtMillis = b.createdAtMillis;
        this.sharedWith = List.copyOf(b.sharedWith);
        this.material = Objects.requireNonNull(b.material, "material");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding every value of this key, to make a changed copy. */
    public Builder toBuilder() {
        return new Builder().handle(handle).ownerId(ownerId).keyClass(keyClass).keyType(keyType).sizeBytes(sizeBytes)
                .label(label).id(id).flags(flags).kcv(kcv).mValue(mValue).manageMValue(manageMValue).originNode(originNode)
                .createdAtMillis(createdAtMillis).sharedWith(sharedWith).material(material);
    }

    public long handle() {
        return handle;
    }

    public int ownerId() {
        return ownerId;
    }

    public KeyClass keyClass() {
        return keyClass;
    }

    /** The OBJ_ATTR_KEY_TYPE: AES, 3DES, RSA, EC, ... ({@link KeyAlgorithm#code()} is the number). */
    public KeyAlgorithm keyType() {
        return keyType;
    }

    public int sizeBytes() {
        return sizeBytes;
    }

    public String label() {
        return label;
    }

    public String id() {
        return id;
    }

    public long flags() {
        return flags;
    }

    /** The key check value, or null for types without one. */
    public byte[] kcv() {
        return kcv;
    }

    /**
     * The quorum value for using the key (sign, encrypt, wrap with it, …): KMU's m_value, CloudHSM CLI's
     * use-key-quorum-value. Approvals from this many associated users (owner, shared users) once ≥ 2.
     */
    public int mValue() {
        return mValue;
    }

    /**
     * The quorum value for managing the key (share, unshare, attribute changes): CloudHSM CLI's
     * manage-key-quorum-value. Keys made by KMU (and keys stored before the two were kept apart) have
     * it equal to their m_value, which guarded both.
     */
    public int manageMValue() {
        return manageMValue;
    }

    public int originNode() {
        return originNode;
    }

    public long createdAtMillis() {
        return createdAtMillis;
    }

    public List<Integer> sharedWith() {
        return sharedWith;
    }

    public byte[] material() {
        return material;
    }

    public KeyRecord withFlags(long value) {
        return toBuilder().flags(value).build();
    }

    public KeyRecord withLabel(String value) {
        return toBuilder().label(value).build();
    }

    public KeyRecord withSharedWith(List<Integer> value) {
        return toBuilder().sharedWith(value).build();
    }

    /** The values of a key being put together; {@link #build()} refuses one without class, type or material. */
    public static final class Builder {
        private long handle;
        private int ownerId;
        private KeyClass keyClass;
        private KeyAlgorithm keyType;
        private int sizeBytes;
        private String label = "";
        private String id = "";
        private long flags;
        private byte[] kcv;
        private int mValue;
        private Integer manageMValue;
        private int originNode;
        private long createdAtMillis;
        private List<Integer> sharedWith = List.of();
        private byte[] material;

        private Builder() {
        }

        public Builder handle(long value) {
            handle = value;
            return this;
        }

        public Builder ownerId(int value) {
            ownerId = value;
            return this;
        }

        public Builder keyClass(KeyClass value) {
            keyClass = value;
            return this;
        }

        public Builder keyType(KeyAlgorithm value) {
            keyType = value;
            return this;
        }

        public Builder sizeBytes(int value) {
            sizeBytes = value;
            return this;
        }

        public Builder label(String value) {
            label = value;
            return this;
        }

        public Builder id(String value) {
            id = value;
            return this;
        }

        public Builder flags(long value) {
            flags = value;
            return this;
        }

        public Builder kcv(byte[] value) {
            kcv = value;
            return this;
        }

        /** The use quorum value; also the management one unless {@link #manageMValue} is set. */
        public Builder mValue(int value) {
            mValue = value;
            return this;
        }

        public Builder manageMValue(int value) {
            manageMValue = value;
            return this;
        }

        public Builder originNode(int value) {
            originNode = value;
            return this;
        }

        public Builder createdAtMillis(long value) {
            createdAtMillis = value;
            return this;
        }

        public Builder sharedWith(List<Integer> value) {
            sharedWith = value;
            return this;
        }

        public Builder material(byte[] value) {
            material = value;
            return this;
        }

        public KeyRecord build() {
            return new KeyRecord(this);
        }
    }
}
