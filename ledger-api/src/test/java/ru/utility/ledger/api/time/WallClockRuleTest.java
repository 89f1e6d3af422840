package ru.utility.ledger.api.time;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;

import ru.utility.ledger.api.config.LedgerClock;

/**
 * One clock: no main or test code of any module reads the wall clock; time comes from the injected
 * {@link Clock}, which {@link LedgerClock} alone makes. Elapsed-time measurement ({@code System.nanoTime})
 * is not a clock read and stays allowed. Reads that take a Clock ({@code LocalDate.now(clock)}) are fine.
 */
class WallClockRuleTest {

    /** The modules' compiled classes, main and test; the reactor builds them before this module's tests. */
    private static final List<Path> MODULE_OUTPUTS = List.of(
            Path.of("../ledger-core/target/classes"), Path.of("../ledger-core/target/test-classes"),
            Path.of("../projections/target/classes"), Path.of("../projections/target/test-classes"),
            Path.of("target/classes"), Path.of("target/test-classes"));

    private static final Set<String> TIME_TYPES_WITH_NOW = Set.of("java.time.LocalDate", "java.time.LocalDateTime",
            "java.time.LocalTime", "java.time.Instant", "java.time.ZonedDateTime", "java.time.OffsetDateTime",
            "java.time.OffsetTime", "java.time.Year", "java.time.YearMonth", "java.time.MonthDay");

    static final DescribedPredicate<JavaAccess<?>> READS_THE_WALL_CLOCK =
            DescribedPredicate.describe("read the wall clock", WallClockRuleTest::readsTheWallClock);

    static final ArchRule NO_WALL_CLOCK = noClasses()
            .that().doNotHaveFullyQualifiedName(LedgerClock.class.getName())
            .and().doNotHaveFullyQualifiedName(WallClockReader.class.getName())
            .should().callCodeUnitWhere(READS_THE_WALL_CLOCK)
            .because("business dates and recorded instants come from the one injected Clock (LedgerClock), "
                    + "so the ledger and its suite behave the same on any date");

    @Test
    void noCodeReadsTheWallClock() {
        MODULE_OUTPUTS.forEach(path -> assertThat(path).as("compiled classes of a module").isDirectory());
        JavaClasses classes = new ClassFileImporter().importPaths(MODULE_OUTPUTS.stream().filter(Files::isDirectory)
                .toList());
        assertThat(classes).as("classes imported").hasSizeGreaterThan(300);

        NO_WALL_CLOCK.check(classes);
    }

    @Test
    void theRuleCatchesANewWallClockRead() {
        JavaClasses sample = new ClassFileImporter().importClasses(WallClockReader.class);

        EvaluationResult result = noClasses().should().callCodeUnitWhere(READS_THE_WALL_CLOCK).evaluate(sample);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(line -> assertThat(line).contains("LocalDate.now()"))
                .anySatisfy(line -> assertThat(line).contains("System.currentTimeMillis()"))
                .anySatisfy(line -> assertThat(line).contains("Date.<init>()"))
                .noneSatisfy(line -> assertThat(line).contains("now(java.time.Clock)"))
                .noneSatisfy(line -> assertThat(line).contains("nanoTime"));
    }

    /**
     * The database's clock is not the ledger's either: SQL that decides anything about the ledger takes its dates
     * and instants as parameters. Job leases and publication bookkeeping are compared across nodes, so they
     * use the one clock all nodes share, the database's; those files are named here.
     */
    @Test
    void sqlTakesLedgerDatesAsParameters() throws java.io.IOException {
        Set<String> databaseClockAllowed = Set.of("JobWorker.java", "JobChunks.java", "JobUploads.java",
                "FeedKafkaPublisher.java", "V41__kafka_publication.sql", "V42__bulk_jobs.sql");
        java.util.regex.Pattern databaseClock = java.util.regex.Pattern.compile(
                "(?i)\\b(now\\(\\)|current_date|current_timestamp|localtimestamp|clock_timestamp\\(\\)|"
                        + "statement_timestamp\\(\\)|transaction_timestamp\\(\\))");
        List<String> offenders = new java.util.ArrayList<>();
        for (String module : List.of("../ledger-core", "../projections", ".")) {
            try (var files = Files.walk(Path.of(module, "src/main"))) {
                for (Path file : files.filter(Files::isRegularFile)
                        .filter(f -> f.toString().endsWith(".java") || f.toString().endsWith(".sql")).toList()) {
                    if (!databaseClockAllowed.contains(file.getFileName().toString())
                            && databaseClock.matcher(Files.readString(file)).find()) {
                        offenders.add(file.toString());
                    }
                }
            }
        }
        assertThat(offenders).as("files whose SQL reads the database clock").isEmpty();
        // The pattern does find the database clock where it is allowed, so an empty list means something.
        assertThat(databaseClock.matcher(Files.readString(
                Path.of("src/main/java/ru/utility/ledger/api/jobs/JobWorker.java"))).find()).isTrue();
    }

    private static boolean readsTheWallClock(JavaAccess<?> access) {
        String owner = access.getTargetOwner().getName();
        String name = access.getName();
        if (!(access.getTarget() instanceof com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget target)) {
            return false;
        }
        List<String> parameters = target.getRawParameterTypes().stream().map(t -> t.getName()).toList();
        if (TIME_TYPES_WITH_NOW.contains(owner) && name.equals("now")) {
            return !parameters.contains(Clock.class.getName());
        }
        return switch (owner) {
            case "java.lang.System" -> name.equals("currentTimeMillis");
            case "java.time.Clock" -> name.startsWith("system");
            case "java.util.Date", "java.util.GregorianCalendar" -> name.equals(JavaConstructor.CONSTRUCTOR_NAME)
                    && parameters.isEmpty();
            case "java.util.Calendar" -> name.equals("getInstance");
            default -> false;
        };
    }
}
