package io.hsmconsole.ui.main;

import io.hsmconsole.controller.AuditController;
import io.hsmconsole.controller.ClusterController;
import io.hsmconsole.controller.ClusterExchangeController;
import io.hsmconsole.controller.ConsoleController;
import io.hsmconsole.controller.KeyController;
import io.hsmconsole.controller.KeyUseController;
import io.hsmconsole.controller.NodeController;
import io.hsmconsole.controller.OpenClusterController;
import io.hsmconsole.controller.Stores;
import io.hsmconsole.controller.QuorumController;
import io.hsmconsole.controller.TaskRunner;
import io.hsmconsole.controller.UserAdminController;
import io.hsmconsole.controller.SessionController;
import io.hsmconsole.controller.Workspace;
import io.hsmconsole.ui.common.DialogService;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Themes;
import io.hsmconsole.ui.quorum.QuorumApprovalDialog;
import io.hsmconsole.ui.quorum.QuorumGate;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What every window of the console needs: the controllers, the texts, the theme, the dialogs, and
 * the gate that collects quorum approvals when the HSM asks for them.
 */
public record ConsoleContext(Workspace workspace, SessionController sessions, KeyController keys,
                             KeyUseController keyUse, ClusterController cluster, NodeController nodes, UserAdminController users,
                             AuditController audit, ConsoleController console, Messages messages, Themes themes,
                             DialogService dialogs, QuorumGate approvals, ClusterExchangeController exchange,
                             OpenClusterController openCluster) {

    /**
     * The console's controllers over one workspace, wired as the application runs them (the tests
     * of the main window wire theirs the same way, with dialogs of their own). {@code workDir} is
     * where the console pane's key_mgmt_util reads and writes files; {@code mainWindow} owns the
     * approval window when no other window has the focus; {@code stores} are those File → Open cluster
     * may switch between.
     */
    public static ConsoleContext wire(Workspace workspace, TaskRunner runner, Consumer<Throwable> onError, Path workDir,
                                      Messages messages, Themes themes, DialogService dialogs,
                                      Supplier<Window> mainWindow, Stores stores) {
        ClusterController cluster = new ClusterController(workspace, runner, onError);
        return new ConsoleContext(workspace, new SessionController(workspace, runner, onError),
                new KeyController(workspace, runner, onError), new KeyUseController(workspace, runner, onError),
                cluster, new NodeController(workspace, runner, onError, cluster),
                new UserAdminController(workspace, runner, onError, cluster),
                new AuditController(workspace, runner, onError), new ConsoleController(workspace, runner, workDir),
                messages, themes, dialogs,
                new QuorumApprovalDialog(new QuorumController(workspace, runner, onError), messages, themes, mainWindow),
                new ClusterExchangeController(workspace, runner, onError),
                new OpenClusterController(workspace, runner, onError, stores));
    }
}
