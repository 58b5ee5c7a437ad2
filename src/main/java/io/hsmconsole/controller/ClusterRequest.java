package io.hsmconsole.controller;

/** What the "Open cluster" dialog asks for: which store ({@code server} only for a team server) and which cluster. */
public record ClusterRequest(StorePlace.Kind store, ServerEntry server, String cluster) {

    public static ClusterRequest dataFolder(String cluster) {
        return new ClusterRequest(StorePlace.Kind.DATA_FOLDER, ServerEntry.EMPTY, cluster);
    }

    public static ClusterRequest teamServer(ServerEntry server, String cluster) {
        return new ClusterRequest(StorePlace.Kind.TEAM_SERVER, server, cluster);
    }
}
