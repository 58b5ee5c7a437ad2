package io.hsmconsole.ui.sharing;

import io.hsmconsole.controller.UserRef;
import io.hsmconsole.ui.common.Messages;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SharingViewModelTest {
    final UserRef alice = new UserRef(4, "alice");
    final UserRef bob = new UserRef(5, "bob");
    final UserRef carol = new UserRef(6, "carol");
    final SharingViewModel vm = new SharingViewModel(Messages.load());

    @Test
    void searchingHidesRowsButKeepsTicks() {
        vm.offer(List.of(alice, bob, carol));
        vm.setChecked(bob, true);
        vm.setChecked(alice, true);

        vm.searchProperty().set("car");

        assertThat(vm.shown()).containsExactly(carol);
        assertThat(vm.checkedIds()).containsExactly(4, 5);
        assertThat(vm.summaryProperty().get()).isEqualTo("-u: alice (4), bob (5)");
    }

    @Test
    void searchMatchesIdsToo() {
        vm.offer(List.of(alice, bob, carol));
        vm.searchProperty().set("5");
        assertThat(vm.shown()).containsExactly(bob);
    }

    @Test
    void onlyOfferedUsersCanBeTicked() {
        vm.offer(List.of(alice));
        vm.setChecked(bob, true);
        vm.checkOnly(List.of(alice, carol));

        assertThat(vm.checked()).containsExactly(alice);
    }

    @Test
    void nobodyTickedSaysSo() {
        assertThat(vm.summaryProperty().get()).isEqualTo("Not shared: only you can use the key.");
    }
}
