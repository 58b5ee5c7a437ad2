package io.hsmconsole.hsm;


import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many right passwords of one crypto user at once, spread over open clusters of one store (as a CI
 * fleet's processes or machines have them): none may be refused. Each round starts after one wrong
 * password, so that no login is answered from {@link RememberedLogins} and each takes the counted
 * path, with a failure already counted.
 */
public final class SimultaneousLogins {
    private SimultaneousLogins() {
    }

    /** {@code rounds} rounds of {@code logins} simultaneous right logins of bob; asserts every one got in. */
    public static void assertAllGetIn(List<HsmCluster> processes, int logins, int rounds) throws Exception {
        for (int round = 0; round < rounds; round++) {
            assertThat(login(processes.get(0), "not_bobs_pwd")).isEqualTo(ReturnCode.LOGIN_FAILURE);
            assertThat(race(processes, Collections.nCopies(logins, "bob_pwd")))
                    .as("round %d: %d right passwords at once", round, logins).containsOnly(ReturnCode.SUCCESS);
        }
    }

    /** Logins as bob with the given passwords, all at once from as many threads, spread over the processes. */
    public static List<ReturnCode> race(List<HsmCluster> processes, List<String> passwords) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(passwords.size());
        try {
            CyclicBarrier start = new CyclicBarrier(passwords.size());
            List<Future<ReturnCode>> attempts = new ArrayList<>();
            for (int i = 0; i < passwords.size(); i++) {
                HsmCluster process = processes.get(i % processes.size());
                String password = passwords.get(i);
                attempts.add(pool.submit(ConcurrentLoginTest.after(start, () -> login(process, password))));
            }
            List<ReturnCode> outcomes = new ArrayList<>();
            for (Future<ReturnCode> f : attempts) {
                outcomes.add(f.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static ReturnCode login(HsmCluster cluster, String password) {
        return ConcurrentLoginTest.login(cluster, "bob", password);
    }
}
