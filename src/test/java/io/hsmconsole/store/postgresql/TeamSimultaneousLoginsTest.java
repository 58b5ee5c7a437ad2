package io.hsmconsole.store.postgresql;

import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.SimultaneousLogins;
import org.junit.jupiter.api.Test;

import java.util.List;

/**
 * Team mode: a CI fleet on two machines logs in as one crypto user at once through one PostgreSQL
 * store. Right passwords checked at the same time on the other machine are not failures: twelve at
 * once, six per machine, all get in (before the fix some were refused "account locked").
 */
class TeamSimultaneousLoginsTest {
    @Test
    void rightPasswordsAtOnceFromTwoMachinesAllGetIn() throws Exception {
        try (TeamMachines team = new TeamMachines(); HsmCluster a = team.createOnA(); HsmCluster b = team.openOnB()) {
            SimultaneousLogins.assertAllGetIn(List.of(a, b), 12, 10);
        }
    }
}
