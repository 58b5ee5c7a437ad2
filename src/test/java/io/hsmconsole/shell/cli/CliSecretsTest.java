package io.hsmconsole.shell.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The console pane echoes and keeps CloudHSM CLI lines with every --password value hidden, however it is written. */
class CliSecretsTest {
    @Test
    void everyFormOfPasswordIsHiddenAndOtherLinesStayAsTyped() {
        assertThat(CliSecrets.withSecretsHidden("login --username alice --role crypto-user --password alice_pwd"))
                .isEqualTo("login --username alice --role crypto-user --password <password>");
        assertThat(CliSecrets.withSecretsHidden("user create --username bob --role crypto-user --password=s3cret --approval t"))
                .isEqualTo("user create --username bob --role crypto-user --password=<password> --approval t");
        assertThat(CliSecrets.withSecretsHidden("login --password \"two words\" --username a --role admin"))
                .isEqualTo("login --password <password> --username a --role admin");
        assertThat(CliSecrets.withSecretsHidden("login --password 'x y'")).isEqualTo("login --password <password>");
        assertThat(CliSecrets.withSecretsHidden("key list --filter attr.label=password --verbose"))
                .isEqualTo("key list --filter attr.label=password --verbose");
        assertThat(CliSecrets.withSecretsHidden("login --username alice --role crypto-user"))
                .as("no password given: it is asked for without echo").isEqualTo("login --username alice --role crypto-user");
    }
}
