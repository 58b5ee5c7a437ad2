package io.hsmconsole.store;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.hsm.key.KeySummary;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The simulator under test plus a model of what it must hold, for {@link KeyUniquenessPropertyTest}.
 * Slot 0 is example_user on the first connection, slot 1 alice and slot 2 example_user again on
 * the second: two sessions of one user, two users, two connections.
 */
final class UniquenessWorld implements AutoCloseable {
    static final int SLOTS = 3;

    enum Kind { TOKEN, SESSION, DELETE, PROMOTE, RELOGIN }

    /** One operation: {@code id} below 0 means no ID, else {@code id-<n>}; {@code pick} chooses a key. */
    record Step(Kind kind, int slot, int id, int pick) {
        String keyId() {
            return id < 0 ? "" : "id-" + id;
        }
    }

    private record TokenKey(int owner, String id) {
    }

    private final HsmCluster[] connections;
    private final String[] users = {"example_user", "alice", "example_user"};
    private final HsmSession[] sessions = new HsmSession[SLOTS];
    private final Set<Long> handedOut = new HashSet<>();
    private final Map<Long, TokenKey> tokens = new HashMap<>();
    private final List<Map<Long, String>> sessionKeys = new ArrayList<>();

    UniquenessWorld(HsmCluster first, HsmCluster second) {
        connections = new HsmCluster[]{first, second, second};
        for (int slot = 0; slot < SLOTS; slot++) {
            sessions[slot] = TestClusters.login(connections[slot], users[slot]);
            sessionKeys.add(new HashMap<>());
        }
    }

    void apply(Step step) {
        switch (step.kind()) {
            case TOKEN, SESSION -> generate(step);
            case DELETE -> delete(step);
            case PROMOTE -> promote(step);
            case RELOGIN -> {
                sessions[step.slot()].close();
                sessionKeys.get(step.slot()).clear();
                sessions[step.slot()] = TestClusters.login(connections[step.slot()], users[step.slot()]);
            }
        }
    }

    private void generate(Step step) {
        int slot = step.slot();
        String id = step.keyId();
        boolean session = step.kind() == Kind.SESSION;
        boolean taken = !id.isEmpty() && (tokenIds().contains(id) || sessionKeys.get(slot).containsValue(id));
        HsmResult<GeneratedKey> r = sessions[slot].generateSymmetricKey(
                GenSymKeyRequest.of(31, 16, "p").withId(id).withSession(session));
        assertThat(r.code()).as("%s (id taken: %s)", step, taken)
                .isEqualTo(taken ? ReturnCode.DUPLICATE_KEY_ID : ReturnCode.SUCCESS);
        if (r.isSuccess()) {
            long handle = r.value().handle();
            assertThat(handedOut.add(handle)).as("handle %d handed out twice (%s)", handle, step).isTrue();
            if (session) {
                sessionKeys.get(slot).put(handle, id);
            } else {
                tokens.put(handle, new TokenKey(userId(slot), id));
            }
        }
    }

    private void delete(Step step) {
        int slot = step.slot();
        List<Long> deletable = new ArrayList<>(sessionKeys.get(slot).keySet());
        tokens.forEach((h, k) -> {
            if (k.owner() == userId(slot)) {
                deletable.add(h);
            }
        });
        if (deletable.isEmpty()) {
            return;
        }
        deletable.sort(Comparator.naturalOrder());
        long handle = deletable.get(step.pick() % deletable.size());
        assertThat(sessions[slot].deleteKey(handle).code()).as("%s on %d", step, handle).isEqualTo(ReturnCode.SUCCESS);
        tokens.remove(handle);
        sessionKeys.get(slot).remove(handle);
    }

    /** {@code setAttribute -o H -a 1 -v 1}: the session key becomes a token key with the same handle. */
    private void promote(Step step) {
        int slot = step.slot();
        List<Long> candidates = new ArrayList<>(new TreeSet<>(sessionKeys.get(slot).keySet()));
        if (candidates.isEmpty()) {
            return;
        }
        long handle = candidates.get(step.pick() % candidates.size());
        String id = sessionKeys.get(slot).get(handle);
        boolean taken = !id.isEmpty() && tokenIds().contains(id);
        assertThat(sessions[slot].setAttribute(handle, Attribute.TOKEN, 1, null).code()).as("%s on %d", step, handle)
                .isEqualTo(taken ? ReturnCode.DUPLICATE_KEY_ID : ReturnCode.SUCCESS);
        if (!taken) {
            sessionKeys.get(slot).remove(handle);
            tokens.put(handle, new TokenKey(userId(slot), id));
        }
    }

    /** What every session lists equals the model: its own session keys and its user's token keys. */
    void assertStoreMatchesModel() {
        List<String> liveTokenIds = new ArrayList<>();
        for (int slot = 0; slot < SLOTS; slot++) {
            int me = userId(slot);
            List<KeySummary> listed = sessions[slot].listKeys().value();
            Set<Long> ownTokens = listed.stream().filter(k -> k.token() && k.ownerId() == me).map(KeySummary::handle)
                    .collect(Collectors.toSet());
            Set<Long> ownSessionKeys = listed.stream().filter(k -> !k.token()).map(KeySummary::handle)
                    .collect(Collectors.toSet());
            assertThat(ownSessionKeys).as("session keys of slot %d", slot).isEqualTo(sessionKeys.get(slot).keySet());
            assertThat(ownTokens).as("token keys of %s", users[slot]).isEqualTo(tokens.entrySet().stream()
                    .filter(e -> e.getValue().owner() == me).map(Map.Entry::getKey).collect(Collectors.toSet()));
            if (slot < 2) {
                listed.stream().filter(k -> k.token() && k.ownerId() == me && !k.id().isEmpty())
                        .forEach(k -> liveTokenIds.add(k.id()));
            }
        }
        assertThat(liveTokenIds).as("IDs of the token keys in the store").doesNotHaveDuplicates();
        assertThat(connections[0].info().tokenKeyCount()).isEqualTo(tokens.size());
    }

    private Set<String> tokenIds() {
        return tokens.values().stream().map(TokenKey::id).filter(id -> !id.isEmpty()).collect(Collectors.toSet());
    }

    private int userId(int slot) {
        return sessions[slot].user().id();
    }

    @Override
    public void close() {
        for (HsmSession s : sessions) {
            s.close();
        }
    }
}
