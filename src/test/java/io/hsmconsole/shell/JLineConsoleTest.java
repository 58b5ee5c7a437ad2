package io.hsmconsole.shell;

import io.hsmconsole.shell.cli.CliShell;
import io.hsmconsole.shell.kmu.KmuShell;
import org.jline.reader.Candidate;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interactive shells' JLine parts at a terminal: Tab completes CloudHSM CLI's groups, commands
 * and options (and KMU's commands), and a line that may carry a password is never kept in history.
 */
class JLineConsoleTest {
    private static List<String> complete(java.util.Map<String, java.util.Set<String>> table, String typed) {
        List<Candidate> candidates = new ArrayList<>();
        JLineConsole.completer(table).complete(null, new DefaultParser().parse(typed, typed.length()), candidates);
        return candidates.stream().map(Candidate::value).toList();
    }

    @Test
    void tabCompletesTheCliSGroupsCommandsAndOptions() {
        assertThat(complete(CliShell.completions(), "ke")).contains("key", "quorum", "user", "cluster", "crypto", "login",
                "logout", "help", "quit");
        assertThat(complete(CliShell.completions(), "key gen")).contains("generate-symmetric", "generate-asymmetric-pair",
                "list", "share", "wrap", "unwrap", "aes", "--label", "--key-length-bytes", "--filter");
        assertThat(complete(CliShell.completions(), "user c")).contains("list", "create", "change-password", "--username");
        assertThat(complete(KmuShell.completions(), "gen")).contains("genSymKey", "findKey", "loginHSM");
    }

    @Test
    void linesWithAPasswordAreNotKeptInHistory() throws Exception {
        try (Terminal terminal = TerminalBuilder.builder().dumb(true).streams(new ByteArrayInputStream(new byte[0]),
                new ByteArrayOutputStream()).build()) {
            LineReader reader = LineReaderBuilder.builder().terminal(terminal)
                    .variable(LineReader.HISTORY_IGNORE, JLineConsole.HISTORY_IGNORE).build();
            reader.getHistory().attach(reader); // as readLine does before it adds a line
            for (String line : List.of("login --username alice --role crypto-user --password alice_pwd", "key list",
                    "user create --username bob --role crypto-user --password=bob_pwd", "loginHSM -u CU -s alice -p alice_pwd",
                    "findKey -l aes")) {
                reader.getHistory().add(line);
            }
            List<String> kept = StreamSupport.stream(reader.getHistory().spliterator(), false)
                    .map(org.jline.reader.History.Entry::line).toList();
            assertThat(kept).containsExactly("key list", "findKey -l aes");
        }
    }
}
