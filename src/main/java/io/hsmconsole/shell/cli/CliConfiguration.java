package io.hsmconsole.shell.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hsmconsole.hsm.AvailabilityCheck;
import io.hsmconsole.store.DataDirectory;
import io.hsmconsole.store.OwnerOnly;
import io.hsmconsole.store.StoreException;
import io.hsmconsole.text.cli.CliJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The CloudHSM CLI's client configuration, as Client SDK 5's {@code configure-cli} keeps it in
 * {@code /opt/cloudhsm/etc/cloudhsm-cli.cfg} (configure-sdk-5.md): here {@code <data folder>/cloudhsm-cli.cfg},
 * for every cluster of that folder, as the real file serves the clusters of one client machine. It holds
 * the one setting the simulator honours, SDK 5's {@code disable_key_availability_check} (written by
 * {@code bin/configure-cli --disable-key-availability-check}); the HSM addresses, certificates and log
 * settings of the real file have nothing to configure in a simulator. No file: the SDK's defaults.
 */
public record CliConfiguration(AvailabilityCheck availability) {
    public static final String FILE_NAME = "cloudhsm-cli.cfg";
    /** The name of the setting in SDK 5's configuration files. */
    static final String DISABLE_KEY_AVAILABILITY_CHECK = "disable_key_availability_check";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public static Path file(DataDirectory data) {
        return data.root().resolve(FILE_NAME);
    }

    /**
     * The configuration of {@code data}: the defaults when there is no file; a file that is not the
     * configuration this tool writes is refused, naming it (a guess could turn the check off unasked).
     */
    public static CliConfiguration read(DataDirectory data) {
        Path file = file(data);
        byte[] text;
        try {
            text = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new CliConfiguration(AvailabilityCheck.ON);
        } catch (IOException e) {
            throw new StoreException(file, "cannot read the cloudhsm-cli configuration", e);
        }
        try {
            JsonNode setting = MAPPER.readTree(new String(text, StandardCharsets.UTF_8)).path(DISABLE_KEY_AVAILABILITY_CHECK);
            if (setting.isBoolean()) {
                return new CliConfiguration(setting.booleanValue() ? AvailabilityCheck.OFF : AvailabilityCheck.ON);
            }
        } catch (JsonProcessingException | RuntimeException e) {
            // damaged: refused below
        }
        throw new StoreException(file, "not a cloudhsm-cli configuration (expected {\"" + DISABLE_KEY_AVAILABILITY_CHECK
                + "\": true|false}); set it again with configure-cli --disable-key-availability-check"
                + " or --enable-key-availability-check");
    }

    /** Writes this configuration whole (owner-only, never half a file), creating the data folder if needed. */
    public void write(DataDirectory data) throws IOException {
        data.ensureClustersRoot();
        String json = CliJson.pretty(CliJson.object().put(DISABLE_KEY_AVAILABILITY_CHECK,
                availability == AvailabilityCheck.OFF)) + "\n";
        OwnerOnly.writeWhole(file(data), json.getBytes(StandardCharsets.UTF_8));
    }

    /** The setting a command runs with: off when the client daemon serving it was started with the check off. */
    AvailabilityCheck with(AvailabilityCheck daemon) {
        return daemon == AvailabilityCheck.OFF ? AvailabilityCheck.OFF : availability;
    }
}
