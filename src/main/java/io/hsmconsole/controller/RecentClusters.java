package io.hsmconsole.controller;

import io.hsmconsole.hsm.ClusterCatalog;
import io.hsmconsole.store.OwnerOnly;
import io.hsmconsole.store.ServerUrl;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The clusters the console opened last, newest first, kept in the data folder
 * ({@value #FILE_NAME}, owner-only, one {@code STORE<TAB>CLUSTER} line each: {@code sqlite} or the
 * server's URL). A server is written without its password, whatever the user typed: the file is
 * never a place a password can be read from. A line the console cannot read is skipped.
 */
public final class RecentClusters {
    public static final String FILE_NAME = "recent-clusters";
    static final int KEPT = 6;
    private static final String DATA_FOLDER = "sqlite";

    private final Path file;

    public RecentClusters(Path dataFolder) {
        this.file = dataFolder.resolve(FILE_NAME);
    }

    /** Newest first; what cannot be read is left out (a missing file is an empty list). */
    public List<ClusterLocation> list() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        List<ClusterLocation> read = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                ClusterLocation location = parse(line);
                if (location != null && !read.contains(location) && read.size() < KEPT) {
                    read.add(location);
                }
            }
        } catch (IOException e) {
            LoggerFactory.getLogger(RecentClusters.class).warn("cannot read {}: {}", file, e.getMessage());
        }
        return read;
    }

    /**
     * Puts the location first (once). Failing to write the list is no reason to refuse a cluster that
     * opened: it is logged, and the list stays as it was.
     */
    public void add(ClusterLocation location) {
        List<ClusterLocation> kept = new ArrayList<>(List.of(location));
        list().stream().filter(l -> !l.equals(location)).limit(KEPT - 1).forEach(kept::add);
        try {
            OwnerOnly.createDirectories(file.getParent());
            OwnerOnly.writeWholeText(file, out -> {
                for (ClusterLocation l : kept) {
                    out.write((l.store().teamServer() ? l.store().where() : DATA_FOLDER) + "\t" + l.cluster() + "\n");
                }
            });
        } catch (IOException e) {
            LoggerFactory.getLogger(RecentClusters.class).warn("cannot write {}: {}", file, e.getMessage());
        }
    }

    private ClusterLocation parse(String line) {
        String[] parts = line.split("\t", -1);
        if (parts.length != 2 || !ClusterCatalog.isValidClusterName(parts[1])) {
            return null;
        }
        if (parts[0].equals(DATA_FOLDER)) {
            return new ClusterLocation(StorePlace.dataFolder(file.getParent()), parts[1]);
        }
        try {
            // Parsed and named again without a password: one written by hand is never shown or reused.
            return new ClusterLocation(StorePlace.server(ServerUrl.parse(parts[0])), parts[1]);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
