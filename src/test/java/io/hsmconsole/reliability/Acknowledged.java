package io.hsmconsole.reliability;

import java.util.List;

/** A key a process reported as made: its handle, what was asked for, and the nodes it listed. */
public record Acknowledged(long handle, KeyOrder order, List<Integer> nodes) {
}
