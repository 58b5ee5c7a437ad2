package io.hsmconsole.ui.main;

import io.hsmconsole.controller.AuditController;
import io.hsmconsole.controller.ClusterController;
import io.hsmconsole.controller.ConsoleController;
import io.hsmconsole.controller.KeyController;
import io.hsmconsole.controller.NodeController;
import io.hsmconsole.controller.UserAdminController;
import io.hsmconsole.controller.SessionController;
import io.hsmconsole.controller.Workspace;
import io.hsmconsole.ui.common.DialogService;
import io.hsmconsole.ui.common.Messages;
import io.hsmconsole.ui.common.Themes;
import io.hsmconsole.ui.quorum.QuorumGate;

/**
 * What every window of the console needs: the controllers, the texts, the theme, the dialogs, and
 * the gate that collects quorum approvals when the HSM asks for them.
 */
public record ConsoleContext(Workspace workspace, SessionController sessions, KeyController keys,
                             ClusterController cluster, NodeController nodes, UserAdminController users,
                             AuditController audit, ConsoleController console, Messages messages, Themes themes,
                             DialogService dialogs, QuorumGate approvals) {
}
