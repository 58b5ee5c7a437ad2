package io.hsmconsole.reliability;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.AttributeValue;
import io.hsmconsole.hsm.key.KeyAttributes;
import io.hsmconsole.hsm.key.KeyInfo;
import io.hsmconsole.hsm.key.KeySummary;
import io.hsmconsole.hsm.user.LoginChannel;
import io.hsmconsole.model.UserType;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.StoreBackend;
import io.hsmconsole.store.sqlite.SqliteBackend;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold after a process was killed: SQLite finds the store sound, and reopened the way a
 * user reopens it, every acknowledged token key is there with the attributes it was asked for, on
 * every node it was reported on; no acknowledged session key outlived its process; no handle was
 * handed out twice; keys nobody acknowledged (the command in flight) are complete; the audit chain
 * is intact.
 */
final class AfterCrash {
    private AfterCrash() {
    }

    /** Checks everything acknowledged so far; returns the labels of the token keys that exist but nobody acknowledged. */
    static List<String> check(Path data, List<Acknowledged> acknowledged, String owner, char[] password) {
        Path db = data.resolve("clusters").resolve(ClusterCatalog.DEMO_CLUSTER).resolve("cluster.db");
        assertThat(StoreIntegrity.problems(db)).as("SQLite's checks of %s", db).isEmpty();
        return check(new SqliteBackend(), data, acknowledged, owner, password);
    }

    /**
     * The same checks through the simulator on any backend (a PostgreSQL server keeps its own
     * integrity: each transaction commits whole or not at all).
     */
    static List<String> check(StoreBackend backend, Path data, List<Acknowledged> acknowledged, String owner,
                              char[] password) {
        assertThat(acknowledged.stream().map(Acknowledged::handle)).as("handles acknowledged").doesNotHaveDuplicates();
        ClusterCatalog catalog = new ClusterCatalog(backend, new DataDirectory(data), HsmClock.SYSTEM);
        try (HsmCluster cluster = catalog.open(ClusterCatalog.DEMO_CLUSTER)) {
            HsmResult<HsmSession> login = cluster.login(LoginChannel.KEY_MGMT_UTIL, UserType.CU, owner, password.clone());
            assertThat(login.code()).isEqualTo(ReturnCode.SUCCESS);
            HsmSession session = login.value();
            try {
                Set<Long> tokenHandles = new HashSet<>();
                for (Acknowledged a : acknowledged) {
                    if (a.order().session()) {
                        assertThat(session.keyInfo(a.handle()).code()).as("session key %d after its process died", a.handle())
                                .isEqualTo(ReturnCode.INVALID_HANDLE);
                    } else {
                        checkTokenKey(session, a);
                        tokenHandles.add(a.handle());
                    }
                }
                List<KeySummary> all = session.listKeys().value();
                List<String> unacknowledged = new java.util.ArrayList<>();
                for (KeySummary k : all) {
                    if (k.ownerId() == session.user().id() && !tokenHandles.contains(k.handle())) {
                        unacknowledged.add(k.label());
                        assertThat(session.attributes(k.handle()).code()).as("the unacknowledged key %d is whole", k.handle())
                                .isEqualTo(ReturnCode.SUCCESS);
                    }
                }
                assertThat(all.stream().filter(k -> k.ownerId() == session.user().id()).map(KeySummary::handle))
                        .as("every acknowledged token key is listed").containsAll(tokenHandles);
                assertThat(cluster.auditLog().verify().intact()).as("audit chain").isTrue();
                return unacknowledged;
            } finally {
                session.close();
            }
        }
    }

    private static void checkTokenKey(HsmSession session, Acknowledged a) {
        KeyOrder o = a.order();
        HsmResult<KeyInfo> info = session.keyInfo(a.handle());
        assertThat(info.code()).as("acknowledged key %d (%s)", a.handle(), o.kmuLine()).isEqualTo(ReturnCode.SUCCESS);
        assertThat(info.value().token()).isTrue();
        assertThat(info.value().sharedWith()).as("shared with, key %d", a.handle()).isEqualTo(o.shareWith());
        assertThat(info.value().mValue()).isEqualTo(o.mValue());
        assertThat(info.value().nodesHolding()).as("nodes holding key %d", a.handle()).containsAll(a.nodes());
        KeyAttributes attributes = session.attributes(a.handle()).value();
        assertThat(attributes.get(Attribute.LABEL).map(AttributeValue::text)).hasValue(o.label());
        assertThat(attributes.get(Attribute.ID).map(AttributeValue::text).orElse("")).isEqualTo(o.id());
        assertThat(attributes.get(Attribute.KEY_TYPE).map(AttributeValue::number)).hasValue((long) o.type());
        assertThat(attributes.get(Attribute.VALUE_LEN).map(AttributeValue::number)).hasValue((long) o.size());
        assertThat(attributes.get(Attribute.EXTRACTABLE).map(AttributeValue::number)).hasValue(o.nonExtractable() ? 0L : 1L);
        assertThat(attributes.get(Attribute.TOKEN).map(AttributeValue::number)).hasValue(1L);
        assertThat(attributes.get(Attribute.KCV)).as("KCV of key %d", a.handle()).matches(kcv -> kcv.isPresent()
                == (o.type() == 31 || o.type() == 21));
    }
}
