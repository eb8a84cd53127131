package org.proxyfund.architecture;

import org.proxyfund.common.testing.PlainLane;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/architecture.md is the map a newcomer reads against the code: every class, method, package and table it names
 * in {@code code spans} exists, and every package of src/main is on it. No doc says what is "to come": the docs
 * describe the code as it is; history belongs in git.
 */
@PlainLane
class DocsMapTest {

    private static final Path MAP = Path.of("docs/architecture.md");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    /** A class, optionally behind its folder path (common/identity/Viewer) and before one method (Sql.query). */
    private static final Pattern CLASS = Pattern.compile("(?:[a-z]+/)*([A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*)(?:\\.([a-z][A-Za-z0-9]*))?");
    private static final Pattern TABLE = Pattern.compile("[a-z]+(?:_[a-z]+)+");
    private static final Pattern PACKAGE_ROW = Pattern.compile("^\\| \\d+ \\| `([a-z]+)` \\|", Pattern.MULTILINE);
    /** Names of classes that are not ours (Quarkus, JDK) and the role placeholders of the naming rule. */
    private static final Set<String> NOT_OURS = Set.of("TemplateInstance", "SecurityIdentity", "ConfigSourceFactory",
            "XResource", "XService", "XRepository", "XQueries", "XConfig", "RolesAllowed", "ConfigMapping");

    @Test
    void shouldNameOnlyClassesMethodsAndTablesThatExist() throws IOException {
        String map = Files.readString(MAP);
        Map<String, Path> classes = classes();
        Set<String> tables = TableOwnershipTest.tables();
        List<String> missing = new ArrayList<>();
        Matcher m = CODE.matcher(map);
        int named = 0;
        while (m.find()) {
            String span = m.group(1).strip();
            Matcher c = CLASS.matcher(span);
            if (c.matches() && !NOT_OURS.contains(c.group(1))) {
                named++;
                Path file = classes.get(c.group(1));
                if (file == null) {
                    missing.add("class " + span);
                } else if (c.group(2) != null && !Files.readString(file).contains(" " + c.group(2) + "(")) {
                    missing.add("method " + span);
                }
            } else if (TABLE.matcher(span).matches()) {
                named++;
                if (!tables.contains(span)) {
                    missing.add("table " + span);
                }
            }
        }
        assertTrue(named > 100, "the map names classes and tables (" + named + " found)");
        assertEquals(List.of(), missing, "docs/architecture.md names what src/ and db/migration do not have");
    }

    @Test
    void shouldPutEveryPackageOfTheCodeOnTheMapWithItsFloor() throws IOException {
        Set<String> onMap = new TreeSet<>();
        Matcher m = PACKAGE_ROW.matcher(Files.readString(MAP));
        while (m.find()) {
            onMap.add(m.group(1));
        }
        assertEquals(new TreeSet<>(PackageGraphTest.arrows().keySet()), onMap, "packages in the floors table of docs/architecture.md");
        Set<String> floors = new TreeSet<>();
        PackageGraphTest.FLOORS.forEach(floors::addAll);
        assertEquals(floors, onMap, "the floors table and PackageGraphTest.FLOORS list the same packages");
    }

    @Test
    void shouldSayNothingIsToComeInAnyDoc() throws IOException {
        Pattern future = Pattern.compile("(?i)\\bto come\\b|\\bissue \\d+|\\bTODO\\b|\\bnot built yet\\b");
        List<String> found = new ArrayList<>();
        try (Stream<Path> docs = Stream.concat(Stream.of(Path.of("README.md")), Files.walk(Path.of("docs")))) {
            for (Path d : docs.filter(p -> p.toString().endsWith(".md")).toList()) {
                List<String> lines = Files.readAllLines(d);
                for (int i = 0; i < lines.size(); i++) {
                    if (future.matcher(lines.get(i)).find()) {
                        found.add(d + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertEquals(List.of(), found, "docs describe the code as it is");
    }

    /** Every class file of src/main and src/test by simple name. */
    private static Map<String, Path> classes() {
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("src/main/java")), Files.walk(Path.of("src/test/java")))) {
            return files.filter(f -> f.toString().endsWith(".java")).collect(Collectors.toMap(
                    f -> f.getFileName().toString().replace(".java", ""), f -> f, (a, b) -> a, TreeMap::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
