package io.hsmconsole.ui.main;

import io.hsmconsole.controller.KeyDetails;
import io.hsmconsole.ui.inspector.CompareView;
import io.hsmconsole.ui.inspector.CompareViewModel;
import io.hsmconsole.ui.keygen.KeyGenView;
import io.hsmconsole.ui.keygen.KeyGenViewModel;
import io.hsmconsole.ui.login.LoginView;
import io.hsmconsole.ui.login.LoginViewModel;
import io.hsmconsole.ui.sharing.ShareKeyView;
import io.hsmconsole.ui.sharing.ShareKeyViewModel;
import io.hsmconsole.ui.sharing.SharingViewModel;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.function.LongConsumer;

/** Opens the console's secondary windows, each with a fresh view model. */
final class Windows {
    private final ConsoleContext ctx;
    private Stage keyGen;

    Windows(ConsoleContext ctx) {
        this.ctx = ctx;
    }

    void login(Window owner) {
        new LoginView(new LoginViewModel(ctx.sessions(), ctx.messages()), ctx.messages())
                .showAndWait(owner, ctx.themes());
    }

    /** The key-generation form; a second Ctrl+N brings the open one to the front. */
    void keyGen(Window owner, LongConsumer onGenerated) {
        if (keyGen != null && keyGen.isShowing()) {
            keyGen.toFront();
            keyGen.requestFocus();
            return;
        }
        KeyGenViewModel model = new KeyGenViewModel(ctx.keys(), ctx.messages(), new SharingViewModel(ctx.messages()),
                onGenerated);
        keyGen = new KeyGenView(model, ctx.messages()).show(owner, ctx.themes());
    }

    /** Closes the form (logout: a form must not outlive the session it generates in). */
    void closeKeyGen() {
        if (keyGen != null) {
            keyGen.close();
            keyGen = null;
        }
    }

    void share(Window owner, KeyDetails key) {
        new ShareKeyView(new ShareKeyViewModel(key, ctx.keys(), ctx.messages(), ctx.dialogs()), ctx.messages())
                .showAndWait(owner, ctx.themes());
    }

    void compare(Window owner, CompareViewModel comparison) {
        new CompareView(comparison, ctx.messages()).show(owner, ctx.themes());
    }
}
