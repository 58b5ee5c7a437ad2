package io.hsmconsole.ui.keygen;

import io.hsmconsole.controller.ControllerFixture;
import io.hsmconsole.controller.UserRef;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.reliability.Scale;
import io.hsmconsole.shell.fuzz.FuzzLines;
import io.hsmconsole.store.TestFiles;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.sharing.SharingViewModel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, fuzzing the key-generation form's view model: random values in every field (type, size,
 * label, ID, the flags, -min_srv, -timeout, -m_value, the users shared with), one form edited over
 * and over as a user would, on one cluster. After every change: no exception reached the error
 * handler; either the problems explain what is wrong (each with its text) and Generate is off, or
 * there is none and Generate is on; the command preview is a genSymKey line. Some inputs are then
 * generated: a form without problems must be accepted by the simulator, a form with problems must
 * not send anything.
 */
class KeyGenFormFuzzTest {
    private static final Messages MESSAGES = Messages.load();

    private Path dir;
    private ControllerFixture fixture;
    private KeyGenViewModel form;
    private final List<Long> generated = new ArrayList<>();

    /** One user's edit of the whole form. */
    record FormInput(KeyType type, String size, String label, String id, boolean nonExtractable, boolean session,
                     String minSrv, String timeout, Integer mValue, Set<Integer> sharedWith, boolean attest) {
    }

    @BeforeProperty
    void openForm() throws IOException {
        dir = Files.createTempDirectory("hsm-form-fuzz");
        fixture = new ControllerFixture(dir);
        fixture.login("example_user");
        form = new KeyGenViewModel(fixture.keys, MESSAGES, new SharingViewModel(MESSAGES), generated::add);
    }

    @AfterProperty
    void closeForm() {
        fixture.close();
        TestFiles.deleteTree(dir);
    }

    @Property(tries = 3_000, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(Scale.Tries.class)
    void everyFormStateIsExplainedOrAccepted(@ForAll("inputs") FormInput input, @ForAll("generateSometimes") boolean generate) {
        fill(input);
        boolean noProblems = form.problems().isEmpty();
        assertThat(fixture.errors).as("errors reported while editing %s", input).isEmpty();
        assertThat(form.problems().values()).as("problem texts for %s", input).allSatisfy(text -> assertThat(text).isNotBlank());
        assertThat(form.canGenerateProperty().get()).as("Generate enabled for %s", input).isEqualTo(noProblems);
        assertThat(form.commandPreviewProperty().get()).startsWith("genSymKey ");
        // CloudHSM CLI has no 3DES or RC4: its preview then says so in a comment line.
        assertThat(form.cliPreviewProperty().get()).matches("(?s)(key generate-symmetric |# CloudHSM CLI cannot ).+");
        if (!generate) {
            return;
        }
        int before = generated.size();
        Boolean previous = form.resultOkProperty().get();
        form.generate();
        assertThat(fixture.errors).as("errors reported while generating %s", input).isEmpty();
        if (noProblems) {
            assertThat(form.resultOkProperty().get()).as("the simulator accepts what the form accepted: %s; %s", input,
                    form.resultTextProperty().get()).isTrue();
            assertThat(generated).hasSize(before + 1);
            assertThat(form.resultHeadlineProperty().get()).contains(String.valueOf(generated.get(before)));
        } else {
            assertThat(generated).as("nothing is sent while problems remain").hasSize(before);
            assertThat(form.resultOkProperty().get()).isEqualTo(previous);
        }
    }

    private void fill(FormInput in) {
        form.typeProperty().set(in.type());
        form.sizeProperty().set(in.size());
        form.labelProperty().set(in.label());
        form.idProperty().set(in.id());
        form.nonExtractableProperty().set(in.nonExtractable());
        form.sessionProperty().set(in.session());
        form.minSrvProperty().set(in.minSrv());
        form.timeoutProperty().set(in.timeout());
        form.mValueProperty().set(in.mValue());
        for (UserRef u : form.sharing().candidates()) {
            form.sharing().setChecked(u, in.sharedWith().contains(u.id()));
        }
        form.attestProperty().set(in.attest());
    }

    @Provide
    Arbitrary<Boolean> generateSometimes() {
        // Generating commits to disk; one form in eight is enough to compare the form with the HSM.
        return Arbitraries.frequency(Tuple.of(1, true), Tuple.of(7, false));
    }

    @Provide
    Arbitrary<FormInput> inputs() {
        Arbitrary<String> number = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.integers().between(0, 40).map(String::valueOf)),
                Tuple.of(3, Arbitraries.of(FuzzLines.EDGE_NUMBERS)), Tuple.of(1, FuzzLines.randomText()),
                Tuple.of(1, Arbitraries.of("", " 16", "32 ", "１６")));
        Arbitrary<String> emptyOrNumber = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("")), Tuple.of(2, number));
        Arbitrary<String> name = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.strings().alpha().numeric().withChars('_', '-').ofMinLength(1).ofMaxLength(10)),
                Tuple.of(1, Arbitraries.of("", " ", "with space", "a".repeat(127), "a".repeat(128), "shared-id")),
                Tuple.of(1, FuzzLines.randomText()));
        Arbitrary<String> id = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just("")), Tuple.of(2, name));
        Arbitrary<Integer> mValue = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.integers().between(0, 3)),
                Tuple.of(1, Arbitraries.integers().between(-3, 12)), Tuple.of(1, Arbitraries.just(null)));
        Arbitrary<Set<Integer>> shared = Arbitraries.of(3, 4, 5, 6, 7, 8, 9).set().ofMaxSize(4);
        Arbitrary<Boolean> rarely = Arbitraries.frequency(Tuple.of(1, true), Tuple.of(4, false));
        Arbitrary<boolean[]> flags = Combinators.combine(Arbitraries.of(true, false), rarely, rarely)
                .as((nex, sess, attest) -> new boolean[]{nex, sess, attest});
        Arbitrary<FormInput> fields = Combinators.combine(Arbitraries.of(KeyType.class), number, name, id, emptyOrNumber,
                        emptyOrNumber, mValue, shared)
                .as((type, size, label, keyId, minSrv, timeout, m, users) -> new FormInput(type, size, label, keyId, false,
                        false, minSrv, timeout, m, users, false));
        return Combinators.combine(fields, flags).as((f, b) -> new FormInput(f.type(), f.size(), f.label(), f.id(), b[0],
                b[1], f.minSrv(), f.timeout(), f.mValue(), f.sharedWith(), b[2]));
    }
}
