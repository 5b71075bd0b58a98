package org.lexedi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/** Compiles and runs the Java example of bindings-java/README.md. */
class ReadmeTest {
    @Test
    void readmeExampleCompilesAndRuns() throws Exception {
        String readme = Files.readString(VectorSupport.repoRoot().resolve("bindings-java/README.md"));
        String code = readme.split("```java", 2)[1].split("```", 2)[0];
        Path dir = Files.createTempDirectory("lex-readme");
        Path src = dir.resolve("Example.java");
        Files.writeString(src, code);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-d", dir.toString(), "-cp", System.getProperty("java.class.path"),
                src.toString());
        assertEquals(0, rc, "the README example does not compile");

        PrintStream saved = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (URLClassLoader cl = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            Method main = cl.loadClass("Example").getMethod("main", String[].class);
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(saved);
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals("valid: false", lines.get(0));
        assertEquals("ERROR INVALID_EMAIL_FORMAT at /lex/payload/lead/customer/emailAddress", lines.get(1));
        assertTrue(lines.contains("ACKNOWLEDGMENT for a1b2c3d4-e5f6-4a7b-8c9d-000000000001"));
        assertTrue(lines.contains("REJECTED then duplicate=true"));
        assertTrue(lines.get(lines.size() - 1).startsWith("SYNTAX_ERROR at line 1, column 14"), lines.toString());
    }
}
