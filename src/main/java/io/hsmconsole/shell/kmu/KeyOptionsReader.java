package io.hsmconsole.shell.kmu;

import io.hsmconsole.hsm.key.KeyOptions;

/** The key options imSymKey and unWrapKey share with genSymKey, read from parsed KMU options. */
final class KeyOptionsReader {
    private KeyOptionsReader() {
    }

    static KeyOptions read(ParsedOptions o, String label, String id) {
        Integer mValue = o.integer("-m_value");
        return new KeyOptions(label, id, o.flag("-nex"), o.flag("-sess"), UserList.parse(o.text("-u")),
                mValue == null ? 0 : mValue, o.integer("-min_srv"), o.integer("-timeout"), o.flag("-attest"));
    }
}
