import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.Locale;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build step, run at package time by pom.xml (exec-maven-plugin, with the JDK's source launcher):
 * {@code java src/build/UnsignedJars.java <lib folder> <output folder>} writes a copy of every
 * BouncyCastle jar ({@code bc*.jar}) of the lib folder without its signature: the signature files
 * (META-INF/*.SF, *.RSA, *.DSA, *.EC, SIG-*) are left out and the manifest keeps only its main
 * attributes (Multi-Release and the rest), not the per-entry digests.
 *
 * Why: the command-line launchers start one JVM per command. Verifying BouncyCastle's signed jars
 * costs a few hundred milliseconds per start, and class-data sharing (AppCDS) cannot archive
 * classes of signed jars. The launchers' class path uses these copies; the project's dependencies
 * (tests, GUI, packaging) keep the signed originals. A copy is remade only when its original is newer.
 */
public final class UnsignedJars {
    private UnsignedJars() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java UnsignedJars.java <lib folder> <output folder>");
            System.exit(2);
        }
        Path from = Path.of(args[0]);
        Path to = Files.createDirectories(Path.of(args[1]));
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(from, "bc*.jar")) {
            for (Path jar : jars) {
                Path copy = to.resolve(jar.getFileName());
                if (!Files.exists(copy) || Files.getLastModifiedTime(copy).compareTo(Files.getLastModifiedTime(jar)) < 0) {
                    unsign(jar, copy);
                }
            }
        }
    }

    private static void unsign(Path jar, Path copy) throws IOException {
        Path part = copy.resolveSibling(copy.getFileName() + ".part");
        try (ZipFile in = new ZipFile(jar.toFile()); OutputStream file = Files.newOutputStream(part);
             ZipOutputStream out = new ZipOutputStream(file)) {
            Enumeration<? extends ZipEntry> entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (isSignature(entry.getName())) {
                    continue;
                }
                ZipEntry written = new ZipEntry(entry.getName());
                written.setTime(entry.getTime());
                out.putNextEntry(written);
                try (InputStream content = in.getInputStream(entry)) {
                    if (entry.getName().equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                        Manifest mainOnly = new Manifest();
                        mainOnly.getMainAttributes().putAll(new Manifest(content).getMainAttributes());
                        mainOnly.write(out);
                    } else {
                        content.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
        Files.move(part, copy, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("unsigned copy for the launchers: " + copy);
    }

    /** The files that make a jar signed: META-INF/*.SF, *.RSA, *.DSA, *.EC and SIG-* (not in subfolders). */
    static boolean isSignature(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        if (!upper.startsWith("META-INF/") || upper.indexOf('/', "META-INF/".length()) >= 0) {
            return false;
        }
        String file = upper.substring("META-INF/".length());
        return file.endsWith(".SF") || file.endsWith(".RSA") || file.endsWith(".DSA") || file.endsWith(".EC")
                || file.startsWith("SIG-");
    }
}
