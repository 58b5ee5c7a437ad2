package io.hsmconsole.shell;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A golden transcript says where its expected output comes from, and an AWS page it names must fit it. */
class TranscriptSourceTest {
    private static final String GEN_SYM_KEY = "@@ run key_mgmt_util\n@@ stdin\ngenSymKey -t 31 -s 32 -l k\n@@ exit 0\n";

    @Test
    void anAwsPageNamesTheCommandTheTranscriptRuns() {
        String content = "# aws: key_mgmt_util-genSymKey.md\n" + GEN_SYM_KEY;
        TranscriptSource source = TranscriptSource.of(content);

        assertThat(source.fromAws()).isTrue();
        source.checkRunBy(Transcript.parse(content));
    }

    @Test
    void aPageOfAnotherCommandIsRefused() {
        String content = "# aws: key_mgmt_util-aesWrapUnwrap.md\n" + GEN_SYM_KEY;

        assertThatThrownBy(() -> TranscriptSource.of(content).checkRunBy(Transcript.parse(content)))
                .hasMessageContaining("does not run key_mgmt_util with aesWrapUnwrap");
    }

    @Test
    void aQuorumGuidePageNeedsCloudhsmMgmtUtil() {
        String content = "# aws: quorum-authentication-crypto-officers.md\n" + GEN_SYM_KEY;

        assertThatThrownBy(() -> TranscriptSource.of(content).checkRunBy(Transcript.parse(content)))
                .hasMessageContaining("does not run cloudhsm_mgmt_util");
        String cmu = "# aws: quorum-authentication-crypto-officers.md\n@@ run cloudhsm_mgmt_util\n@@ stdin\ngetMValue 3\n@@ exit 0\n";
        TranscriptSource.of(cmu).checkRunBy(Transcript.parse(cmu));
    }

    @Test
    void aPageOfTheOtherToolIsRefused() {
        String content = "# aws: cloudhsm_mgmt_util-genSymKey.md\n" + GEN_SYM_KEY;

        assertThatThrownBy(() -> TranscriptSource.of(content).checkRunBy(Transcript.parse(content)))
                .hasMessageContaining("does not run cloudhsm_mgmt_util");
    }

    @Test
    void somethingThatIsNotACommandPageIsRefused() {
        assertThatThrownBy(() -> TranscriptSource.of("# aws: genSymKey\n" + GEN_SYM_KEY))
                .hasMessageContaining("not an AWS command page");
    }

    @Test
    void aTranscriptThatDoesNotSayIsRefused() {
        assertThatThrownBy(() -> TranscriptSource.of("# Generate a key\n" + GEN_SYM_KEY))
                .hasMessageContaining("the first line must say where the expected output comes from");
        assertThatThrownBy(() -> TranscriptSource.of("# ours:\n" + GEN_SYM_KEY))
                .hasMessageContaining("the first line must say");
    }

    @Test
    void ourOwnSnapshotSaysWhy() {
        TranscriptSource source = TranscriptSource.of("# ours: error paths no page shows\n" + GEN_SYM_KEY);

        assertThat(source.fromAws()).isFalse();
        assertThat(source.ours()).isEqualTo("error paths no page shows");
    }
}
