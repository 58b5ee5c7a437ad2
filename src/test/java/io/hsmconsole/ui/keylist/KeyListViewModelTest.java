package io.hsmconsole.ui.keylist;

import io.hsmconsole.controller.ControllerFixture;
import io.hsmconsole.controller.KeyRow;
import io.hsmconsole.hsm.HsmResult;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.hsm.key.GeneratedKey;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.RecordingDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.hsmconsole.controller.ControllerFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

class KeyListViewModelTest {
    @TempDir
    Path dir;
    ControllerFixture f;
    KeyListViewModel vm;

    @BeforeEach
    void setUp() {
        f = new ControllerFixture(dir);
        f.login("alice");
        f.generate(GenSymKeyRequest.of(31, 32, "alices_shared").withShareWith(List.of(3)));
        f.login("example_user");
        vm = new KeyListViewModel(f.keys, Messages.load(), new RecordingDialogs());
        f.generate(GenSymKeyRequest.of(31, 32, "aes256"));
        f.generate(GenSymKeyRequest.of(21, 24, "3DES_shared").withId("IT-02").withShareWith(List.of(4, 5)));
        f.generate(GenSymKeyRequest.of(31, 16, "tmpAES").withSession(true));
    }

    @AfterEach
    void tearDown() {
        f.close();
        assertThat(f.errors).isEmpty();
    }


    private List<String> labels() {
        return vm.rows().stream().map(i -> i.row().label()).toList();
    }

    @Test
    void theListHoldsEveryVisibleKeyAndReloadsWhenTheConsoleMakesOne() {
        assertThat(labels()).containsExactlyInAnyOrder("alices_shared", "aes256", "3DES_shared", "tmpAES");
        assertThat(vm.countTextProperty().get()).isEqualTo("4 of 4 keys shown");
    }

    @Test
    void theFilterFindsAKeyByItsKcv() {
        KeyRow des = f.keyRows().stream().filter(r -> r.label().equals("3DES_shared")).findFirst().orElseThrow();

        vm.filterTextProperty().set(des.kcv().substring(2).toUpperCase());

        assertThat(labels()).containsExactly("3DES_shared");
        assertThat(vm.countTextProperty().get()).isEqualTo("1 of 4 keys shown");
    }

    @Test
    void theFilterSearchesVisibleColumnsOnly() {
        vm.filterTextProperty().set("bob");
        assertThat(labels()).containsExactly("3DES_shared");

        vm.columnVisibleProperty(KeyColumn.SHARED).set(false);
        assertThat(labels()).isEmpty();

        vm.columnVisibleProperty(KeyColumn.SHARED).set(true);
        assertThat(labels()).containsExactly("3DES_shared");
    }

    @Test
    void quickTogglesNarrowByOwnershipAndStorage() {
        vm.ownedByMeProperty().set(true);
        assertThat(labels()).containsExactlyInAnyOrder("aes256", "3DES_shared", "tmpAES");

        vm.ownedByMeProperty().set(false);
        vm.sharedWithMeProperty().set(true);
        assertThat(labels()).containsExactly("alices_shared");

        vm.ownedByMeProperty().set(true);
        assertThat(labels()).hasSize(4);

        vm.sharedWithMeProperty().set(false);
        vm.ownedByMeProperty().set(false);
        vm.sessionOnlyProperty().set(true);
        assertThat(labels()).containsExactly("tmpAES");
    }

    @Test
    void aNewKeyIsSelectedOnceTheListHoldsIt() {
        vm.select(999);
        assertThat(vm.selectionRequestProperty().get()).isNull();

        long handle = f.generate(GenSymKeyRequest.of(31, 24, "fresh"));
        vm.select(handle);

        assertThat(vm.selectionRequestProperty().get()).isEqualTo(new SelectionRequest(List.of(handle), true));
    }

    @Test
    void aReReadKeepsEverySelectedKeySelected() {
        List<Long> two = vm.rows().stream().limit(2).map(i -> i.row().handle()).toList();
        vm.selectedHandles().setAll(two);

        vm.reload();

        assertThat(vm.selectionRequestProperty().get()).isEqualTo(new SelectionRequest(two, false));
    }

    @Test
    void columnsShowTheirText() {
        KeyRow des = f.keyRows().stream().filter(r -> r.label().equals("3DES_shared")).findFirst().orElseThrow();

        assertThat(vm.text(KeyColumn.SHARED, des)).isEqualTo("alice (4), bob (5)");
        assertThat(vm.text(KeyColumn.STORAGE, des)).isEqualTo("token");
        assertThat(vm.text(KeyColumn.COVERAGE, des)).isEqualTo("3/3");
        assertThat(vm.text(KeyColumn.TYPE, des)).isEqualTo("3DES");
    }

    @Test
    void clearingEmptiesTheList() {
        vm.clear();
        assertThat(labels()).isEmpty();
    }
}
