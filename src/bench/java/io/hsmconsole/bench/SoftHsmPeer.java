package io.hsmconsole.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The peer: SoftHSM2 through its PKCS#11 module, measured in process by {@code bench/peer/p11bench.c}
 * (compiled by bench/side-by-side.sh) and per process by OpenSC's {@code pkcs11-tool}. Each token
 * lives in its own token folder with its own configuration file, as SoftHSM2's tools expect.
 */
final class SoftHsmPeer {
    static final String TOKEN = "bench";
    private static final String PIN = "12345678";
    private static final String SO_PIN = "87654321";

    private final Path p11bench;
    private final Path module;

    SoftHsmPeer(Path p11bench, Path module) {
        this.p11bench = p11bench;
        this.module = module;
    }

    /** A SoftHSM2 token folder and the configuration file that points at it. */
    record Token(Path home) {
        Path tokenDir() {
            return home.resolve("tokens");
        }

        Map<String, String> env() {
            return Map.of("SOFTHSM2_CONF", home.resolve("softhsm2.conf").toString());
        }

        /**
         * The token whose folder is {@code home}/tokens, with a configuration file written for that
         * place (also after a copy of a token's home elsewhere). The file back-end is SoftHSM2's default.
         */
        static Token at(Path home) {
            try {
                Token token = new Token(home);
                Files.createDirectories(token.tokenDir());
                Files.writeString(home.resolve("softhsm2.conf"), "directories.tokendir = " + token.tokenDir()
                        + "\nobjectstore.backend = file\nlog.level = ERROR\n");
                return token;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A new, initialised, empty token in {@code home}. */
    Token newToken(Path home) {
        Token token = Token.at(home);
        Commands.output(List.of("softhsm2-util", "--init-token", "--free", "--label", TOKEN, "--so-pin", SO_PIN,
                "--pin", PIN), token.env());
        return token;
    }

    /** 4 KiB write + fsync per second in {@code dir}, one figure per iteration. */
    List<Double> fsyncRate(Path dir, int iterations, int seconds) {
        return Commands.numbers(Commands.output(List.of(p11bench.toString(), "fsync", dir.toString(),
                String.valueOf(iterations), String.valueOf(seconds)), Map.of()));
    }

    /**
     * Keys per second of C_GenerateKey (AES-256), token or session objects, one figure per iteration;
     * {@code sessions} sessions at once, one thread each (the keys of all of them counted).
     */
    List<Double> keygen(Token token, boolean durable, int sessions, int iterations, int seconds) {
        return inProcess(token, "keygen", durable ? "token" : "session", String.valueOf(iterations), String.valueOf(seconds),
                String.valueOf(sessions));
    }

    /** Token keys labelled {@code bench-<n>}, {@code from <= n < to}. */
    void populate(Token token, int from, int to) {
        inProcess(token, "populate", String.valueOf(from), String.valueOf(to));
    }

    /** Milliseconds per find by the label of a random one of {@code keys} keys (each must find exactly one). */
    List<Double> findByLabel(Token token, int keys, int samples) {
        return inProcess(token, "find", String.valueOf(keys), String.valueOf(samples));
    }

    /** Milliseconds per listing of every object; each listing must return {@code keys} objects. */
    List<Double> listAll(Token token, int keys, int runs) {
        String printed = Commands.output(command(List.of("listall", String.valueOf(runs))), token.env());
        for (String line : printed.strip().split("\n")) {
            long found = Long.parseLong(line.trim().split("\\s+")[1]);
            if (found != keys) {
                throw new IllegalStateException("SoftHSM2 listed " + found + " objects, not " + keys);
            }
        }
        return Commands.numbers(printed);
    }

    /** Wall time per {@code pkcs11-tool --keygen --key-type AES:32} call, one process per call. */
    List<Double> cliKeygen(Token token, int calls) {
        return Commands.timeCalls(pkcs11Tool("--keygen", "--key-type", "AES:32", "--label", "cli"), token.env(), calls,
                printed -> {
                    if (!printed.contains("Key generated:")) {
                        throw new IllegalStateException("pkcs11-tool --keygen printed:\n" + printed);
                    }
                });
    }

    /** Wall time per {@code pkcs11-tool --list-objects} call on a token holding {@code keys} keys. */
    List<Double> cliListAll(Token token, int keys, int calls) {
        return Commands.timeCalls(pkcs11Tool("--list-objects"), token.env(), calls, listed -> {
            long objects = listed.lines().filter(l -> l.startsWith("Secret Key Object")).count();
            if (objects != keys) {
                throw new IllegalStateException("pkcs11-tool --list-objects listed " + objects + " keys, not " + keys);
            }
        });
    }

    private List<String> pkcs11Tool(String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("pkcs11-tool", "--module", module.toString(),
                "--token-label", TOKEN, "--login", "--pin", PIN));
        command.addAll(List.of(args));
        return command;
    }

    private List<Double> inProcess(Token token, String... args) {
        return Commands.numbers(Commands.output(command(List.of(args)), token.env()));
    }

    private List<String> command(List<String> args) {
        List<String> command = new java.util.ArrayList<>(List.of(p11bench.toString(), module.toString(), TOKEN, PIN));
        command.addAll(args);
        return command;
    }
}
