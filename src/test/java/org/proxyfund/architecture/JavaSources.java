package org.proxyfund.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The Java sources under a folder, for the architecture tests that read the code as text. */
final class JavaSources {

    private JavaSources() {
    }

    /** Each {@code .java} file under {@code root}: its path relative to root (with {@code /}) to its text, sorted. */
    static Map<String, String> under(Path root) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                out.put(root.relativize(f).toString().replace('\\', '/'), Files.readString(f));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
