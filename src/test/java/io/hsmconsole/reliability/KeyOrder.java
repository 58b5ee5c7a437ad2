package io.hsmconsole.reliability;

import io.hsmconsole.hsm.key.GenSymKeyRequest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * One key to generate, as a crash or concurrency harness asks for it: its genSymKey line for
 * key_mgmt_util, its request for the console's controller, and a one-line encoding a child process
 * prints back when it reports the key. The label is unique, so an acknowledgement names its order.
 */
public record KeyOrder(String label, int type, int size, String id, boolean nonExtractable, boolean session,
                       List<Integer> shareWith, int mValue, Integer minServers, Integer timeoutSeconds) {

    /** Key types and sizes like a user's (AES most of the time), every option now and then. */
    public static KeyOrder random(Random random, String label, boolean withId) {
        int pick = random.nextInt(20);
        int type;
        int size;
        if (pick < 12) {
            type = 31;
            size = new int[]{16, 24, 32}[random.nextInt(3)];
        } else if (pick < 15) {
            type = 21;
            size = 24;
        } else if (pick < 18) {
            type = 16;
            size = 1 + random.nextInt(3583);
        } else {
            type = 18;
            size = 1 + random.nextInt(256);
        }
        boolean session = random.nextInt(7) == 0;
        List<Integer> users = new ArrayList<>();
        if (!session && random.nextInt(5) == 0) {
            users.add(4);
            if (random.nextBoolean()) {
                users.add(5);
            }
        }
        int m = !users.isEmpty() && random.nextInt(3) == 0 ? 2 : 0;
        boolean waits = random.nextInt(7) == 0;
        return new KeyOrder(label, type, size, withId && random.nextInt(5) == 0 ? label + "-id" : "",
                random.nextInt(5) == 0, session, List.copyOf(users), m, waits ? 2 : null, waits ? 30 : null);
    }

    public String kmuLine() {
        StringBuilder b = new StringBuilder("genSymKey -t " + type + " -s " + size + " -l " + label);
        if (!id.isEmpty()) {
            b.append(" -id ").append(id);
        }
        if (nonExtractable) {
            b.append(" -nex");
        }
        if (session) {
            b.append(" -sess");
        }
        if (!shareWith.isEmpty()) {
            b.append(" -u ").append(shareWith.stream().map(String::valueOf).collect(Collectors.joining(",")));
        }
        if (mValue > 0) {
            b.append(" -m_value ").append(mValue);
        }
        if (minServers != null) {
            b.append(" -min_srv ").append(minServers).append(" -timeout ").append(timeoutSeconds);
        }
        return b.toString();
    }

    public GenSymKeyRequest request() {
        return new GenSymKeyRequest(type, size, label, id, nonExtractable, session, shareWith, mValue, minServers,
                timeoutSeconds, false);
    }

    /** {@code label|type|size|id|nex|sess|users|m|minSrv|timeout}, with {@code -} for none. */
    public String encode() {
        return String.join("|", label, String.valueOf(type), String.valueOf(size), id.isEmpty() ? "-" : id,
                String.valueOf(nonExtractable), String.valueOf(session),
                shareWith.isEmpty() ? "-" : shareWith.stream().map(String::valueOf).collect(Collectors.joining(",")),
                String.valueOf(mValue), minServers == null ? "-" : String.valueOf(minServers),
                timeoutSeconds == null ? "-" : String.valueOf(timeoutSeconds));
    }

    public static KeyOrder decode(String text) {
        String[] f = text.split("\\|");
        return new KeyOrder(f[0], Integer.parseInt(f[1]), Integer.parseInt(f[2]), f[3].equals("-") ? "" : f[3],
                Boolean.parseBoolean(f[4]), Boolean.parseBoolean(f[5]),
                f[6].equals("-") ? List.of() : Arrays.stream(f[6].split(",")).map(Integer::valueOf).toList(),
                Integer.parseInt(f[7]), f[8].equals("-") ? null : Integer.valueOf(f[8]),
                f[9].equals("-") ? null : Integer.valueOf(f[9]));
    }
}
