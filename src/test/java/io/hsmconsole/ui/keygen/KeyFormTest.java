package io.hsmconsole.ui.keygen;

import io.hsmconsole.controller.ControllerFixture;
import io.hsmconsole.hsm.cluster.ClusterOptions;
import io.hsmconsole.hsm.cluster.HsmType;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.sharing.SharingViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key form's view-model tests' common ground: a real simulator behind the controllers,
 * {@code example_user} logged in, the keys the form made in {@link #generated}, and no error left
 * unreported when the test ends.
 */
abstract class KeyFormTest {
    @TempDir
    Path dir;
    ControllerFixture f;
    final Messages messages = Messages.load();
    final List<Long> generated = new ArrayList<>();

    /** A fresh form; the cluster is made (with these options) for the first form of a test. */
    KeyGenViewModel form(ClusterOptions options) {
        if (f == null) {
            f = new ControllerFixture(dir, options);
            f.login("example_user");
        }
        f.clusterView.refresh();
        return new KeyGenViewModel(f.keys, messages, new SharingViewModel(messages), f.clusterView.snapshotProperty(),
                generated::add);
    }

    /** A form over a three-HSM non-FIPS cluster. */
    KeyGenViewModel form() {
        return form(new ClusterOptions(HsmType.HSM2M_MEDIUM, List.of(0L, 0L, 0L), null));
    }

    @AfterEach
    void closeFixture() {
        f.close();
        assertThat(f.errors).isEmpty();
    }
}
