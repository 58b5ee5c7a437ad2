package io.hsmconsole.shell.cmu;

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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8 and 20, fuzzing: random and mutated command lines typed into cloudhsm_mgmt_util
 * (in-process, through its console), logged in as nobody, a crypto user or a crypto officer. Every
 * answer must be one the tool documents ({@link ShellVerdict#cmu}): a wrong number of arguments
 * or an unknown command is a usage error (exit 2, the help text or the command list, no server
 * asked); a refusal is exit 1 with a text of docs/return-codes.md or one of {@link #TOOL_ERRORS};
 * a success is exit 0 with the per-server answers or the command's report.
 */
class CmuShellFuzzTest {
    private static final Map<String, CmuCommand> COMMANDS = CmuShell.commands();
    /** Commands that answer with a report (reference §10: listUsers, info, getHSMInfo, listAttributes). */
    private static final Set<String> INFORMATIONAL = Set.of("listUsers", "info", "getHSMInfo", "listAttributes",
            "listTokens", "getMValue");
    private static final String LISTING = "Help Commands Available:";
    /** The errors cloudhsm_mgmt_util reports itself: each was read and found right for its input. */
    static final List<Pattern> TOOL_ERRORS = Stream.of(
            // An input file that is not there (token, approval, registration token files): named, with the reason.
            "(?m)^\\w+ failed: cannot read the [\\w ]*file .+: (no such file|permission denied|it is a folder, not a file"
                    + "|it holds more than \\d+ bytes, more than any file a command reads)$",
            // An input file that is there but is not a token or approval file (another command's output):
            // the file, the line and what was expected there.
            "(?m)^\\w+ failed: .+: line \\d+: expected .+, found .+$",
            "(?m)^\\w+ failed: cannot write .+: .+$",
            "(?m)^Error: '.*' cannot be used as a file name: .+$",
            "(?m)^.+ is not a token of this session\\. Tokens live in the session that ran getToken",
            // getToken's user name must be the session's own (a usage error, with the help text).
            "(?m)^getToken failed: .* is not the logged-in user \\(\\w+\\); a token belongs to the session that asks for it$",
            // loginHSM while a session is open: refused before the HSM.
            "(?m)^loginHSM failed: a user is already logged in; run logoutHSM first$",
            // A crypto officers' quorum needed and not given: the pages' name for it (CmuText), not a code.
            "(?m)^\\w+ failed: RET_MXN_AUTH_FAILED$",
            // -2fa (on the pages' syntax) is refused truthfully; anything else after the password is a usage error.
            "(?m)^(loginHSM|createUser|changePswd) failed: -2fa is not simulated: .+$",
            "(?m)^(loginHSM|createUser|changePswd) failed: after the password only -2fa </path/to/authdata> may follow$")
            .map(Pattern::compile).toList();

    /** Who is logged in before the input (when nobody is, or someone else, the HSM decides). */
    enum Login { AS_IS, CRYPTO_USER, OFFICER, NOBODY }

    @Test
    void everyLineGetsADocumentedAnswer() {
        Gen<String> lines = lines();
        Gen<List<String>> answers = Gen.<String>frequency(
                Gen.weight(4, Gen.of("y", "n", "Y", "yes", "", "R", "I", "A", "new_pwd_123")),
                Gen.weight(1, FuzzLines.randomText())).list(0, 4);
        Gen<Login> logins = Gen.frequency(Gen.weight(6, Gen.just(Login.AS_IS)), Gen.weight(2, Gen.just(Login.CRYPTO_USER)),
                Gen.weight(2, Gen.just(Login.OFFICER)), Gen.weight(1, Gen.just(Login.NOBODY)));
        try (FuzzCluster world = new FuzzCluster()) {
            FuzzConsole console = new FuzzConsole();
            CmuShell shell = new CmuShell(world.cluster, console, world.workDir, world.clock);
            Trials.run(Scale.cases(6_000), random -> {
                String line = lines.next(random);
                List<String> prompts = answers.next(random);
                Login login = logins.next(random);
                prepare(world, console, shell, login);
                console.nextInput(prompts);
                world.clock.nextInput();
                List<String> tokens = Tokens.split(line);
                ExitStatus status = shell.execute(tokens);
                assertThat(ShellVerdict.cmu(answer(tokens, status, console.outputOfInput())))
                        .as("the answer to %s (as %s, prompts answered %s)", line, login, prompts).isEmpty();
            });
        }
    }

    private static ShellVerdict.Answer answer(List<String> tokens, ExitStatus status, String output) {
        String name = named(tokens.get(0));
        List<String> args = tokens.subList(1, tokens.size());
        if (name.equals("help")) {
            // "help <command>" is that command's syntax; help with anything else is the command list.
            CmuCommand asked = args.size() == 1 ? COMMANDS.get(named(args.get(0))) : null;
            return new ShellVerdict.Answer(String.join(" ", tokens), status, output,
                    asked == null ? null : asked.help(), LISTING, false, true, true, TOOL_ERRORS);
        }
        CmuCommand command = COMMANDS.get(name);
        boolean helpAsked = command != null && args.equals(List.of("-h"));
        boolean fits = command != null && args.size() >= command.minArgs() && args.size() <= command.maxArgs();
        return new ShellVerdict.Answer(String.join(" ", tokens), status, output, command == null ? null : command.help(),
                LISTING, INFORMATIONAL.contains(name), helpAsked, fits, TOOL_ERRORS);
    }

    /**
     * The name a typed word stands for, written here again rather than asked of the shell
     * (cloudhsm_mgmt_util-reference.md): a whole name, or the start of exactly one name.
     */
    private static String named(String typed) {
        List<String> names = new ArrayList<>(COMMANDS.keySet());
        names.addAll(List.of("help", "quit"));
        if (names.contains(typed)) {
            return typed;
        }
        List<String> starts = names.stream().filter(n -> n.startsWith(typed)).toList();
        return starts.size() == 1 ? starts.get(0) : typed;
    }

    private static void prepare(FuzzCluster world, FuzzConsole console, CmuShell shell, Login login) {
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

    private static Gen<String> lines() {
        List<String> corpus = FuzzCorpus.lines(FuzzCorpus.CMU);
        List<String> words = new ArrayList<>(CmuShell.completions().keySet());
        words.addAll(List.of("-h", "-hpswd", "CU", "CO", "PCO", "AU", "PRECO", "example_user", "alice", "officer1",
                "admin", "example_pwd", "officer1_pwd", "0", "1", "3", "134", "512", "server"));
        return FuzzLines.lines(corpus, FuzzLines.dictionary(corpus, words), Set.of("quit"));
    }
}
