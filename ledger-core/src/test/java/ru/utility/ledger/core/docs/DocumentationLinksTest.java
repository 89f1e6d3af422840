package ru.utility.ledger.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md and docs/ stay true to the repository as files move between docs/'s reader folders: every relative
 * link in them reaches a file (and the heading it names, by GitHub's anchor for it), and every docs/ path that a
 * source, build, deployment or documentation file names exists.
 */
class DocumentationLinksTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /** A path under docs/ as prose and code name it: docs/reference/api.md, ../docs/using/console/. */
    private static final Pattern DOC_PATH = Pattern.compile("(?<![\\w-])docs/[\\w./-]*\\w");
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", ".mvn", ".idea", "target", "node_modules");
    private static final Set<String> TEXT_EXTENSIONS = Set.of("java", "xml", "yaml", "yml", "properties", "txt", "md",
            "json", "html", "js", "css", "sh", "conf");
    /** Files without an extension that are text: the CI script and the image's build file. */
    private static final Set<String> TEXT_NAMES = Set.of("run", "Dockerfile");
    /** Flyway checksums a migration with its comments: a migration keeps the doc path it was written with. */
    private static final String MIGRATIONS = "db/migration/";

    private final Parser parser = Parser.builder().build();
    private final Map<Path, Set<String>> anchorsByFile = new HashMap<>();

    @Test
    void everyRelativeLinkOfTheReadmeAndTheDocsReachesAFileAndItsHeading() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(file -> file.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        assertThat(files).as("the docs' index").contains(ROOT.resolve("docs/README.md"));

        List<String> broken = new ArrayList<>();
        for (Path file : files) {
            for (String problem : brokenLinks(file)) {
                broken.add(ROOT.relativize(file) + ": " + problem);
            }
        }
        assertThat(broken).as("links in README.md and docs/").isEmpty();
    }

    @Test
    void everyDocsPathNamedInTheRepositoryExists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path file : textFiles()) {
            // Lenient: test data in windows-1251 or cp866 (bank registries) is read, not refused.
            List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                for (String path : docPaths(lines.get(i))) {
                    if (!Files.exists(ROOT.resolve(path))) {
                        missing.add(ROOT.relativize(file) + ":" + (i + 1) + ": " + path);
                    }
                }
            }
        }
        assertThat(missing).as("docs/ paths named in the repository").isEmpty();
    }

    /** The link check can fail: a missing file, a missing heading and a heading in a code block are found. */
    @Test
    void aLinkToAMissingFileOrHeadingIsFound(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.md"), """
                # Title
                ## Same `code`
                ## Same `code`
                ## Начисление пени (ст. 155)
                ```
                # Not a heading
                ```
                """);
        Files.writeString(dir.resolve("b.md"), """
                [one](a.md#title) [two](a.md#same-code-1) [three](a.md#начисление-пени-ст-155) ![four](a.md)
                <https://example.org/x.md> [five](mailto:x@example.org) [six](#here)
                [gone](c.md) [no heading](a.md#not-a-heading) [nowhere](#there)

                ### Here
                """);

        assertThat(brokenLinks(dir.resolve("b.md"))).containsExactly("c.md (no such file)",
                "a.md#not-a-heading (no such heading)", "#there (no such heading)");
    }

    @Test
    void aDocsPathIsReadAsItIsWritten() {
        assertThat(docPaths("see docs/reference/api.md. Also \"../docs/using/console/\" and /v3/api-docs/x"))
                .containsExactly("docs/reference/api.md", "docs/using/console");
    }

    private List<String> brokenLinks(Path file) throws IOException {
        List<String> destinations = new ArrayList<>();
        parse(file).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                destinations.add(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                destinations.add(image.getDestination());
            }
        });
        List<String> broken = new ArrayList<>();
        for (String destination : destinations) {
            if (SCHEME.matcher(destination).find()) {
                continue;
            }
            int hash = destination.indexOf('#');
            String path = hash < 0 ? destination : destination.substring(0, hash);
            String anchor = hash < 0 ? "" : URLDecoder.decode(destination.substring(hash + 1), StandardCharsets.UTF_8);
            Path target = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
            if (!Files.exists(target)) {
                broken.add(destination + " (no such file)");
            } else if (!anchor.isEmpty() && target.toString().endsWith(".md") && !anchors(target).contains(anchor)) {
                broken.add(destination + " (no such heading)");
            }
        }
        return broken;
    }

    /** The ids GitHub gives the file's headings: lower case, spaces as hyphens, punctuation dropped, -1 on repeats. */
    private Set<String> anchors(Path file) throws IOException {
        Set<String> known = anchorsByFile.get(file);
        if (known != null) {
            return known;
        }
        Set<String> ids = new HashSet<>();
        IdGenerator generator = IdGenerator.builder().build();
        parse(file).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                StringBuilder text = new StringBuilder();
                heading.accept(new AbstractVisitor() {
                    @Override
                    public void visit(Text literal) {
                        text.append(literal.getLiteral());
                    }

                    @Override
                    public void visit(Code code) {
                        text.append(code.getLiteral());
                    }
                });
                ids.add(generator.generateId(text.toString().strip()));
            }
        });
        anchorsByFile.put(file, ids);
        return ids;
    }

    private Node parse(Path file) throws IOException {
        return parser.parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    private static List<String> docPaths(String line) {
        List<String> paths = new ArrayList<>();
        Matcher path = DOC_PATH.matcher(line);
        while (path.find()) {
            paths.add(path.group());
        }
        return paths;
    }

    private static List<Path> textFiles() throws IOException {
        Path data = ROOT.resolve("data");
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                boolean skipped = SKIPPED_DIRECTORIES.contains(dir.getFileName().toString()) || dir.equals(data);
                return skipped ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                String name = file.getFileName().toString();
                int dot = name.lastIndexOf('.');
                boolean text = dot < 0 ? TEXT_NAMES.contains(name) : TEXT_EXTENSIONS.contains(name.substring(dot + 1));
                boolean migration = ROOT.relativize(file).toString().replace('\\', '/').contains(MIGRATIONS);
                if (text && !migration) {
                    files.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }
}
