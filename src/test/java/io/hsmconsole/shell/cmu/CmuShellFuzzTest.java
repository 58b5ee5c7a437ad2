package io.hsmconsole.shell.cmu;

import io.hsmconsole.reliability.Scale;
import io.hsmconsole.shell.Tokens;
import io.hsmconsole.shell.fuzz.FuzzCluster;
import io.hsmconsole.shell.fuzz.FuzzConsole;
import io.hsmconsole.shell.fuzz.FuzzCorpus;
import io.hsmconsole.shell.fuzz.FuzzLines;
import io.hsmconsole.shell.fuzz.ShellVerdict;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, fuzzing: random and mutated command lines typed into cloudhsm_mgmt_util (in-process,
 * through its console), logged in as nobody, a crypto user or a crypto officer. Every input must
 * end without an uncaught exception and get an answer: the command's help, the command list, an
 * error, or the per-server answers of the HSM ({@link ShellVerdict#cmu}).
 */
class CmuShellFuzzTest {
    /** Commands that answer with a report (reference §10: listUsers, info, getHSMInfo, listAttributes). */
    private static final Set<String> INFORMATIONAL = Set.of("listUsers", "info", "getHSMInfo", "listAttributes",
            "listTokens");

    private FuzzCluster world;
    private FuzzConsole console;
    private CmuShell shell;

    /** Who is logged in before the input (when nobody is, or someone else, the HSM decides). */
    enum Login { AS_IS, CRYPTO_USER, OFFICER, NOBODY }

    @BeforeProperty
    void openCluster() {
        world = new FuzzCluster();
        console = new FuzzConsole();
        shell = new CmuShell(world.cluster, console, world.workDir, world.clock);
    }

    @AfterProperty
    void closeCluster() {
        world.close();
    }

    @Property(tries = 6_000, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(Scale.Tries.class)
    void everyLineGetsItsHelpAnErrorOrThePerServerAnswers(@ForAll("lines") String line,
                                                          @ForAll("answers") List<String> answers,
                                                          @ForAll("logins") Login login) {
        prepare(login);
        console.nextInput(answers);
        world.clock.nextInput();
        List<String> tokens = Tokens.split(line);
        shell.execute(tokens);
        assertThat(ShellVerdict.cmu(console.outputOfInput(), INFORMATIONAL.contains(tokens.get(0))))
                .as("the answer to %s", line).isEmpty();
    }

    private void prepare(Login login) {
        console.nextInput(List.of());
        world.clock.nextInput();
        switch (login) {
            case AS_IS -> { }
            case NOBODY -> shell.execute(List.of("logoutHSM"));
            case CRYPTO_USER, OFFICER -> {
                String user = login == Login.OFFICER ? FuzzCluster.CO : FuzzCluster.CU;
                shell.execute(List.of("logoutHSM"));
                shell.execute(List.of("loginHSM", login == Login.OFFICER ? "CO" : "CU", user,
                        new String(FuzzCluster.password(user))));
            }
        }
    }

    @Provide
    Arbitrary<String> lines() {
        List<String> corpus = FuzzCorpus.lines(FuzzCorpus.CMU);
        List<String> words = new ArrayList<>(CmuShell.completions().keySet());
        words.addAll(List.of("-h", "-hpswd", "CU", "CO", "PCO", "AU", "PRECO", "example_user", "alice", "officer1",
                "admin", "example_pwd", "officer1_pwd", "0", "1", "3", "134", "512", "server"));
        return FuzzLines.lines(corpus, FuzzLines.dictionary(corpus, words), Set.of("quit"));
    }

    @Provide
    Arbitrary<List<String>> answers() {
        return Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.of("y", "n", "Y", "yes", "", "R", "I", "A", "new_pwd_123")),
                Tuple.of(1, FuzzLines.randomText())).list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<Login> logins() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(Login.AS_IS)),
                Tuple.of(2, Arbitraries.just(Login.CRYPTO_USER)), Tuple.of(2, Arbitraries.just(Login.OFFICER)),
                Tuple.of(1, Arbitraries.just(Login.NOBODY)));
    }
}
