package io.hsmconsole.hsm.exchange;

import java.nio.file.Path;

/** An export document that cannot be imported: names the file and what is wrong with it. */
public class ClusterDocumentException extends RuntimeException {
    public ClusterDocumentException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ClusterDocumentException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
