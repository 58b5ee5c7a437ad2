package io.hsmconsole.controller;

import io.hsmconsole.hsm.key.GenSymKeyRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static io.hsmconsole.controller.ControllerFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

/** Export and import through the controller: outcomes in words, nothing created on failure, passphrases wiped. */
class ClusterExchangeControllerTest {
    @TempDir
    Path dir;
    ControllerFixture f;
    ClusterExchangeController exchange;

    @BeforeEach
    void setUp() {
        f = new ControllerFixture(dir);
        exchange = new ClusterExchangeController(f.workspace, f.runner, f.errors::add);
        f.login("example_user");
        f.generate(GenSymKeyRequest.of(31, 32, "k1"));
    }

    @AfterEach
    void tearDown() {
        f.close();
        assertThat(f.errors).isEmpty();
    }

    private ExchangeOutcome export(Path file, String passphrase) {
        return await(done -> exchange.export(file, passphrase.toCharArray(), done));
    }

    private ExchangeOutcome importAs(Path file, String passphrase, String name) {
        return await(done -> exchange.importCluster(file, passphrase.toCharArray(), name, done));
    }

    @Test
    void exportsAndImportsUnderANewName() {
        Path file = dir.resolve("demo.json");
        char[] passphrase = "long enough".toCharArray();

        ExchangeOutcome exported = await(done -> exchange.export(file, passphrase, done));

        assertThat(passphrase).containsOnly('\0');
        assertThat(exported.succeeded()).isTrue();
        assertThat(exported.clusterName()).isEqualTo("demo");
        assertThat(exported.keys()).isEqualTo(1);
        assertThat(exchange.suggestName(file)).as("demo is taken").isEqualTo("demo-2");

        ExchangeOutcome imported = importAs(file, "long enough", "demo-2");

        assertThat(imported.succeeded()).isTrue();
        assertThat(imported.users()).isEqualTo(7);
        assertThat(f.catalog.clusterNames()).containsExactly("demo", "demo-2");
        assertThat(exchange.checkName("demo-2")).isEqualTo(ClusterExchangeController.NameCheck.TAKEN);
    }

    @Test
    void aWrongPassphraseOrADamagedDocumentIsSaidAndCreatesNothing() throws Exception {
        Path file = dir.resolve("demo.json");
        export(file, "long enough");

        ExchangeOutcome wrong = importAs(file, "not the one", "copy");
        assertThat(wrong.succeeded()).isFalse();
        assertThat(wrong.problem()).isEqualTo("demo.json: wrong passphrase (or a damaged document); nothing was imported");

        Path damaged = dir.resolve("damaged.json");
        String text = Files.readString(file);
        Files.writeString(damaged, text.substring(0, text.length() / 2));
        ExchangeOutcome broken = importAs(damaged, "long enough", "copy");
        assertThat(broken.succeeded()).isFalse();
        assertThat(broken.problem()).startsWith("damaged.json: not a readable cluster export");

        assertThat(f.catalog.clusterNames()).containsExactly("demo");
    }

    @Test
    void namesAndPassphrasesTheSimulatorRefusesAreSaid() {
        assertThat(exchange.checkName("has space")).isEqualTo(ClusterExchangeController.NameCheck.INVALID);
        assertThat(exchange.checkName("fresh")).isEqualTo(ClusterExchangeController.NameCheck.FREE);
        assertThat(exchange.suggestName(Path.of("my export (1).json"))).isEqualTo("my-export--1-");

        ExchangeOutcome tooShort = export(dir.resolve("x.json"), "short");
        assertThat(tooShort.succeeded()).isFalse();
        assertThat(tooShort.problem()).isEqualTo("x.json: the passphrase must have at least 8 characters");
        assertThat(dir.resolve("x.json")).doesNotExist();
    }
}
