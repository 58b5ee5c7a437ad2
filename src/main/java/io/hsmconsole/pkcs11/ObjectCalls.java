package io.hsmconsole.pkcs11;

import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReadPurpose;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeyAttributes;
import io.hsmconsole.hsm.key.KeyQuery;
import io.hsmconsole.pkcs11.rpc.Attr;
import io.hsmconsole.pkcs11.rpc.AttrKind;
import io.hsmconsole.pkcs11.rpc.MalformedMessage;
import io.hsmconsole.pkcs11.rpc.Mechanism;
import io.hsmconsole.pkcs11.rpc.RpcCall;
import io.hsmconsole.pkcs11.rpc.RpcReader;
import io.hsmconsole.pkcs11.rpc.RpcWriter;
import io.hsmconsole.pkcs11.rpc.RpcWriter.AttributeAnswer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The object calls: search, read and change attributes, generate and destroy keys. Every answer
 * comes from the logged-in simulator session, so what an application may see and do is what the
 * shells allow its crypto user (its own keys and those shared with it), with the same audit.
 */
final class ObjectCalls {
    static final long CKR_SESSION_READ_ONLY = 0xB5;
    private final Sessions sessions;
    private final LastObjectRead lastRead;

    ObjectCalls(Sessions sessions, LastObjectRead lastRead) {
        this.sessions = sessions;
        this.lastRead = lastRead;
    }

    RpcWriter findInit(RpcReader in) throws MalformedMessage {
        Sessions.Session s = sessions.get(in.ulong());
        List<Attr> template = in.attributes();
        in.end();
        if (s.found != null) {
            throw new Refusal(Ck.CKR_OPERATION_ACTIVE);
        }
        // Every CloudHSM key is private: before login a search finds nothing.
        s.found = sessions.login().map(login -> search(login, template)).orElse(List.of());
        s.foundNext = 0;
        return RpcWriter.response(RpcCall.C_FindObjectsInit);
    }

    private static List<Long> search(HsmSession login, List<Attr> template) {
        Integer keyClass = null;
        Integer keyType = null;
        String label = null;
        String id = null;
        Boolean session = null;
        List<Attr> others = new ArrayList<>();
        for (Attr a : template) {
            long t = a.type();
            if (!a.valid()) {
                return List.of();
            } else if (t == Ck.CKA_CLASS) {
                // The simulator's class numbers are PKCS#11's (2 public, 3 private, 4 secret key).
                if (a.number() != Ck.CKO_SECRET_KEY && a.number() != Ck.CKO_PUBLIC_KEY && a.number() != Ck.CKO_PRIVATE_KEY) {
                    return List.of();
                }
                keyClass = (int) a.number();
            } else if (t == Ck.CKA_KEY_TYPE && a.number() >= 0 && a.number() <= Integer.MAX_VALUE) {
                keyType = (int) a.number();
            } else if (t == Ck.CKA_LABEL) {
                label = a.bytes() == null ? "" : new String(a.bytes(), StandardCharsets.UTF_8);
            } else if (t == Ck.CKA_ID) {
                id = a.bytes() == null ? "" : new String(a.bytes(), StandardCharsets.ISO_8859_1);
            } else if (t == Ck.CKA_TOKEN) {
                session = !a.isTrue();
            } else {
                others.add(a);
            }
        }
        HsmResult<List<Long>> found = login.findKeys(new KeyQuery(keyClass, keyType, label, id, session, List.of(), null));
        if (!found.isSuccess()) {
            throw new Refusal(ReturnValues.of(found.code()));
        }
        if (others.isEmpty()) {
            return found.value();
        }
        List<Long> matching = new ArrayList<>();
        for (long handle : found.value()) {
            HsmResult<KeyAttributes> attributes = login.attributes(handle, ReadPurpose.WITHIN_COMMAND);
            if (attributes.isSuccess() && matches(KeyObjectView.of(attributes.value()), others)) {
                matching.add(handle);
            }
        }
        return matching;
    }

    private static boolean matches(KeyObjectView view, List<Attr> wanted) {
        for (Attr a : wanted) {
            Optional<KeyObjectView.Value> have = view.get(a.type());
            if (have.isEmpty() || have.get().sensitive()) {
                return false;
            }
            KeyObjectView.Value v = have.get();
            boolean same = v.bytes() != null ? Arrays.equals(v.bytes(), a.bytes() == null ? new byte[0] : a.bytes())
                    : a.kind() == AttrKind.BYTE_ARRAY ? a.isTrue() == (v.number() != 0) : a.number() == v.number();
            if (!same) {
                return false;
            }
        }
        return true;
    }

    RpcWriter find(RpcReader in) throws MalformedMessage {
        Sessions.Session s = sessions.get(in.ulong());
        long room = in.bufferSize();
        in.end();
        if (s.found == null) {
            throw new Refusal(Ck.CKR_OPERATION_NOT_INITIALIZED);
        }
        RpcWriter out = RpcWriter.response(RpcCall.C_FindObjects);
        if (room == 0) {
            return out.ulongArrayLength(0);
        }
        int end = (int) Math.min(s.found.size(), s.foundNext + Math.min(room, Integer.MAX_VALUE));
        List<Long> page = s.found.subList(s.foundNext, end);
        s.foundNext = end;
        return out.ulongArray(page);
    }

    RpcWriter findFinal(RpcReader in) throws MalformedMessage {
        Sessions.Session s = sessions.get(in.ulong());
        in.end();
        if (s.found == null) {
            throw new Refusal(Ck.CKR_OPERATION_NOT_INITIALIZED);
        }
        s.found = null;
        return RpcWriter.response(RpcCall.C_FindObjectsFinal);
    }

    RpcWriter getAttributes(RpcReader in) throws MalformedMessage {
        sessions.get(in.ulong());
        long handle = in.ulong();
        List<RpcReader.AttributeQuery> queries = in.attributeQueries();
        in.end();
        KeyObjectView view = lastRead.view(sessions.requireLogin(), handle);
        long rv = Ck.CKR_OK;
        List<AttributeAnswer> answers = new ArrayList<>(queries.size());
        for (RpcReader.AttributeQuery q : queries) {
            Optional<KeyObjectView.Value> value = view.get(q.type());
            if (value.isEmpty()) {
                answers.add(AttributeAnswer.unavailable(q.type()));
                rv = Ck.CKR_ATTRIBUTE_TYPE_INVALID;
                continue;
            }
            if (value.get().sensitive()) {
                answers.add(AttributeAnswer.unavailable(q.type()));
                rv = Ck.CKR_ATTRIBUTE_SENSITIVE;
                continue;
            }
            AttributeAnswer full = wire(q.type(), value.get());
            if (q.room() == 0) {
                answers.add(new AttributeAnswer(q.type(), true, full.length(), 0, null));
            } else if (q.room() < full.length()) {
                answers.add(AttributeAnswer.unavailable(q.type()));
                rv = Ck.CKR_BUFFER_TOO_SMALL;
            } else {
                answers.add(full);
            }
        }
        RpcWriter out = RpcWriter.response(RpcCall.C_GetAttributeValue).u32(answers.size());
        answers.forEach(out::attribute);
        return out.ulong(rv);
    }

    /** A value in the shape p11-kit's table gives its attribute type (a boolean it does not know is one byte). */
    private static AttributeAnswer wire(long type, KeyObjectView.Value v) {
        return switch (AttrKind.of(type)) {
            case BYTE -> new AttributeAnswer(type, true, 1, v.number(), null);
            case ULONG -> new AttributeAnswer(type, true, 8, v.number(), null);
            default -> {
                byte[] bytes = v.bytes() != null ? v.bytes() : new byte[] {(byte) v.number()};
                yield new AttributeAnswer(type, true, bytes.length, 0, bytes);
            }
        };
    }

    RpcWriter setAttributes(RpcReader in) throws MalformedMessage {
        Sessions.Session s = sessions.get(in.ulong());
        long handle = in.ulong();
        List<Attr> template = in.attributes();
        in.end();
        HsmSession login = sessions.requireLogin();
        List<Change> changes = new ArrayList<>();
        for (Attr a : template) {
            changes.add(change(a));
        }
        if (changes.stream().anyMatch(c -> c.attribute == Attribute.TOKEN) && !s.readWrite) {
            throw new Refusal(CKR_SESSION_READ_ONLY);
        }
        // Ask about every change first, so a refused one leaves the key as it was.
        for (Change c : changes) {
            Optional<ReturnCode> why = login.whyNotModifiable(handle, c.attribute);
            if (why.isPresent()) {
                throw new Refusal(ReturnValues.of(why.get()));
            }
        }
        for (Change c : changes) {
            HsmResult<Void> r = login.setAttribute(handle, c.attribute, c.number, c.text);
            if (!r.isSuccess()) {
                throw new Refusal(ReturnValues.of(r.code()));
            }
        }
        return RpcWriter.response(RpcCall.C_SetAttributeValue);
    }

    private static Change change(Attr a) {
        if (!a.valid()) {
            throw new Refusal(Ck.CKR_ATTRIBUTE_VALUE_INVALID);
        }
        if (a.type() == Ck.CKA_LABEL) {
            return new Change(Attribute.LABEL, 0, a.bytes() == null ? "" : new String(a.bytes(), StandardCharsets.UTF_8));
        }
        Attribute flag = KeyObjectView.simulatorAttribute(a.type()).orElseThrow(() -> new Refusal(
                isKnownReadOnly(a.type()) ? Ck.CKR_ATTRIBUTE_READ_ONLY : Ck.CKR_ATTRIBUTE_TYPE_INVALID));
        return new Change(flag, a.isTrue() ? 1 : 0, null);
    }

    private static boolean isKnownReadOnly(long type) {
        return type == Ck.CKA_CLASS || type == Ck.CKA_KEY_TYPE || type == Ck.CKA_VALUE_LEN || type == Ck.CKA_PRIVATE
                || type == Ck.CKA_ID || type == Ck.CKA_VALUE || type == Ck.CKA_CHECK_VALUE
                || type == Ck.CKA_KEY_GEN_MECHANISM || type == Ck.CKA_MODIFIABLE;
    }

    private record Change(Attribute attribute, long number, String text) {
    }

    /**
     * C_GenerateKey through the simulator's genSymKey: the same rules, replication and audit as KMU.
     * Usage flags the template sets differently from genSymKey's defaults are then set through
     * setAttribute; if the simulator refuses one, the new key is destroyed again and the refusal told.
     */
    RpcWriter generateKey(RpcReader in) throws MalformedMessage {
        Sessions.Session s = sessions.get(in.ulong());
        Mechanism mechanism = in.mechanism();
        List<Attr> template = in.attributes();
        in.end();
        HsmSession login = sessions.requireLogin();
        if (mechanism.hasParameter()) {
            throw new Refusal(Ck.CKR_MECHANISM_PARAM_INVALID);
        }
        GenerateTemplate t = GenerateTemplate.read(mechanism.type(), template);
        if (!t.request().session() && !s.readWrite) {
            throw new Refusal(CKR_SESSION_READ_ONLY);
        }
        HsmResult<GeneratedKey> made = sessions.availability().generate(login, t.request());
        if (!made.isSuccess()) {
            throw new Refusal(ReturnValues.of(made.code()));
        }
        long handle = made.value().handle();
        keep(s, handle, t);
        return RpcWriter.response(RpcCall.C_GenerateKey).ulong(handle);
    }

    /**
     * A key just made (generated or unwrapped): the template's usage flags set, a session key tied to its
     * session. When every flag was already as asked, the read that showed it is the answer to the
     * application's next C_GetAttributeValue on the key ({@link LastObjectRead}).
     */
    void keep(Sessions.Session s, long handle, GenerateTemplate t) {
        HsmSession login = sessions.requireLogin();
        if (!t.flags().isEmpty()) {
            // Read before the flags' read, as LastObjectRead asks: a commit racing it moves the counter.
            long readAt = lastRead.counterNow();
            applyFlags(login, handle, t.flags()).ifPresent(unchanged -> lastRead.keep(login, handle, readAt, unchanged));
        }
        if (t.request().session()) {
            s.sessionObjects.add(handle);
        }
    }

    /**
     * Sets the flags a template asks for; a refused one destroys the key again and is told as PKCS#11 names
     * it. Returns the key's attributes as read when none had to change (empty when one was set, or no read).
     */
    static Optional<KeyAttributes> applyFlags(HsmSession login, long handle, Map<Attribute, Boolean> flags) {
        if (flags.isEmpty()) {
            return Optional.empty();
        }
        HsmResult<KeyAttributes> current = login.attributes(handle, ReadPurpose.WITHIN_COMMAND);
        boolean changed = false;
        for (Map.Entry<Attribute, Boolean> f : flags.entrySet()) {
            boolean has = current.isSuccess() && current.value().get(f.getKey()).map(v -> v.isTrue()).orElse(false);
            if (has == f.getValue()) {
                continue;
            }
            changed = true;
            HsmResult<Void> set = login.setAttribute(handle, f.getKey(), f.getValue() ? 1 : 0, null);
            if (!set.isSuccess()) {
                login.deleteKey(handle);
                throw new Refusal(set.code() == ReturnCode.ATTRIBUTE_NOT_MODIFIABLE ? Ck.CKR_ATTRIBUTE_VALUE_INVALID
                        : ReturnValues.of(set.code()));
            }
        }
        return changed || !current.isSuccess() ? Optional.empty() : Optional.of(current.value());
    }

    RpcWriter destroy(RpcReader in) throws MalformedMessage {
        sessions.get(in.ulong());
        long handle = in.ulong();
        in.end();
        HsmResult<Void> r = sessions.requireLogin().deleteKey(handle);
        if (!r.isSuccess()) {
            throw new Refusal(ReturnValues.of(r.code()));
        }
        for (Sessions.Session other : sessions.all()) {
            other.sessionObjects.remove(Long.valueOf(handle));
        }
        return RpcWriter.response(RpcCall.C_DestroyObject);
    }

    /** A closing session's session keys end with it (PKCS#11): the simulator wipes them in one event. */
    void forgetSessionObjects(Sessions.Session s) {
        sessions.login().ifPresent(login -> login.endSessionKeys(s.sessionObjects));
        s.sessionObjects.clear();
    }
}
