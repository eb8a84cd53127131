package org.proxyfund.architecture;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One name per role on the data side (docs/architecture.md, "Naming"): {@code XRepository} is a package's own SQL and is
 * not public; {@code XQueries} are its public reads; there is no third name ({@code *Reads}); and no two classes of
 * src/main share a simple name (two {@code EndpointUptime} records once meant two different things).
 */
@PlainLane
class NamingTest {

    private static final Path MAIN = Path.of("src/main/java/org/proxyfund");

    /** Repositories other packages construct: the scheduler's, built by its factory and by endpoint's and probe's tests. */
    private static final Set<String> PUBLIC_REPOSITORIES = Set.of("ScheduleRepository");

    @Test
    void shouldKeepRepositoriesPackagePrivateAndQueriesPublicWithNoOtherReadSideName() {
        Map<String, String> declarations = declarations();
        Set<String> wrong = new TreeSet<>();
        declarations.forEach((name, line) -> {
            boolean isPublic = line.startsWith("public ");
            if (name.endsWith("Repository") && isPublic && !PUBLIC_REPOSITORIES.contains(name)) {
                wrong.add(name + " is public (a repository is its package's own SQL)");
            }
            if (name.endsWith("Queries") && !isPublic) {
                wrong.add(name + " is not public (queries are the package's public reads)");
            }
            if (name.endsWith("Reads")) {
                wrong.add(name + ": call public reads XQueries, the package's own SQL XRepository");
            }
        });
        assertEquals(Set.of(), wrong);
    }

    @Test
    void shouldGiveEveryClassOfMainItsOwnSimpleName() {
        try (Stream<Path> files = Files.walk(MAIN)) {
            Map<String, List<Path>> byName = files.filter(f -> f.toString().endsWith(".java"))
                    .collect(Collectors.groupingBy(f -> f.getFileName().toString(), TreeMap::new, Collectors.toList()));
            byName.values().removeIf(l -> l.size() < 2);
            assertEquals(Map.of(), byName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Simple name of each top-level type to its declaration line (modifiers included). */
    private static Map<String, String> declarations() {
        Pattern decl = Pattern.compile("^((?:public |final |abstract |sealed |non-sealed )*)(class|record|interface|enum) (\\w+)",
                Pattern.MULTILINE);
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                try {
                    var m = decl.matcher(Files.readString(f));
                    if (m.find()) {
                        out.put(m.group(3), m.group(0));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
