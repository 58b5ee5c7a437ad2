package io.hsmconsole.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One crash trial with key_mgmt_util: a process reads genSymKey lines from a pipe (as from
 * {@code key_mgmt_util < script}), printing each acknowledged handle, and is killed with SIGKILL a
 * random time after its login. What it printed before dying is what it acknowledged.
 */
final class KillTrial {
    static final String GENERATE = "Cfm3GenerateSymmetricKey";
    private static final Pattern LABEL = Pattern.compile(" -l (\\S+)");
    private static final int LINES = 20_000;

    private KillTrial() {
    }

    static Killed run(java.nio.file.Path data, java.nio.file.Path work, int trial, Random random, long maxDelayMillis)
            throws InterruptedException {
        return run(data, work, trial, random, maxDelayMillis, Map.of());
    }

    /** The same, the process started with these environment variables (team mode's store). */
    static Killed run(java.nio.file.Path data, java.nio.file.Path work, int trial, Random random, long maxDelayMillis,
                      Map<String, String> environment) throws InterruptedException {
        Map<String, KeyOrder> orders = new HashMap<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < LINES; i++) {
            KeyOrder o = KeyOrder.random(random, "t" + trial + "-" + i, true);
            orders.put(o.label(), o);
            lines.add(o.kmuLine());
        }
        long delay = (long) (random.nextDouble() * maxDelayMillis);
        try (ShellProcess kmu = ShellProcess.start("key_mgmt_util", data, work, List.of(), environment)) {
            Thread feeder = new Thread(() -> {
                if (kmu.type("loginHSM -u CU -s example_user -p example_pwd")) {
                    for (String line : lines) {
                        if (!kmu.type(line)) {
                            return; // killed
                        }
                    }
                }
            }, "feeder of trial " + trial);
            feeder.setDaemon(true);
            feeder.start();
            if (!kmu.awaitText("Cfm3LoginHSM returned: 0x00", Duration.ofSeconds(60))) {
                throw new IllegalStateException("trial " + trial + ": no login:\n" + kmu.everything());
            }
            Thread.sleep(delay);
            String output = kmu.killAndCollect();
            return Killed.of(parse(output, orders), output);
        }
    }

    /** Splits the transcript at each echoed command; a genSymKey with a handle after its 0x00 result is acknowledged. */
    static List<Acknowledged> parse(String output, Map<String, KeyOrder> orders) {
        List<Acknowledged> acks = new ArrayList<>();
        String[] commands = output.split("\nCommand: ", -1);
        for (int i = 1; i < commands.length; i++) {
            String command = commands[i];
            if (!command.startsWith("genSymKey ")) {
                continue;
            }
            Matcher label = LABEL.matcher(command.substring(0, Math.max(0, command.indexOf('\n'))));
            Long handle = KmuOutput.createdHandle(command);
            if (handle != null && label.find()) {
                acks.add(new Acknowledged(handle, orders.get(label.group(1)), KmuOutput.nodesAfterResult(command, GENERATE)));
            }
        }
        return acks;
    }
}
