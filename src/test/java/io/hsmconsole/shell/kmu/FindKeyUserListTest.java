package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.ReturnCode;
import io.hsmconsole.hsm.user.Credentials;
import io.hsmconsole.shell.Tokens;
import io.hsmconsole.shell.fuzz.FuzzCluster;
import io.hsmconsole.shell.fuzz.FuzzConsole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, case 12: {@code findKey -u 1,…,10000} said "cannot read the cluster store …
 * SQLITE_TOOBIG" about a healthy store. A list longer than a cluster can have users is now refused
 * by the HSM, saying so; any list up to that bound is answered.
 */
class FindKeyUserListTest {
    private final FuzzCluster world = new FuzzCluster();
    private final FuzzConsole console = new FuzzConsole();
    private KmuShell shell;

    @BeforeEach
    void login() {
        shell = new KmuShell(world.cluster, console, world.workDir, world.clock);
        run("loginHSM -u CU -s " + FuzzCluster.CU + " -p " + new String(FuzzCluster.password(FuzzCluster.CU)));
        run("genSymKey -t 31 -s 16 -l mine");
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void tenThousandUserIdsAreRefusedAsTooMany() {
        String output = run("findKey -u " + ids(10_000));
        assertThat(output).contains(ReturnCode.TOO_MANY_USERS.text()).contains("at most " + Credentials.MAX_USERS)
                .doesNotContain("SQLITE").doesNotContain("cannot read the cluster store");
    }

    @Test
    void aListAsLongAsAClusterCanHaveUsersIsAnswered() {
        int me = world.cluster.users().stream().filter(u -> u.name().equals(FuzzCluster.CU)).findFirst().orElseThrow().id();
        assertThat(run("findKey -u " + ids(Credentials.MAX_USERS))).as("keys every one of 1..1024 can use")
                .contains("Total number of keys present 0").doesNotContain("HSM Error");
        assertThat(run("findKey -u " + me + "," + me)).as("a repeated ID counts once")
                .contains("Total number of keys present 1");
    }

    private static String ids(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(String::valueOf).collect(Collectors.joining(","));
    }

    private String run(String line) {
        console.nextInput(List.of());
        shell.execute(Tokens.split(line));
        return console.outputOfInput();
    }
}
