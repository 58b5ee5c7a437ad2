package io.hsmconsole.controller;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.hsm.ClusterExchange;
import io.hsmconsole.hsm.HsmCluster;
import io.hsmconsole.hsm.exchange.ClusterDocumentException;
import io.hsmconsole.hsm.exchange.DocumentCipher;
import io.hsmconsole.store.StoreException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * File → Export / Import cluster: the open cluster written as one JSON document with its secrets
 * sealed under a passphrase, and such a document made into a new cluster of the data folder. The
 * simulator does the work ({@link ClusterExchange}, {@link ClusterCatalog#importCluster}); a wrong
 * passphrase or a damaged document comes back as an outcome that says what is wrong, and nothing
 * is created. Passphrases are wiped as soon as the simulator has them.
 */
public final class ClusterExchangeController {
    /** Whether a name can be given to an imported cluster. */
    public enum NameCheck { FREE, INVALID, TAKEN }

    private final Workspace workspace;
    private final TaskRunner runner;
    private final Consumer<Throwable> onError;

    public ClusterExchangeController(Workspace workspace, TaskRunner runner, Consumer<Throwable> onError) {
        this.workspace = workspace;
        this.runner = runner;
        this.onError = onError;
    }

    /** The simulator's least passphrase length, for the form to say before the simulator refuses. */
    public int minPassphraseLength() {
        return DocumentCipher.MIN_PASSPHRASE;
    }

    /** The open cluster's name, or null while it is still opening. */
    public String openClusterName() {
        return workspace.clusterNameProperty().get();
    }

    /** Writes the open cluster to {@code file} (replacing it whole). The passphrase array is wiped at once. */
    public TaskHandle export(Path file, char[] passphrase, Consumer<ExchangeOutcome> done) {
        char[] secret = Arrays.copyOf(passphrase, passphrase.length);
        Arrays.fill(passphrase, '\0');
        HsmCluster cluster = workspace.cluster();
        return runner.run(BackgroundWork.named("export cluster", p -> {
            try {
                ClusterExchange.export(cluster, secret, file);
                return ExchangeOutcome.done(cluster, file);
            } catch (ClusterDocumentException | StoreException | IllegalArgumentException e) {
                return ExchangeOutcome.failed(file, e);
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, onError).onSuccess(done));
    }

    /** Whether {@code name} is a valid cluster name no cluster of the data folder has yet. */
    public NameCheck checkName(String name) {
        if (!ClusterCatalog.isValidClusterName(name)) {
            return NameCheck.INVALID;
        }
        return workspace.catalog().exists(name) ? NameCheck.TAKEN : NameCheck.FREE;
    }

    /** A free name from the file's: {@code demo-export.json} gives {@code demo-export}, or {@code demo-export-2}. */
    public String suggestName(Path file) {
        String base = file.getFileName().toString().replaceFirst("\\.[^.]*$", "")
                .replaceAll("[^A-Za-z0-9_.-]", "-").replaceFirst("^[^A-Za-z0-9]+", "");
        if (base.isEmpty() || !ClusterCatalog.isValidClusterName(base)) {
            base = "imported";
        }
        String name = base;
        for (int n = 2; checkName(name) != NameCheck.FREE; n++) {
            name = base + "-" + n;
        }
        return name;
    }

    /**
     * Makes a new cluster named {@code newName} from the document. The passphrase array is wiped at
     * once; the new cluster is closed again (open it by logging in to it).
     */
    public TaskHandle importCluster(Path file, char[] passphrase, String newName, Consumer<ExchangeOutcome> done) {
        char[] secret = Arrays.copyOf(passphrase, passphrase.length);
        Arrays.fill(passphrase, '\0');
        ClusterCatalog catalog = workspace.catalog();
        return runner.run(BackgroundWork.named("import cluster", p -> {
            // The catalog wipes the passphrase once it has opened the document.
            try (HsmCluster imported = catalog.importCluster(file, secret, newName)) {
                return ExchangeOutcome.done(imported, file);
            } catch (ClusterDocumentException | StoreException | IllegalArgumentException e) {
                return ExchangeOutcome.failed(file, e);
            } finally {
                Arrays.fill(secret, '\0');
            }
        }, onError).onSuccess(done));
    }
}
