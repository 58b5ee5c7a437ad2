package io.hsmconsole.text;

import io.hsmconsole.hsm.key.Attribute;
import io.hsmconsole.hsm.key.AttributeValue;
import io.hsmconsole.hsm.key.KeyNaming;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a key ID is shown once it may be any bytes (CKA_ID): a printable one as KMU prints OBJ_ATTR_ID
 * (key_mgmt_util-getAttribute.md: {@code OBJ_ATTR_ID IT-02}), any other as 0x and hex (ours: AWS
 * documents no form for it), so an -out file stays two lines per attribute.
 */
class BinaryIdTextTest {
    @Test
    void aPrintableIdIsShownAsItIs() {
        assertThat(KeyNaming.shownId("IT-02")).isEqualTo("IT-02");
        assertThat(KeyNaming.shownId("")).isEmpty();
        assertThat(KeyNaming.shownId("café")).isEqualTo("café");
    }

    @Test
    void anyOtherIdIsShownAsItsBytesInHex() {
        assertThat(KeyNaming.shownId("\u0001")).isEqualTo("0x01");
        assertThat(KeyNaming.shownId("\u0000\u00ff\n a")).isEqualTo("0x00ff0a2061");
        assertThat(KeyNaming.shownId("€ \u0000")).as("a text character beyond one byte: its UTF-8").isEqualTo("0xe282ac2000");
    }

    @Test
    void kmuAttributeFilesKeepTwoLinesPerAttribute() {
        AttributeValue id = AttributeValue.ofText(Attribute.ID, "\u0000\n\u00ff");
        assertThat(AttributeText.dump(List.of(id))).isEqualTo("OBJ_ATTR_ID\n0x000aff\n");
        assertThat(AttributeText.singleValue(id)).isEqualTo("0x000aff");
        assertThat(AttributeText.singleValue(AttributeValue.ofText(Attribute.ID, "IT-02"))).isEqualTo("IT-02");
    }
}
