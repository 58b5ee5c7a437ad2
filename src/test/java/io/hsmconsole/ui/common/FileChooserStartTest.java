package io.hsmconsole.ui.common;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 19 item 7: file choosers (export, import, save attributes) open in Documents or home, not the start folder. */
class FileChooserStartTest {
    @TempDir
    Path home;

    @Test
    void documentsWhenThereIsOneElseHome() throws Exception {
        assertThat(FxDialogService.startFolder(home)).contains(home);
        Files.createDirectory(home.resolve("Documents"));
        assertThat(FxDialogService.startFolder(home)).contains(home.resolve("Documents"));
        assertThat(FxDialogService.startFolder(home.resolve("gone"))).isEmpty();
    }
}
