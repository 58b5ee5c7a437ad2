package io.hsmconsole.controller;

/** The cluster the console has open and the store it lives in: two clusters of one name on two stores differ. */
public record ClusterLocation(StorePlace store, String cluster) {
}
