package io.hsmconsole.ui.keylist;

import io.hsmconsole.controller.ControllerFixture;
import io.hsmconsole.controller.KeyController;
import io.hsmconsole.hsm.HsmSession;
import io.hsmconsole.hsm.TestClusters;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.property.Trials;
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


    @Test
    void aTokenKeyOnOneOnlineHsmIsMarkedBelowTheAvailabilityQuorumUntilASecondHsmHoldsIt() {
        vm.reload();
        assertThat(rowOf("aes256").belowAvailabilityQuorum()).isFalse();

        f.cluster.setNodeOnline(1, false);
        f.cluster.setNodeOnline(2, false);
        vm.reload();

        KeyRow lonely = rowOf("aes256");
        assertThat(lonely.belowAvailabilityQuorum()).isTrue();
        assertThat(vm.coverageTip(lonely)).contains("Below the key availability quorum")
                .contains("Client SDK 5 applications").contains("The key must be available on at least 2 HSMs before being used");
        assertThat(rowOf("tmpAES").belowAvailabilityQuorum()).as("a session key is not subject to it").isFalse();
        assertThat(vm.coverageTip(rowOf("tmpAES"))).doesNotContain("quorum");

        f.cluster.setNodeOnline(2, true);
        vm.reload();
        assertThat(rowOf("aes256").belowAvailabilityQuorum()).as("node 2 is back with its copy").isFalse();
    }

    @Test
    void aTokenKeyNotYetReplicatedIsMarkedUntilReplicationIsDone() {
        f.cluster.setNodeLatency(1, 400);
        f.cluster.setNodeLatency(2, 400);
        f.generate(GenSymKeyRequest.of(31, 32, "fresh").withMinServers(1));
        vm.reload();
        assertThat(rowOf("fresh").belowAvailabilityQuorum()).isTrue();

        f.clock.advance(400);
        vm.reload();
        assertThat(rowOf("fresh").belowAvailabilityQuorum()).isFalse();
    }

    private KeyRow rowOf(String label) {
        return vm.rows().stream().map(KeyListItem::row).filter(r -> r.label().equals(label)).findFirst().orElseThrow();
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

    private KeyListItem item(String label) {
        return vm.rows().stream().filter(i -> i.row().label().equals(label)).findFirst().orElseThrow();
    }

    private long handle(String label) {
        return item(label).row().handle();
    }

    @Test
    void aRefreshAfterAnotherSessionsChangesReplacesOnlyTheirItemsAndKeepsSortFilterAndSelection() {
        vm.rows().setComparator(java.util.Comparator.comparing(i -> i.row().label()));
        KeyListItem alices = item("alices_shared");
        KeyListItem session = item("tmpAES");
        long aes = handle("aes256");
        vm.selectedHandles().setAll(List.of(aes, alices.row().handle()));
        vm.ownedByMeProperty().set(true);
        HsmSession other = TestClusters.login(f.cluster, "example_user");

        assertThat(other.setAttribute(aes, Attribute.LABEL, 0, "zz_relabelled").isSuccess()).isTrue();
        assertThat(other.deleteKey(handle("3DES_shared")).isSuccess()).isTrue();
        other.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "b_new"));
        vm.reload(); // as the console does when the store announces a change

        assertThat(labels()).containsExactly("b_new", "tmpAES", "zz_relabelled");
        vm.ownedByMeProperty().set(false);
        assertThat(labels()).containsExactly("alices_shared", "b_new", "tmpAES", "zz_relabelled");
        assertThat(item("alices_shared")).as("an unchanged key keeps its item").isSameAs(alices);
        assertThat(item("tmpAES")).isSameAs(session);
        assertThat(item("zz_relabelled").row().handle()).isEqualTo(aes);
        assertThat(vm.selectionRequestProperty().get()).isEqualTo(new SelectionRequest(List.of(aes, alices.row().handle()), false));
        assertThat(vm.countTextProperty().get()).isEqualTo("4 of 4 keys shown");
        other.close();
    }

    @Test
    void aKeysCoverageFollowsTimeAloneAcrossRefreshes() {
        assertThat(f.cluster.setNodeLatency(2, 5_000).isSuccess()).isTrue();
        assertThat(f.cluster.setNodeOnline(2, false).isSuccess()).isTrue();
        f.generate(GenSymKeyRequest.of(31, 32, "late"));
        assertThat(f.cluster.setNodeOnline(2, true).isSuccess()).isTrue(); // catches up in 5 s
        vm.reload();
        assertThat(vm.text(KeyColumn.COVERAGE, item("late").row())).isEqualTo("2/3");
        KeyListItem unchanged = item("aes256");

        f.clock.advance(5_000);
        vm.reload();

        assertThat(vm.text(KeyColumn.COVERAGE, item("late").row())).isEqualTo("3/3");
        assertThat(item("aes256")).isSameAs(unchanged);
    }

    /**
     * After random changes by other sessions (keys made, relabelled, shared, unshared, deleted), a refresh
     * that patches the list shows exactly what a list read from scratch shows, in the same order, and its
     * token keys are those a newly logged-in session lists.
     */
    @Test
    void refreshesAfterRandomChangesShowWhatAFreshListShows() {
        HsmSession mine = TestClusters.login(f.cluster, "example_user");
        HsmSession alices = TestClusters.login(f.cluster, "alice");
        java.util.List<Long> made = new java.util.ArrayList<>();
        java.util.List<Long> sessionKeys = new java.util.ArrayList<>();
        Trials.run(12, random -> {
            for (int change = random.nextInt(1, 6); change > 0; change--) {
                HsmSession who = random.nextBoolean() ? mine : alices;
                int what = made.isEmpty() ? 0 : random.nextInt(7);
                if (what == 5) { // a session key of the console's session: listed after the token keys
                    sessionKeys.add(f.generate(GenSymKeyRequest.of(31, 16, "s" + random.nextInt(100)).withSession(true)));
                    continue;
                }
                if (what == 6 && !sessionKeys.isEmpty()) { // made a token key: it moves up among them
                    long promoted = sessionKeys.remove(random.nextInt(sessionKeys.size()));
                    assertThat(await((java.util.function.Consumer<HsmResult<Void>> done) -> f.keys.setAttribute(promoted,
                            Attribute.TOKEN, 1, null, done)).isSuccess()).isTrue();
                    made.add(promoted);
                    continue;
                }
                long key = made.isEmpty() ? 0 : made.get(random.nextInt(made.size()));
                switch (what) {
                    case 0 -> made.add(who.generateSymmetricKey(GenSymKeyRequest.of(31, 16, "k" + random.nextInt(100))
                            .withShareWith(who == alices ? List.of(mine.user().id()) : List.of())).value().handle());
                    case 1 -> who.setAttribute(key, Attribute.LABEL, 0, "r" + random.nextInt(100));
                    case 2 -> who.shareKey(key, (who == mine ? alices : mine).user().id(), true);
                    case 3 -> who.shareKey(key, (who == mine ? alices : mine).user().id(), false);
                    case 4 -> {
                        if (who.deleteKey(key).isSuccess()) {
                            made.remove(key);
                        }
                    }
                    default -> { }
                }
            }
            vm.reload();

            KeyListViewModel fresh = new KeyListViewModel(new KeyController(f.workspace, f.runner, f.errors::add),
                    Messages.load(), new RecordingDialogs());
            fresh.reload();
            assertThat(vm.rows()).extracting(KeyListItem::row).containsExactlyElementsOf(
                    fresh.rows().stream().map(KeyListItem::row).toList());
            HsmSession newcomer = TestClusters.login(f.cluster, "example_user");
            assertThat(vm.rows().stream().map(KeyListItem::row).filter(KeyRow::token).map(r -> r.handle() + " " + r.label()
                    + " " + r.sharedWith() + " " + r.coverage()))
                    .containsExactlyElementsOf(newcomer.listKeys().value().stream().map(k -> k.handle() + " " + k.label()
                            + " " + sharedNames(k.sharedWith()) + " " + k.nodesHolding().size() + "/" + k.clusterSize()).toList());
            newcomer.close();
        });
        mine.close();
        alices.close();
    }

    private List<io.hsmconsole.controller.UserRef> sharedNames(List<Integer> ids) {
        return f.cluster.users().stream().filter(u -> ids.contains(u.id()))
                .map(u -> new io.hsmconsole.controller.UserRef(u.id(), u.name())).toList();
    }
}
