package io.hsmconsole.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hsmconsole.hsm.AvailabilityCheck;
import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.ManualClock;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.service.ClientService;
import io.hsmconsole.service.ServiceClient;
import io.hsmconsole.shell.cli.CliConfiguration;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.sqlite.SqliteBackend;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * cloudhsm-cli's {@code key generate-symmetric} through the client daemon (in this JVM, spoken to as
 * bin/service-client.sh does, on a manual clock): a daemon started with {@code --disable-key-availability-check}
 * answers before a second HSM holds the key; one started without it waits, unless configure-cli turned the
 * check off for the data folder (the same setting as a JVM of the tool's own reads).
 */
class CliAvailabilityThroughDaemonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CU = List.of("crypto-user", "example_user:example_pwd");
    private static final List<String> KEYGEN = List.of("key", "generate-symmetric", "aes", "--label", "k",
            "--key-length-bytes", "32");

    @TempDir
    Path temp;
    private final ManualClock clock = new ManualClock(1_700_000_000_000L);

    /** Milliseconds of simulated time the daemon's keygen took, after checking its answer. */
    private long servedKeygen(AvailabilityCheck daemon, DataDirectory data) throws Exception {
        try (ClientService service = ClientService.serving(data).tool("cli", CliMain.served(daemon)).clock(clock)
                .idleTimeout(Duration.ofMinutes(5)).start().orElseThrow()) {
            long before = clock.nowMillis();
            ServiceClient.Reply reply = new ServiceClient(service.endpoint()).tool("cli", temp.toString(),
                    Map.of(DataDirectory.ENV_VARIABLE, data.root().toString()), CU, KEYGEN);
            long waited = clock.nowMillis() - before;
            assertThat(reply.status()).as(reply.outputText()).isEqualTo("0");
            JsonNode answer = JSON.readTree(reply.outputText());
            assertThat(answer.at("/data/key/key-info/cluster-coverage").asText()).isEqualTo("partial");
            assertThat(service.callsServed()).isEqualTo(1);
            return waited;
        }
    }

    private DataDirectory demo(String name) {
        DataDirectory data = new DataDirectory(temp.resolve(name));
        new ClusterCatalog(new SqliteBackend(), data, clock).createDemo(ClusterCatalog.DEMO_CLUSTER, ClusterOptions.demo())
                .close();
        return data;
    }

    @Test
    void aDaemonWithTheCheckOffAnswersBeforeASecondHsmHoldsTheKey() throws Exception {
        assertThat(servedKeygen(AvailabilityCheck.OFF, demo("off"))).isZero();
    }

    @Test
    void aDaemonWithTheCheckOnWaitsForASecondHsm() throws Exception {
        assertThat(servedKeygen(AvailabilityCheck.ON, demo("on"))).isEqualTo(150);
    }

    @Test
    void configureCliTurnsItOffThroughADaemonStartedWithTheCheckOn() throws Exception {
        DataDirectory data = demo("configured");
        assertThat(ConfigureCliMain.run(new String[] {"--data-dir", data.root().toString(),
                "--disable-key-availability-check"}, Map.of(), System.out, System.err)).isZero();
        assertThat(CliConfiguration.read(data).availability()).isEqualTo(AvailabilityCheck.OFF);
        assertThat(servedKeygen(AvailabilityCheck.ON, data)).isZero();
    }
}
