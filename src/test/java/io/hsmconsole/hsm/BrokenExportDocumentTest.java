package io.hsmconsole.hsm;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hsmconsole.hsm.exchange.ClusterDocumentException;
import io.hsmconsole.hsm.key.GenSymKeyRequest;
import io.hsmconsole.store.FileSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 8, damaged input: broken cluster export documents, beyond what ClusterExchangeTest covers
 * (wrong passphrase, a flipped byte in sealed material, truncation, a newer version, another
 * format). Each is refused with an error naming the file, and the data folder is exactly as before:
 * no cluster, no stray folder or file (a document that fails half-way through the import included).
 */
class BrokenExportDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final char[] PASSPHRASE = "correct horse".toCharArray();

    @TempDir
    Path dir;
    final ManualClock clock = new ManualClock(TestClusters.START);
    Path export;
    ClusterCatalog catalog;

    @BeforeEach
    void export() {
        try (HsmCluster cluster = TestClusters.demo(dir.resolve("data"), clock)) {
            HsmSession s = TestClusters.login(cluster, "example_user");
            s.generateSymmetricKey(GenSymKeyRequest.of(31, 32, "one").withShareWith(List.of(4)));
            s.generateSymmetricKey(GenSymKeyRequest.of(21, 24, "two").withId("id-2"));
            s.close();
            export = dir.resolve("demo.json");
            ClusterExchange.export(cluster, PASSPHRASE.clone(), export);
        }
        catalog = TestClusters.catalog(dir.resolve("data"), clock);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "null", "42", "\"text\"", "{\"format\":\"hsm-key-console-cluster\"}",
            "{\"format\":\"hsm-key-console-cluster\",\"version\":1}",
            "{\"format\":\"hsm-key-console-cluster\",\"version\":\"one\"}"})
    void documentsWithoutTheRightShapeAreRefused(String content) throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, content);
        assertRefusedAndNothingWritten(file);
    }

    @Test
    void binaryGarbageIsRefused() throws IOException {
        Path file = dir.resolve("garbage.json");
        byte[] bytes = new byte[4096];
        new Random(7).nextBytes(bytes);
        Files.write(file, bytes);
        assertRefusedAndNothingWritten(file);
    }

    @Test
    void aMissingFileOrAFolderIsRefused() throws IOException {
        assertRefusedAndNothingWritten(dir.resolve("missing.json"));
        assertRefusedAndNothingWritten(Files.createDirectories(dir.resolve("a-folder.json")));
    }

    @Test
    void fieldsRemovedOrOfTheWrongTypeAreRefused() throws IOException {
        // Each import derives the passphrase key (slow on purpose), so a sample of the fields, not all of them.
        for (String field : List.of("cluster", "users", "keys", "protection")) {
            assertRefusedAndNothingWritten(edited("without-" + field, doc -> doc.remove(field)));
        }
        for (String field : List.of("nodes", "copies", "audit")) {
            assertRefusedAndNothingWritten(edited("string-" + field, doc -> doc.put(field, "nonsense")));
        }
        assertRefusedAndNothingWritten(edited("null-key-fields", doc -> ((ObjectNode) doc.get("keys").get(0))
                .putNull("label").putNull("material")));
        assertRefusedAndNothingWritten(edited("bad-hex", doc -> ((ObjectNode) doc.get("nodes").get(0))
                .put("firmwareMeasurement", "not hex")));
    }

    /**
     * Non-secret fields are not sealed, so a document can decrypt fine and still break the store's
     * rules half-way through the import: a key owned by a user who does not exist, a user twice.
     */
    @Test
    void aDocumentThatFailsHalfWayThroughTheImportLeavesNothing() throws IOException {
        assertRefusedAndNothingWritten(edited("unknown-owner", doc -> ((ObjectNode) doc.get("keys").get(0)).put("owner", 99)));
        assertRefusedAndNothingWritten(edited("user-twice", doc -> {
            ArrayNode users = (ArrayNode) doc.get("users");
            users.add(users.get(users.size() - 1).deepCopy());
        }));
        assertRefusedAndNothingWritten(edited("key-twice", doc -> {
            ArrayNode keys = (ArrayNode) doc.get("keys");
            keys.add(keys.get(0).deepCopy());
        }));
    }

    /** A user type, key class or key type the simulator does not know is damage, refused before anything is written. */
    @Test
    void aDocumentWithAnUnknownUserTypeKeyClassOrKeyTypeIsRefused() throws IOException {
        Path unknownType = edited("unknown-user-type", doc -> ((ObjectNode) doc.get("users").get(0)).put("type", "ROOT"));
        assertRefusedAndNothingWritten(unknownType);
        assertThatThrownBy(() -> catalog.importCluster(unknownType, PASSPHRASE.clone(), "copy"))
                .hasMessageContaining("unknown type 'ROOT'");
        Path unknownClass = edited("unknown-key-class", doc -> ((ObjectNode) doc.get("keys").get(0)).put("keyClass", 9));
        assertRefusedAndNothingWritten(unknownClass);
        assertThatThrownBy(() -> catalog.importCluster(unknownClass, PASSPHRASE.clone(), "copy"))
                .hasMessageContaining("unknown class 9");
        Path unknownKeyType = edited("unknown-key-type", doc -> ((ObjectNode) doc.get("keys").get(0)).put("keyType", 99));
        assertRefusedAndNothingWritten(unknownKeyType);
        assertThatThrownBy(() -> catalog.importCluster(unknownKeyType, PASSPHRASE.clone(), "copy"))
                .hasMessageContaining("unknown key type 99");
    }

    /** An export that cannot be written names the file and leaves no half document (no .part file) behind. */
    @Test
    void anExportThatCannotBeWrittenLeavesNothingBehind() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("taken.json"));
        Files.writeString(folder.resolve("inside.txt"), "a non-empty folder cannot be replaced by a file");
        Path missing = dir.resolve("no-such-folder").resolve("demo.json");
        try (HsmCluster cluster = catalog.open("demo")) {
            for (Path target : List.of(folder, missing)) {
                Map<String, String> before = filesOutsideTheStore();
                assertThatThrownBy(() -> ClusterExchange.export(cluster, PASSPHRASE.clone(), target))
                        .isInstanceOf(ClusterDocumentException.class).hasMessageContaining(target.toString());
                assertThat(filesOutsideTheStore()).as("files after exporting to %s", target).isEqualTo(before);
            }
        }
        assertThat(Files.exists(missing.getParent())).isFalse();
    }

    private Map<String, String> filesOutsideTheStore() {
        Map<String, String> files = new java.util.TreeMap<>(FileSnapshot.of(dir));
        files.keySet().removeIf(name -> name.startsWith("data/"));
        return files;
    }

    private Path edited(String name, Consumer<ObjectNode> edit) throws IOException {
        ObjectNode doc = (ObjectNode) JSON.readTree(export.toFile());
        edit.accept(doc);
        Path file = dir.resolve(name + ".json");
        JSON.writeValue(file.toFile(), doc);
        return file;
    }

    private void assertRefusedAndNothingWritten(Path file) {
        Path data = dir.resolve("data");
        Map<String, String> before = FileSnapshot.of(data);
        List<String> foldersBefore = folders(data);
        assertThatThrownBy(() -> catalog.importCluster(file, PASSPHRASE.clone(), "copy").close())
                .as("importing %s", file.getFileName())
                .isInstanceOf(ClusterDocumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).as("the error of %s", file.getFileName())
                        .contains(file.toString()).doesNotContain("NullPointerException"));
        assertThat(catalog.clusterNames()).containsExactly("demo");
        assertThat(FileSnapshot.of(data)).as("files after importing %s", file.getFileName()).isEqualTo(before);
        assertThat(folders(data)).as("folders after importing %s", file.getFileName()).isEqualTo(foldersBefore);
    }

    private static List<String> folders(Path root) {
        try (var paths = Files.walk(root)) {
            return paths.filter(Files::isDirectory).map(p -> root.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
