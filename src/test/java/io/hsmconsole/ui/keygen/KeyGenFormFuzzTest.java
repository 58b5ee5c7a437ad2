package io.hsmconsole.ui.keygen;

import io.hsmconsole.controller.ControllerFixture;
import io.hsmconsole.controller.UserRef;
import io.hsmconsole.hsm.key.KeyType;
import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.AttributeValue;
import io.hsmconsole.property.Gen;
import io.hsmconsole.property.Trials;
import io.hsmconsole.reliability.Scale;
import io.hsmconsole.shell.fuzz.FuzzLines;
import io.hsmconsole.store.TestFiles;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.sharing.SharingViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
    private static final String NAME_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-";

    private Path dir;
    private ControllerFixture fixture;
    private KeyGenViewModel form;
    private final List<Long> generated = new ArrayList<>();

    /** One user's edit of the whole form. */
    record FormInput(KeyType type, String size, String label, String id, boolean nonExtractable, boolean session,
                     String minSrv, String timeout, Integer mValue, Set<Integer> sharedWith, boolean attest) {
    }

    @BeforeEach
    void openForm() throws IOException {
        dir = Files.createTempDirectory("hsm-form-fuzz");
        fixture = new ControllerFixture(dir);
        fixture.login("example_user");
        form = new KeyGenViewModel(fixture.keys, MESSAGES, new SharingViewModel(MESSAGES),
                fixture.clusterView.snapshotProperty(), generated::add);
    }

    @AfterEach
    void closeForm() {
        fixture.close();
        TestFiles.deleteTree(dir);
    }

    @Test
    void everyFormStateIsExplainedOrAccepted() {
        Gen<FormInput> inputs = inputs();
        // Generating commits to disk; one form in eight is enough to compare the form with the HSM.
        Gen<Boolean> generateSometimes = Gen.chance(1, 8);
        Trials.run(Scale.cases(3_000), random -> check(inputs.next(random), generateSometimes.next(random)));
    }

    private void check(FormInput input, boolean generate) {
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
            assertMadeAsTyped(generated.get(before), input);
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

    /** The key the HSM holds (read back as the key inspector reads it, not from the form) is the one typed. */
    private void assertMadeAsTyped(long handle, FormInput in) {
        Map<Attribute, AttributeValue> a = new EnumMap<>(Attribute.class);
        fixture.details(handle).attributes().forEach(e -> a.put(e.attribute(), e.value()));
        assertThat(a.get(Attribute.KEY_TYPE).number()).as("key type of %s", in).isEqualTo(in.type().code());
        assertThat(a.get(Attribute.VALUE_LEN).number()).as("size of %s", in)
                .isEqualTo(Long.parseLong(in.size().strip()));
        assertThat(a.get(Attribute.LABEL).text()).as("label of %s", in).isEqualTo(in.label());
        assertThat(a.get(Attribute.ID).text()).as("ID of %s", in).isEqualTo(in.id());
        assertThat(a.get(Attribute.TOKEN).isTrue()).as("token flag of %s", in).isEqualTo(!in.session());
        assertThat(a.get(Attribute.EXTRACTABLE).isTrue()).as("extractable flag of %s", in)
                .isEqualTo(!in.nonExtractable());
    }

    private static Gen<FormInput> inputs() {
        Gen<String> number = Gen.frequency(Gen.weight(4, Gen.between(0, 40).map(String::valueOf)),
                Gen.weight(3, Gen.of(FuzzLines.EDGE_NUMBERS)), Gen.weight(1, FuzzLines.randomText()),
                Gen.weight(1, Gen.of("", " 16", "32 ", "\uff11\uff16")));
        Gen<String> emptyOrNumber = Gen.frequency(Gen.weight(3, Gen.just("")), Gen.weight(2, number));
        Gen<String> name = Gen.frequency(
                Gen.weight(4, Gen.strings(NAME_CHARS, 1, 10)),
                Gen.weight(1, Gen.of("", " ", "with space", "a".repeat(127), "a".repeat(128), "shared-id")),
                Gen.weight(1, FuzzLines.randomText()));
        Gen<String> id = Gen.frequency(Gen.weight(3, Gen.just("")), Gen.weight(2, name));
        Gen<Integer> mValue = Gen.frequency(Gen.weight(4, Gen.between(0, 3)), Gen.weight(1, Gen.between(-3, 12)),
                Gen.weight(1, Gen.just(null)));
        Gen<Set<Integer>> shared = Gen.of(3, 4, 5, 6, 7, 8, 9).set(4);
        Gen<KeyType> type = Gen.of(KeyType.class);
        Gen<Boolean> rarely = Gen.chance(1, 5);
        return r -> new FormInput(type.next(r), number.next(r), name.next(r), id.next(r), r.nextBoolean(), rarely.next(r),
                emptyOrNumber.next(r), emptyOrNumber.next(r), mValue.next(r), shared.next(r), rarely.next(r));
    }
}
