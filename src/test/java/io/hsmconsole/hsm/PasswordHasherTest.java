package io.hsmconsole.hsm;

import io.hsmconsole.hsm.crypto.PasswordHasher;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(new SecureRandom());

    @Test
    void verifiesTheRightPasswordOnly() {
        String h = hasher.hash("example_pwd".toCharArray());
        assertThat(h).startsWith("$pbkdf2-sha256$i=" + PasswordHasher.ITERATIONS + "$").doesNotContain("example_pwd");
        assertThat(hasher.verify("example_pwd".toCharArray(), h)).isTrue();
        assertThat(hasher.verify("example_pwD".toCharArray(), h)).isFalse();
        assertThat(hasher.verify("".toCharArray(), h)).isFalse();
    }

    @Test
    void hashesMadeWithTheEarlierCostStillVerify() {
        // Made by the 40,000-iteration hasher before the cost was tuned down; stores hold such hashes.
        String old = "$pbkdf2-sha256$i=40000$i9vKtSjXR+rMa90DX1SMeA$s68EKqWCWgg/qPxLO4/McxnliEEffNvmlTd/Zw2lLCg";
        assertThat(PasswordHasher.ITERATIONS).isNotEqualTo(40_000);
        assertThat(hasher.verify("example_pwd".toCharArray(), old)).isTrue();
        assertThat(hasher.verify("example_pwD".toCharArray(), old)).isFalse();
        assertThat(hasher.verify("example_pwd".toCharArray(), old.replace("i=40000", "i=" + PasswordHasher.ITERATIONS)))
                .as("the count is read from the hash, not assumed").isFalse();
    }

    @Test
    void saltsEveryHash() {
        assertThat(hasher.hash("same_pwd".toCharArray())).isNotEqualTo(hasher.hash("same_pwd".toCharArray()));
    }

    @Test
    void malformedHashesNeverVerify() {
        for (String bad : new String[]{null, "", "$pbkdf2-sha256$i=x$AA$AA", "$md5$i=1$AA$AA", "$pbkdf2-sha256$i=0$AA$AA",
                "$pbkdf2-sha256$i=10$!!$AA", "plain"}) {
            assertThat(hasher.verify("x".toCharArray(), bad)).as(String.valueOf(bad)).isFalse();
        }
    }
}
