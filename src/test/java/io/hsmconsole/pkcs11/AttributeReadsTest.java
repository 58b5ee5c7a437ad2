package io.hsmconsole.pkcs11;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.pkcs11.rpc.MalformedMessage;
import io.hsmconsole.pkcs11.rpc.RpcCall;
import io.hsmconsole.pkcs11.rpc.RpcReader;
import io.hsmconsole.pkcs11.rpc.RpcWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * An application reads a key one attribute at a time; the endpoint answers consecutive reads from the
 * simulator's last answer ({@link LastObjectRead}) but never an answer something has changed since:
 * a change made by another application of this process or by another process (the cluster's change
 * counter moves), a change this application made itself — also to a session key, which no store
 * counter follows — and a key destroyed meanwhile.
 */
class AttributeReadsTest extends ConnectionFixture {
    private String label(long session, long key) {
        RpcReader in = read(session, key).ok();
        try {
            assertEquals(1, in.u32());
            assertEquals(Ck.CKA_LABEL, in.u32());
            assertEquals(1, in.byteValue());
            in.u32();
            return new String(in.byteArray(), StandardCharsets.UTF_8);
        } catch (MalformedMessage e) {
            throw new AssertionError(e);
        }
    }

    private RpcTestClient.Answer read(long session, long key) {
        return app.send(RpcTestClient.request(RpcCall.C_GetAttributeValue).ulong(session).ulong(key)
                .u32(1).u32(Ck.CKA_LABEL).u32(64));
    }

    private long setLabel(long session, long key, String label) {
        RpcWriter w = RpcTestClient.request(RpcCall.C_SetAttributeValue).ulong(session).ulong(key).u32(1);
        RpcTestClient.bytes(w, Ck.CKA_LABEL, label.getBytes(StandardCharsets.UTF_8));
        return app.send(w).rv();
    }

    @Test
    void aLabelAnotherApplicationChangesBetweenTwoReadsIsSeen() throws MalformedMessage {
        long s = loggedInSession();
        long key = app.generateAes(s, 32, "first", true).ok().ulong();
        assertThat(label(s, key)).isEqualTo("first");
        assertThat(label(s, key)).isEqualTo("first");

        HsmSession other = TestClusters.login(cluster, "example_user");
        assertThat(other.setAttribute(key, Attribute.LABEL, 0, "second").code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(label(s, key)).as("changed by another session of this process").isEqualTo("second");
        other.close();
    }

    @Test
    void aLabelAnotherProcessChangesBetweenTwoReadsIsSeen() throws MalformedMessage {
        long s = loggedInSession();
        long key = app.generateAes(s, 32, "first", true).ok().ulong();
        assertThat(label(s, key)).isEqualTo("first");
        // Another process: its own open of the same cluster folder, its own connection to the file.
        try (HsmCluster elsewhere = TestClusters.catalog(dir, new ManualClock(TestClusters.START)).open("demo")) {
            HsmSession owner = TestClusters.login(elsewhere, "example_user");
            assertThat(owner.setAttribute(key, Attribute.LABEL, 0, "third").code()).isEqualTo(ReturnCode.SUCCESS);
            assertThat(label(s, key)).as("changed by another process").isEqualTo("third");
            assertThat(owner.deleteKey(key).code()).isEqualTo(ReturnCode.SUCCESS);
            assertThat(read(s, key).rv()).as("destroyed by another process").isEqualTo(Ck.CKR_OBJECT_HANDLE_INVALID);
            owner.close();
        }
    }

    @Test
    void aChangeThisApplicationMakesToASessionKeyIsSeen() throws MalformedMessage {
        long s = loggedInSession();
        long key = app.generateAes(s, 32, "before", false).ok().ulong();
        assertThat(label(s, key)).isEqualTo("before");
        // A session key lives in this connection's login only: no store counter moves for it.
        assertThat(setLabel(s, key, "after")).isEqualTo(Ck.CKR_OK);
        assertThat(label(s, key)).isEqualTo("after");
        assertThat(app.send(RpcTestClient.request(RpcCall.C_DestroyObject).ulong(s).ulong(key)).rv()).isEqualTo(Ck.CKR_OK);
        assertThat(read(s, key).rv()).isEqualTo(Ck.CKR_OBJECT_HANDLE_INVALID);
    }

    /** CKA_ENCRYPT of the key, read as an application reads it. */
    private long encrypt(long session, long key) {
        RpcReader in = app.send(RpcTestClient.request(RpcCall.C_GetAttributeValue).ulong(session).ulong(key)
                .u32(1).u32(Ck.CKA_ENCRYPT).u32(1)).ok();
        try {
            in.u32();
            in.u32();
            in.byteValue();
            in.u32();
            return in.byteValue();
        } catch (MalformedMessage e) {
            throw new AssertionError(e);
        }
    }

    private long generateWithEncrypt(long session, boolean encrypt, boolean token) throws MalformedMessage {
        RpcWriter w = RpcTestClient.request(RpcCall.C_GenerateKey).ulong(session).u32(Ck.CKM_AES_KEY_GEN).byteArray(null)
                .u32(4);
        RpcTestClient.number(w, Ck.CKA_VALUE_LEN, 32);
        RpcTestClient.bytes(w, Ck.CKA_LABEL, "flags".getBytes(StandardCharsets.UTF_8));
        RpcTestClient.bool(w, Ck.CKA_TOKEN, token);
        RpcTestClient.bool(w, Ck.CKA_ENCRYPT, encrypt);
        return app.send(w).ok().ulong();
    }

    @Test
    void aFlagTheTemplateChangedReadsAsChangedAtTheFirstRead() throws MalformedMessage {
        long s = loggedInSession();
        // genSymKey makes an AES key that may encrypt: a template asking for no encryption changes it
        // after the flags' read — on a session key without any store counter moving.
        for (boolean token : new boolean[] {false, true}) {
            assertThat(encrypt(s, generateWithEncrypt(s, false, token))).as("token %s", token).isZero();
            assertThat(encrypt(s, generateWithEncrypt(s, true, token))).as("token %s", token).isEqualTo(1);
        }
    }

    @Test
    void theFlagsReadOfAKeyJustMadeAnswersTheNextReadWhileTheCounterStands() throws MalformedMessage {
        long s = loggedInSession();
        long key = app.generateAes(s, 32, "made", true).ok().ulong();
        HsmSession login = TestClusters.login(cluster, "example_user");
        AtomicLong counter = new AtomicLong(3);
        LastObjectRead last = new LastObjectRead(counter::get);
        last.keep(login, key, counter.get(), login.attributes(key, io.hsmconsole.hsm.ReadPurpose.WITHIN_COMMAND).value());
        // Deleted behind the stub counter's back: only an answer from memory can still show the key.
        assertThat(login.deleteKey(key).code()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(last.view(login, key).get(Ck.CKA_LABEL)).as("the kept answer").isPresent();
        counter.incrementAndGet();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> last.view(login, key)).isInstanceOf(Refusal.class);
        login.close();
    }

    @Test
    void consecutiveReadsReuseTheAnswerOnlyWhileTheCounterStands() throws MalformedMessage {
        long s = loggedInSession();
        long key = app.generateAes(s, 32, "kept", true).ok().ulong();
        HsmSession login = TestClusters.login(cluster, "example_user");
        AtomicLong counter = new AtomicLong(7);
        LastObjectRead last = new LastObjectRead(counter::get);
        KeyObjectView first = last.view(login, key);
        assertThat(last.view(login, key)).as("nothing changed: the same answer").isSameAs(first);
        counter.incrementAndGet();
        KeyObjectView afterCommit = last.view(login, key);
        assertThat(afterCommit).as("a commit somewhere: read again").isNotSameAs(first);
        last.forget();
        assertThat(last.view(login, key)).as("another call in between: read again").isNotSameAs(afterCommit);
        login.close();
    }
}
