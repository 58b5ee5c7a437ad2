package io.hsmconsole.shell.kmu;

import io.hsmconsole.reliability.Scale;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.Tokens;
import io.hsmconsole.shell.fuzz.FuzzCluster;
import io.hsmconsole.shell.fuzz.FuzzConsole;
import io.hsmconsole.shell.fuzz.FuzzCorpus;
import io.hsmconsole.shell.fuzz.FuzzLines;
import io.hsmconsole.shell.fuzz.ShellVerdict;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, fuzzing: random and mutated command lines typed into key_mgmt_util (in-process, through
 * its {@link io.hsmconsole.shell.Console}) on one cluster per property. Every input must end without
 * an uncaught exception and get an answer: the command's help text (a usage error or {@code -h}),
 * the help listing (an unknown command), an error line, or an HSM result line
 * ({@code Cfm3… returned: 0x..}). {@link ShellVerdict} decides.
 */
class KmuShellFuzzTest {
    private static final Map<String, KmuCommand> COMMANDS = KmuCommands.all();
    /** Commands whose answer is a report rather than an HSM result (reference §1, §5.2, Error2String). */
    private static final Set<String> INFORMATIONAL = Set.of("loginStatus", "listAttributes", "Error2String", "getHSMInfo",
            "getPartitionInfo", "listTokens", "listUsers");
    private static final String RELOGIN = "loginHSM -u CU -s " + FuzzCluster.CU + " -p "
            + new String(FuzzCluster.password(FuzzCluster.CU));

    private FuzzCluster world;
    private FuzzConsole console;
    private KmuShell shell;

    @BeforeProperty
    void openCluster() {
        world = new FuzzCluster();
        console = new FuzzConsole();
        shell = new KmuShell(world.cluster, console, world.workDir, world.clock);
    }

    @AfterProperty
    void closeCluster() {
        world.close();
    }

    @Property(tries = 10_000, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(Scale.Tries.class)
    void everyLineGetsItsHelpAnErrorOrAnHsmAnswer(@ForAll("lines") String line, @ForAll("answers") List<String> answers,
                                                  @ForAll boolean logInFirst) {
        if (logInFirst) {
            console.nextInput(List.of());
            world.clock.nextInput();
            shell.execute(Tokens.split(RELOGIN)); // "already logged in" while a session is open
        }
        console.nextInput(answers);
        world.clock.nextInput();
        List<String> tokens = Tokens.split(line);
        shell.execute(tokens);
        String output = console.outputOfInput();
        KmuCommand command = COMMANDS.get(tokens.get(0));
        assertThat(ShellVerdict.kmu(output, command == null ? null : command.help(), HelpListing.text(),
                INFORMATIONAL.contains(tokens.get(0))))
                .as("the answer to %s", line).isEmpty();
    }

    /** The tool's modes (reference §0): singlecmd, scriptfile, simulate, audit and anything else. */
    @Property(tries = 1_000, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(Scale.Tries.class)
    void everyStartLineGetsAnAnswer(@ForAll("modes") List<String> args, @ForAll("scripts") List<String> script,
                                    @ForAll("answers") List<String> answers) throws IOException {
        Files.write(world.workDir.resolve("script.txt"), script, StandardCharsets.UTF_8);
        console.nextInput(answers);
        world.clock.nextInput();
        ExitStatus status = new KmuShell(world.cluster, console, world.workDir, world.clock).run(args);
        String output = console.outputOfInput();
        assertThat(status).isNotNull();
        boolean nothingToAnswer = args.equals(List.of("scriptfile", "script.txt")) && script.stream().allMatch(String::isBlank);
        if (!nothingToAnswer) {
            assertThat(output).as("the answer to key_mgmt_util %s", args).isNotBlank();
        }
        assertThat(ShellVerdict.stackTrace(output)).as("the answer to key_mgmt_util %s", args).isEmpty();
    }

    @Provide
    Arbitrary<String> lines() {
        List<String> corpus = FuzzCorpus.lines(FuzzCorpus.KMU);
        List<String> words = new ArrayList<>(COMMANDS.keySet());
        COMMANDS.values().forEach(c -> words.addAll(c.options().names()));
        words.addAll(List.of("help", "-h", "node", "offline", "online", "latency", "tamper", "restore", "add", "remove",
                "CU", "CO", "AU", "example_user", "alice", "bob", "example_pwd", "alice_pwd"));
        // "shell …" lines of a script run sh: none is generated (see scripts()).
        List<String> dictionary = FuzzLines.dictionary(corpus, words).stream().filter(w -> !w.equals("shell")).toList();
        return FuzzLines.lines(corpus, dictionary, Set.of("exit", "shell"));
    }

    @Provide
    Arbitrary<List<String>> answers() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("y", "n", "0", "1", "2", "example_pwd", "passphrase123", "")),
                Tuple.of(1, FuzzLines.randomText())).list().ofMaxSize(3);
    }

    @Provide
    Arbitrary<List<String>> modes() {
        Arbitrary<String> line = lines();
        Arbitrary<List<String>> prefixes = Arbitraries.of(List.of("singlecmd"),
                List.of("singlecmd", "loginHSM", "-u", "CU", "-s", FuzzCluster.CU, "-p",
                        new String(FuzzCluster.password(FuzzCluster.CU))),
                List.of("Cfm3Util", "singlecmd"));
        Arbitrary<List<String>> singlecmd = Combinators.combine(prefixes, line)
                .as((prefix, l) -> concat(prefix, Tokens.split(l)));
        Arbitrary<List<String>> other = Arbitraries.of(List.of("scriptfile", "script.txt"), List.of("scriptfile", "missing.txt"),
                List.of("scriptfile"), List.of("simulate"), List.of("audit"), List.of("audit", "verify"),
                List.of("audit", "export", "audit.csv"), List.of("audit", "-h"), List.of("simulate", "-h"), List.of("bogus"),
                List.of("singlecmd", "exit"), List.of("Cfm3Util"), List.of());
        Arbitrary<List<String>> mutatedOther = Combinators.combine(other, FuzzLines.randomText().list().ofMaxSize(3))
                .as(KmuShellFuzzTest::concat);
        return Arbitraries.frequencyOf(Tuple.of(4, singlecmd), Tuple.of(3, other), Tuple.of(2, mutatedOther));
    }

    /** Script files: generated lines, comments, blank lines, exit; the only shell lines are harmless. */
    @Provide
    Arbitrary<List<String>> scripts() {
        Arbitrary<String> scriptLine = Arbitraries.frequencyOf(Tuple.of(12, lines()),
                Tuple.of(2, Arbitraries.of("# a comment", "", "exit", RELOGIN)), Tuple.of(1, Arbitraries.of("shell true")));
        return scriptLine.list().ofMaxSize(5);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
