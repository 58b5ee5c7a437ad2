package io.hsmconsole.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** What one killed process acknowledged, and the end of its output (for the message when a check fails). */
record Killed(List<Acknowledged> acknowledged, String outputTail) {
    static Killed of(List<Acknowledged> acknowledged, String output) {
        return new Killed(acknowledged, output.substring(Math.max(0, output.length() - 2000)));
    }

    /** The line a console process prints for a key it shows as made: {@code ack <handle> <nodes> <order>}. */
    static String ackLine(long handle, List<Integer> nodes, KeyOrder order) {
        return "ack " + handle + " " + (nodes.isEmpty() ? "-" : nodes.stream().map(String::valueOf)
                .collect(Collectors.joining(","))) + " " + order.encode();
    }

    /**
     * Harness side of the console processes ({@link ControllerKeygenMain}, {@link GuiKeygenMain}):
     * starts {@code main}, kills it {@code delayMillis} after it prints {@code ready}, and reads its
     * acknowledgements. Only whole lines count (the last one may be cut by the kill); an error,
     * a refusal or an exception in its output fails the trial.
     */
    static Killed runAndKill(Class<?> main, Path data, List<String> args, long delayMillis) throws InterruptedException {
        try (ShellProcess console = ShellProcess.startJava(main, data, args)) {
            if (!console.awaitText("ready\n", Duration.ofSeconds(180))) {
                throw new IllegalStateException(main.getSimpleName() + " did not get ready:\n" + console.everything());
            }
            Thread.sleep(delayMillis);
            String output = console.killAndCollect();
            List<Acknowledged> acks = new ArrayList<>();
            for (String line : output.substring(0, output.lastIndexOf('\n') + 1).split("\n")) {
                assertThat(line).as("%s output", main.getSimpleName()).doesNotStartWith("error")
                        .doesNotStartWith("refused");
                String[] f = line.split(" ");
                if (f.length == 4 && f[0].equals("ack")) {
                    acks.add(new Acknowledged(Long.parseLong(f[1]), KeyOrder.decode(f[3]), f[2].equals("-") ? List.of()
                            : Arrays.stream(f[2].split(",")).map(Integer::valueOf).toList()));
                }
            }
            assertThat(output).as("%s output", main.getSimpleName()).doesNotContain("Exception");
            return of(acks, output);
        }
    }
}
