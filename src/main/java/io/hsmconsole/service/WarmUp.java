package io.hsmconsole.service;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.HsmClock;
import io.hsmconsole.shell.ShellLauncher;
import io.hsmconsole.store.DataDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the seed's command once on a scratch cluster before the service says it is ready, so the
 * first real call does not pay for loading and compiling the classes it needs (about as much as a
 * JVM start). The scratch folder is inside the service's own folder and is removed afterwards; the
 * served data folder is not touched.
 */
public final class WarmUp {
    private static final List<String> SEED_COMMAND = List.of("singlecmd", "loginHSM", "-u", "CU", "-s",
            "example_user", "-p", "example_pwd", "genSymKey", "-l", "warmup", "-t", "31", "-s", "32",
            "-min_srv", "1", "-timeout", "1");

    private WarmUp() {
    }

    public static void run(ShellLauncher kmu, DataDirectory served) throws IOException {
        ServiceFiles files = new ServiceFiles(served);
        files.createFolder();
        Path scratch = files.dir().resolve("warmup." + ProcessHandle.current().pid());
        try {
            Files.createDirectory(scratch);
            new ToolRequest(ServedTool.singlecmd(kmu), new ClusterCatalog(kmu.stores(), new DataDirectory(scratch), HsmClock.SYSTEM))
                    .run(scratch.toString(), java.util.Map.of(DataDirectory.ENV_VARIABLE, scratch.toString()), java.util.Map.of(),
                            SEED_COMMAND,
                            () -> { });
        } finally {
            deleteTree(scratch);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
