package io.hsmconsole.ui.keylist;

import java.util.List;

/**
 * Which keys the table should select after the list changed: the ones selected before a re-read
 * (several, for a comparison), or a new key to select and scroll to ({@code reveal}).
 */
public record SelectionRequest(List<Long> handles, boolean reveal) {

    public SelectionRequest {
        handles = List.copyOf(handles);
    }
}
