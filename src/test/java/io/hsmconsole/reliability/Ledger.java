package io.hsmconsole.reliability;

import io.hsmconsole.hsm.ReturnCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * What the concurrency test's actors did, as they saw it: every key made (a handle reported twice
 * is an error), who it is shared with, which were deleted; the refusals by code, and the errors.
 * Only a key's owner changes it (deletes it, shares it), so its own view of its keys is exact.
 */
final class Ledger {
    /** The HSM refusals this test expects, and why (anything else is an error). */
    static final Map<ReturnCode, String> EXPECTED_REFUSALS = Map.of(
            ReturnCode.DUPLICATE_KEY_ID, "two actors raced for the same key ID (20 IDs are shared on purpose)",
            ReturnCode.INVALID_HANDLE, "the key was deleted by its owner, or is not (or no longer) shared with this user",
            ReturnCode.KEY_ACCESS_DENIED, "deleting a key that is shared with this user but owned by another");

    record Key(long handle, int owner, boolean token, String label, Set<Integer> sharedWith) {
    }

    private final Map<Long, Key> keys = new ConcurrentHashMap<>();
    private final Set<Long> deleted = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();

    void made(Key key, String who) {
        Key earlier = keys.putIfAbsent(key.handle(), key);
        if (earlier != null) {
            error(who + ": handle " + key.handle() + " reported again (first: " + earlier + ")");
        }
    }

    void sharedWith(long handle, Set<Integer> users) {
        keys.computeIfPresent(handle, (h, k) -> new Key(h, k.owner(), k.token(), k.label(), Set.copyOf(users)));
    }

    void deleted(long handle) {
        deleted.add(handle);
    }

    boolean isDeleted(long handle) {
        return deleted.contains(handle);
    }

    Key key(long handle) {
        return keys.get(handle);
    }

    /** Any key made so far (by anyone), or null before the first. */
    Key any(Random random) {
        List<Key> all = new ArrayList<>(keys.values());
        return all.isEmpty() ? null : all.get(random.nextInt(all.size()));
    }

    /** One of {@code owner}'s token keys that is not deleted, or null. */
    Key ownLiveTokenKey(int owner, Random random) {
        List<Key> own = keys.values().stream().filter(k -> k.owner() == owner && k.token() && !deleted.contains(k.handle()))
                .toList();
        return own.isEmpty() ? null : own.get(random.nextInt(own.size()));
    }

    /** The token keys {@code user} may see now: owned or shared, not deleted. */
    Set<Long> visibleTokenKeys(int user) {
        return keys.values().stream().filter(k -> k.token() && !deleted.contains(k.handle())
                        && (k.owner() == user || k.sharedWith().contains(user)))
                .map(Key::handle).collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Counts an answer; a code outside {@code allowed} is an error. */
    void answer(String who, String command, ReturnCode code, Set<ReturnCode> allowed) {
        outcomes.computeIfAbsent(code.name(), c -> new AtomicInteger()).incrementAndGet();
        if (!allowed.contains(code)) {
            error(who + ": `" + command + "` answered " + code + ", expected one of " + allowed);
        }
    }

    void error(String what) {
        errors.add(what);
    }

    List<String> errors() {
        return List.copyOf(errors);
    }

    int madeCount() {
        return keys.size();
    }

    int deletedCount() {
        return deleted.size();
    }

    Map<String, Integer> outcomes() {
        Map<String, Integer> copy = new TreeMap<>();
        outcomes.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }
}
