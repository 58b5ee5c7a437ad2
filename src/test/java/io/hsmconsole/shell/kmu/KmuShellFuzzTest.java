package io.hsmconsole.shell.kmu;

import io.hsmconsole.property.Gen;
import io.hsmconsole.property.Trials;
import io.hsmconsole.reliability.Scale;
import io.hsmconsole.shell.ExitStatus;
import io.hsmconsole.shell.Tokens;
import io.hsmconsole.shell.fuzz.FuzzCluster;
import io.hsmconsole.shell.fuzz.FuzzConsole;
import io.hsmconsole.shell.fuzz.FuzzCorpus;
import io.hsmconsole.shell.fuzz.FuzzLines;
import io.hsmconsole.shell.fuzz.ShellVerdict;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8 and 20, fuzzing: random and mutated command lines typed into key_mgmt_util (in-process,
 * through its {@link io.hsmconsole.shell.Console}) on one cluster per property. Every answer must
 * be one the tool documents ({@link ShellVerdict#kmu}): a line whose options break the command's
 * grammar is a usage error (exit 2, the command's help text, the HSM not asked); an HSM refusal is
 * exit 1 with a code and text of docs/return-codes.md; a tool error is exit 1 with one of
 * {@link #TOOL_ERRORS}; a success is exit 0 with the HSM's SUCCESS or the command's report.
 */
class KmuShellFuzzTest {
    private static final Map<String, KmuCommand> COMMANDS = KmuCommands.all();
    /** Commands whose answer is a report rather than an HSM result (reference §1, §5.2, Error2String). */
    private static final Set<String> INFORMATIONAL = Set.of("loginStatus", "listAttributes", "Error2String", "getHSMInfo",
            "getPartitionInfo", "listTokens", "listUsers",
            // key_mgmt_util-IsValidKeyHandlefile.md: it reads the file on the host and reports, the HSM not asked
            "IsValidKeyHandlefile");
    /** The errors key_mgmt_util reports itself (exit 1, no HSM code): each was read and found right for its input. */
    static final List<Pattern> TOOL_ERRORS = Stream.of(
            // An input file that is not there (-f, -tf, -af, -i …): named, with the reason.
            "(?m)^\\s*Error: cannot (read|write) the ([\\w ]+ )?file .+: (no such file|permission denied)$",
            // A folder, or a device or file larger than any a command reads (-f /dev/zero), named as an input file.
            "(?m)^\\s*Error: cannot read the (\\w+ )?file .+: (it is a folder, not a file|it holds more than \\d+ bytes, more than any file a command reads)$",
            // A name the file system cannot take (a NUL character): the reason is the JDK's.
            "(?m)^\\s*Error: '.*' cannot be used as a file name: .+$",
            // Input files that are there but are not what the command reads.
            "(?m)^\\s*Error: .+ has no wrapped-key header; if it holds the ciphertext only, give -noheader with -l, -kc and -kt\\.$",
            "(?m)^\\s*Error: .+ holds \\d+ bytes; aesWrapUnwrap (wraps files of less than \\d+ bytes"
                    + "|unwraps files of at most \\d+ bytes \\(a wrapped file of less than \\d+ bytes\\))\\.$",
            "(?m)^\\s*Error: .+ is not a token of this session\\. Tokens live in the session that ran getToken",
            // Commands of the real tool the simulator does not have yet (asymmetric keys, masked objects).
            "(?m)^\\s*Error: \\w+ is not available yet in this simulator: the simulator makes AES, 3DES, RC4, generic"
                    + " secret, RSA, DSA and EC keys; this command is not offered yet\\.$",
            // Key-pair files that are not PEM keys of the kind the command takes, a modulus file that is not hex.
            "(?m)^\\s*Invalid file\\. Should be an? (unencrypted )?PEM (public|private) key .+$",
            "(?m)^\\s*Error: the modulus file \\(-m\\) .+ must hold an RSA modulus in hex .+$",
            "(?m)^\\s*Error: \\w+MaskedObject is not available yet in this simulator: a masked object is sealed with a key"
                    + " that only its cluster and that cluster's clones hold, .+ for a whole cluster\\.$",
            // getToken -u names another user than the session's: the token would belong to nobody here.
            "(?m)^\\s*Error: -u must name the logged-in user \\(\\w+\\): a token belongs to the session that asks for it\\.$",
            // setAttribute's prompt for the value met the end of input.
            "(?m)^\\s*Error: no value was entered\\.$",
            // loginHSM while a session is open: the tool refuses before asking the HSM.
            "(?m)^\\s*Error: A user is already logged in; run logoutHSM first\\.$",
            // Error2String -r with a code that is not one of docs/return-codes.md.
            "(?m)^\\s*Error Code [0-9a-f]+ is not a code this simulator knows$")
            .map(Pattern::compile).toList();
    private static final String RELOGIN = "loginHSM -u CU -s " + FuzzCluster.CU + " -p "
            + new String(FuzzCluster.password(FuzzCluster.CU));

    private static final String SINGLECMD_ECHO = "Command:";
    private static final String UNKNOWN_ARGUMENTS = "Error: Unknown commandline arguments.";

    private final Gen<String> lines = lines();
    private final Gen<List<String>> answers = answers();

    @Test
    void everyLineGetsADocumentedAnswer() {
        try (FuzzCluster world = new FuzzCluster()) {
            FuzzConsole console = new FuzzConsole();
            KmuShell shell = new KmuShell(world.cluster, console, world.workDir, world.clock);
            Trials.run(Scale.cases(10_000), random -> {
                String line = lines.next(random);
                List<String> prompts = answers.next(random);
                if (random.nextBoolean()) {
                    console.nextInput(List.of());
                    world.clock.nextInput();
                    shell.execute(Tokens.split(RELOGIN)); // "already logged in" while a session is open
                }
                console.nextInput(prompts);
                world.clock.nextInput();
                List<String> tokens = Tokens.split(line);
                ExitStatus status = shell.execute(tokens);
                assertThat(ShellVerdict.kmu(answer(tokens, status, console.outputOfInput())))
                        .as("the answer to %s (prompts answered %s)", line, prompts).isEmpty();
            });
        }
    }

    /**
     * The tool's modes (reference §0): singlecmd, scriptfile, simulate, audit and anything else. A
     * singlecmd's command is judged as a typed line (after its login, if any); every other start
     * line must answer without a stack trace, and exit 2 only with the usage or help text it needs.
     */
    @Test
    void everyStartLineGetsAnAnswer() {
        Gen<List<String>> modes = modes();
        Gen<List<String>> scripts = scripts();
        try (FuzzCluster world = new FuzzCluster()) {
            FuzzConsole console = new FuzzConsole();
            Trials.run(Scale.cases(1_000), random -> {
                List<String> args = modes.next(random);
                List<String> script = scripts.next(random);
                List<String> prompts = answers.next(random);
                Files.write(world.workDir.resolve("script.txt"), script, StandardCharsets.UTF_8);
                console.nextInput(prompts);
                world.clock.nextInput();
                ExitStatus status = new KmuShell(world.cluster, console, world.workDir, world.clock).run(args);
                String output = console.outputOfInput();
                List<String> command = singleCommand(args);
                if (command != null) {
                    // "singlecmd loginHSM … (7 tokens, 8 with -2fa) command": a failed login ends the run
                    // before the command's "Command: …" echo; after the echo comes the command's own answer.
                    int echo = output.indexOf(SINGLECMD_ECHO);
                    int login = command.size() > 7 && command.get(0).equals("loginHSM")
                            ? (command.subList(0, 8).contains("-2fa") ? 8 : 7) : 0;
                    List<String> judged = echo < 0 ? command.subList(0, login) : command.subList(login, command.size());
                    String answer = echo < 0 ? output : output.substring(output.indexOf('\n', echo) + 1);
                    assertThat(ShellVerdict.kmu(answer(judged, status, answer)))
                            .as("the answer to key_mgmt_util %s", args).isEmpty();
                    return;
                }
                boolean nothingToAnswer = args.equals(List.of("scriptfile", "script.txt"))
                        && script.stream().allMatch(String::isBlank);
                if (!nothingToAnswer) {
                    assertThat(output).as("the answer to key_mgmt_util %s", args).isNotBlank();
                }
                assertThat(ShellVerdict.stackTrace(output)).as("the answer to key_mgmt_util %s", args).isEmpty();
                if (status == ExitStatus.USAGE && !args.contains("scriptfile")) {
                    // Interactive mode (no mode, or Cfm3Util alone) exits with its last command's status.
                    assertThat(output).as("the usage error of key_mgmt_util %s", args)
                            .containsAnyOf(UNKNOWN_ARGUMENTS, "\nDescription\n===========\n", HelpListing.text());
                }
            });
        }
    }

    /** What a {@code singlecmd} start line runs (an optional login, then a command); null for other modes. */
    private static List<String> singleCommand(List<String> args) {
        List<String> mode = !args.isEmpty() && args.get(0).equals("Cfm3Util") ? args.subList(1, args.size()) : args;
        if (mode.size() < 2 || !mode.get(0).equals("singlecmd") || mode.get(1).equals("exit")) {
            return null;
        }
        return mode.subList(1, mode.size());
    }

    private static ShellVerdict.Answer answer(List<String> tokens, ExitStatus status, String output) {
        String name = tokens.get(0);
        KmuCommand command = COMMANDS.get(name);
        List<String> args = tokens.subList(1, tokens.size());
        boolean helpAsked = command == null ? name.equals("help")
                : !command.options().acceptsAnything() && args.equals(List.of("-h"));
        return new ShellVerdict.Answer(String.join(" ", tokens), status, output,
                command == null ? null : command.help(), HelpListing.text(), INFORMATIONAL.contains(name), helpAsked,
                command != null && followsGrammar(command.options(), args), TOOL_ERRORS);
    }

    /**
     * The options grammar of KMU, written here again rather than asked of the shell: options in any
     * order, each at most once; a flag stands alone, any other option takes the next token as its
     * value. Anything else (an unknown option, a repeat, a missing value) is a usage error.
     */
    static boolean followsGrammar(OptionSpec spec, List<String> args) {
        if (spec.acceptsAnything()) {
            return true;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (!spec.names().contains(option) || !seen.add(option)) {
                return false;
            }
            if (!spec.flagNames().contains(option)) {
                if (i + 1 == args.size()) {
                    return false;
                }
                i++;
            }
        }
        return true;
    }

    private static Gen<String> lines() {
        List<String> corpus = FuzzCorpus.lines(FuzzCorpus.KMU);
        List<String> words = new ArrayList<>(COMMANDS.keySet());
        COMMANDS.values().forEach(c -> words.addAll(c.options().names()));
        words.addAll(List.of("help", "-h", "node", "offline", "online", "latency", "tamper", "restore", "add", "remove",
                "CU", "CO", "AU", "example_user", "alice", "bob", "example_pwd", "alice_pwd"));
        // "shell …" lines of a script run sh: none is generated (see scripts()).
        List<String> dictionary = FuzzLines.dictionary(corpus, words).stream().filter(w -> !w.equals("shell")).toList();
        return FuzzLines.lines(corpus, dictionary, Set.of("exit", "shell"));
    }

    private static Gen<List<String>> answers() {
        return Gen.<String>frequency(
                Gen.weight(3, Gen.of("y", "n", "0", "1", "2", "example_pwd", "passphrase123", "")),
                Gen.weight(1, FuzzLines.randomText())).list(0, 3);
    }

    private Gen<List<String>> modes() {
        Gen<List<String>> prefixes = Gen.of(List.of("singlecmd"),
                List.of("singlecmd", "loginHSM", "-u", "CU", "-s", FuzzCluster.CU, "-p",
                        new String(FuzzCluster.password(FuzzCluster.CU))),
                List.of("Cfm3Util", "singlecmd"));
        Gen<List<String>> singlecmd = r -> concat(prefixes.next(r), Tokens.split(lines.next(r)));
        Gen<List<String>> other = Gen.of(List.of("scriptfile", "script.txt"), List.of("scriptfile", "missing.txt"),
                List.of("scriptfile"), List.of("simulate"), List.of("audit"), List.of("audit", "verify"),
                List.of("audit", "export", "audit.csv"), List.of("audit", "-h"), List.of("simulate", "-h"), List.of("bogus"),
                List.of("singlecmd", "exit"), List.of("Cfm3Util"), List.of());
        Gen<List<String>> extra = FuzzLines.randomText().list(0, 3);
        Gen<List<String>> mutatedOther = r -> concat(other.next(r), extra.next(r));
        return Gen.frequency(Gen.weight(4, singlecmd), Gen.weight(3, other), Gen.weight(2, mutatedOther));
    }

    /** Script files: generated lines, comments, blank lines, exit; the only shell lines are harmless. */
    private Gen<List<String>> scripts() {
        Gen<String> scriptLine = Gen.frequency(Gen.weight(12, lines),
                Gen.weight(2, Gen.of("# a comment", "", "exit", RELOGIN)), Gen.weight(1, Gen.just("shell true")));
        return scriptLine.list(0, 5);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
