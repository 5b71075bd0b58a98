package org.lexedi;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Loads the native library: from {@code -Dlex.library.path=/path/to/liblex_java.so} when set
 * (system installs), otherwise from the jar ({@code /native/<os>-<arch>/}), extracted into a
 * private temporary directory, checked against the SHA-256 recorded at build time, then loaded.
 */
final class NativeLibrary {
    /** The system property naming an installed native library to load instead of the jar's. */
    static final String PATH_PROPERTY = "lex.library.path";

    private static boolean loaded;

    private NativeLibrary() {}

    static synchronized void load() {
        if (loaded) {
            return;
        }
        String override = System.getProperty(PATH_PROPERTY);
        if (override != null && !override.isEmpty()) {
            System.load(Path.of(override).toAbsolutePath().toString());
        } else {
            System.load(extract().toString());
        }
        loaded = true;
    }

    static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.contains("linux") ? "linux" : os.contains("mac") ? "macos" : os.contains("win") ? "windows" : os;
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("aarch64") ? "aarch64" : arch;
        return o + "-" + a;
    }

    static String libraryFileName() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return "lex_java.dll";
        }
        return os.contains("mac") ? "liblex_java.dylib" : "liblex_java.so";
    }

    private static Path extract() {
        String base = "/native/" + platform() + "/" + libraryFileName();
        try (InputStream lib = NativeLibrary.class.getResourceAsStream(base);
                InputStream sum = NativeLibrary.class.getResourceAsStream(base + ".sha256")) {
            if (lib == null) {
                throw new UnsatisfiedLinkError("this jar has no native library for " + platform()
                        + " (looked for " + base + "); set -D" + PATH_PROPERTY + " to an installed copy");
            }
            if (sum == null) {
                throw new UnsatisfiedLinkError("the jar has no checksum for " + base);
            }
            String expected = new String(sum.readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+")[0];
            Path dir = Files.createTempDirectory(
                    "lexedi-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            dir.toFile().deleteOnExit();
            Path file = dir.resolve(libraryFileName());
            Files.copy(lib, file, StandardCopyOption.REPLACE_EXISTING);
            file.toFile().deleteOnExit();
            String actual = sha256(file);
            if (!actual.equalsIgnoreCase(expected)) {
                Files.deleteIfExists(file);
                throw new UnsatisfiedLinkError("the extracted native library does not match its checksum (expected "
                        + expected + ", got " + actual + ")");
            }
            return file;
        } catch (IOException e) {
            UnsatisfiedLinkError err = new UnsatisfiedLinkError("cannot extract the native library: " + e);
            err.initCause(e);
            throw err;
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
