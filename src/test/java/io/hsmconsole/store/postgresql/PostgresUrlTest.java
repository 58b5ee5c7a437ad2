package io.hsmconsole.store.postgresql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresUrlTest {

    @Test
    void theTeamUrlGivesTheDriverItsServerAndCredentialsApart() {
        PostgresUrl url = PostgresUrl.parse("postgresql://team:s%40cret%3A1@db.example:6543/hsm");
        assertThat(url.user()).isEqualTo("team");
        assertThat(url.password()).isEqualTo("s@cret:1");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/hsm");
        assertThat(url.toString()).as("shown in messages").doesNotContain("cret");
    }

    @Test
    void thePortDefaultsToPostgresqls() {
        assertThat(PostgresUrl.parse("postgresql://u:p@localhost/db").port()).isEqualTo(5432);
    }

    @Test
    void aMalformedUrlIsRefusedWithTheExpectedFormAndWithoutThePassword() {
        for (String bad : new String[]{"postgresql://localhost/db", "postgresql://u:hunter2@host:5432/",
                "postgresql://u:hunter2@host:5432/db?ssl=true", "mysql://u:hunter2@host/db"}) {
            assertThatThrownBy(() -> PostgresUrl.parse(bad)).as(bad)
                    .hasMessageContaining("postgresql://USER:PASSWORD@HOST:PORT/DB")
                    .message().doesNotContain("hunter2");
        }
    }
}
