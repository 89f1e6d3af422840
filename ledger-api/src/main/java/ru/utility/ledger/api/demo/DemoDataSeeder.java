package ru.utility.ledger.api.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import ru.utility.ledger.api.account.AccountController;
import ru.utility.ledger.api.account.AccountRequests;
import ru.utility.ledger.api.category.CategoryController;
import ru.utility.ledger.api.category.CategoryRequests;
import ru.utility.ledger.api.deferral.DeferralController;
import ru.utility.ledger.api.deferral.DeferralRequests;
import ru.utility.ledger.api.enrolment.EnrolmentController;
import ru.utility.ledger.api.enrolment.EnrolmentRequests;
import ru.utility.ledger.api.installment.InstallmentPlanController;
import ru.utility.ledger.api.installment.InstallmentPlanRequests;
import ru.utility.ledger.api.installment.InstallmentPlanResponses;
import ru.utility.ledger.api.jobs.JobKind;
import ru.utility.ledger.api.jobs.JobQueries;
import ru.utility.ledger.api.jobs.JobUploads;
import ru.utility.ledger.api.norm.ConsumptionNormController;
import ru.utility.ledger.api.norm.ConsumptionNormRequests;
import ru.utility.ledger.api.overdue.RestrictionController;
import ru.utility.ledger.api.penalty.PenaltyController;
import ru.utility.ledger.api.penalty.PenaltyRequests;
import ru.utility.ledger.api.overdue.RestrictionRequests;
import ru.utility.ledger.api.program.ProgramController;
import ru.utility.ledger.api.program.ProgramRequests;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.LedgerTime;
import ru.utility.ledger.core.api.PaymentChannel;

/**
 * Seeds a demo ledger (ledger.demo-data) in the background after start, so the console is usable at once and
 * fills as the seeding goes, with its progress in the log. Everything goes through the ledger's own paths: the
 * API's controllers for accounts, categories, programmes, enrolments, a deferral, an installment plan and the
 * recent payments over every channel; a billing-run upload for the charges and bank registry uploads for the
 * bank payments (the bulk of the writes). Every command and file carries a fixed id, so seeding again changes
 * nothing: a repeated command is answered as a repeat, a repeated file with its earlier job.
 *
 * <p>ledger.demo-data=auto (the default for the embedded database kept in ./data) seeds only an empty event
 * store, or finishes a seeding that was interrupted; true seeds unless a seeding finished; false never seeds.
 */
@Component
public class DemoDataSeeder {

    private static final Logger log = LoggerFactory.getLogger(DemoDataSeeder.class);
    private static final DateTimeFormatter REGISTRY_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    static final String ACTOR = "demo-data";
    static final String DEFERRAL_PROGRAMME = "DEMO-DEFER-6M";
    static final String INSTALLMENT_PROGRAMME = "DEMO-INSTALMENTS-12";
    static final String UNKNOWN_ACCOUNT = "DEMO-99-99999";
    static final String DEFERRAL_ID = "DEMO-DEFERRAL-1";
    static final String PLAN_ID = "DEMO-PLAN-1";
    static final String HOUSEHOLD_TYPE = "APARTMENT_ELECTRIC_STOVE";

    private final String mode;
    private final int size;
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final JobUploads uploads;
    private final JobQueries jobs;
    private final AccountController accounts;
    private final CategoryController categories;
    private final ProgramController programmes;
    private final EnrolmentController enrolments;
    private final DeferralController deferrals;
    private final InstallmentPlanController plans;
    private final PenaltyController penalties;
    private final ConsumptionNormController norms;
    private final RestrictionController restrictions;
    private volatile Thread running;

    public DemoDataSeeder(@Value("${ledger.demo-data:false}") String mode,
                          @Value("${ledger.demo-data-accounts:2000}") int size, JdbcTemplate jdbc, Clock clock,
                          JobUploads uploads, JobQueries jobs, AccountController accounts,
                          CategoryController categories, ProgramController programmes,
                          EnrolmentController enrolments, DeferralController deferrals,
                          InstallmentPlanController plans, PenaltyController penalties,
                          ConsumptionNormController norms, RestrictionController restrictions) {
        this.mode = mode.strip().toLowerCase();
        this.size = size;
        this.jdbc = jdbc;
        this.clock = clock;
        this.uploads = uploads;
        this.jobs = jobs;
        this.accounts = accounts;
        this.categories = categories;
        this.programmes = programmes;
        this.enrolments = enrolments;
        this.deferrals = deferrals;
        this.plans = plans;
        this.penalties = penalties;
        this.norms = norms;
        this.restrictions = restrictions;
        if (!List.of("true", "false", "auto").contains(this.mode)) {
            throw new IllegalStateException("ledger.demo-data must be true, false or auto; was '" + mode + "'");
        }
        if (size < 10 || size > 100_000) {
            throw new IllegalStateException("ledger.demo-data-accounts must be 10 to 100000; was " + size);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void startInBackground() {
        if (!wanted()) {
            return;
        }
        Thread thread = new Thread(this::seedLogged, "demo-data");
        thread.setDaemon(true);
        running = thread;
        thread.start();
    }

    /** Waits for a background seeding started at start-up (tests). */
    public void awaitSeeded(Duration timeout) throws InterruptedException {
        Thread thread = running;
        if (thread != null) {
            thread.join(timeout.toMillis());
            if (thread.isAlive()) {
                throw new IllegalStateException("demo data still seeding after " + timeout);
            }
        }
    }

    private boolean wanted() {
        if ("false".equals(mode)) {
            return false;
        }
        boolean finished = Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT exists(SELECT 1 FROM demo_data_seed WHERE finished_at IS NOT NULL)", Boolean.class));
        if (finished) {
            log.info("Demo data: already seeded (demo_data_seed); nothing to do");
            return false;
        }
        if ("auto".equals(mode)) {
            boolean started = Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT exists(SELECT 1 FROM demo_data_seed)", Boolean.class));
            boolean empty = !Boolean.TRUE.equals(jdbc.queryForObject(
                    "SELECT exists(SELECT 1 FROM domain_event_entry)", Boolean.class));
            if (!started && !empty) {
                log.info("Demo data: the ledger already holds events; not seeding (set ledger.demo-data=true to add "
                        + "the demo accounts anyway)");
                return false;
            }
        }
        return true;
    }

    private void seedLogged() {
        try {
            seed();
        } catch (RuntimeException e) {
            log.error("Demo data: seeding failed; it resumes on the next start", e);
        }
    }

    /** Seeds the whole demo ledger as of today. */
    public void seed() {
        seed(LedgerTime.today(clock), size);
    }

    /** Seeds a demo ledger of so many accounts as of a day; safe to run again (every write is a repeat). */
    public void seed(LocalDate today, int size) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                ACTOR, null, AuthorityUtils.createAuthorityList("ROLE_OPERATOR")));
        try {
            long started = System.nanoTime();
            jdbc.update("""
                    INSERT INTO demo_data_seed (seeded_on, accounts, started_at) VALUES (?, ?, ?)
                    ON CONFLICT (seeded_on) DO NOTHING""", today, size, java.sql.Timestamp.from(clock.instant()));
            DemoLedger ledger = new DemoLedger(size, today);
            log.info("Demo data: seeding {} accounts, {} charges and {} payments as of {} in the background; "
                            + "the console is usable meanwhile", ledger.accounts().size(), ledger.charges().size(),
                    ledger.payments().size(), today);
            openAccounts(ledger);
            grantCategories(ledger);
            launchProgrammes(today);
            upload(JobKind.BILLING_RUN, "demo-billing-run-" + today + ".csv", billingRun(ledger));
            List<DemoLedger.Payment> registry = ledger.payments().stream()
                    .filter(p -> p.channel() == PaymentChannel.BANK_REGISTRY).toList();
            LocalDate recent = today.minusDays(DemoLedger.RECENT_DAYS);
            upload(JobKind.PAYMENT_REGISTRY, "demo-bank-registry-" + today + "-archive.csv",
                    registry(registry.stream().filter(p -> p.receivedOn().isBefore(recent)).toList(), false));
            upload(JobKind.PAYMENT_REGISTRY, "demo-bank-registry-" + today + "-recent.csv",
                    registry(registry.stream().filter(p -> !p.receivedOn().isBefore(recent)).toList(), true));
            recordOtherChannels(ledger);
            relief(ledger, today);
            restrictionNotices(ledger, today);
            log.info("Demo data: accruing penalties to {}", today);
            penalties.run(new PenaltyRequests.PenaltyRunRequest(today.toString(), null));
            jdbc.update("UPDATE demo_data_seed SET finished_at = ? WHERE seeded_on = ?",
                    java.sql.Timestamp.from(clock.instant()), today);
            log.info("Demo data: done in {} s", (System.nanoTime() - started) / 1_000_000_000);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void openAccounts(DemoLedger ledger) {
        Progress progress = new Progress("accounts opened", ledger.accounts().size());
        for (DemoLedger.Account a : ledger.accounts()) {
            repeatable(() -> accounts.open(new AccountRequests.OpenAccountRequest(a.id(), a.holder(), a.region(),
                    a.openedOn().toString())));
            progress.step();
        }
    }

    private void grantCategories(DemoLedger ledger) {
        List<DemoLedger.Account> holders = ledger.accounts().stream().filter(a -> a.category() != null).toList();
        Progress progress = new Progress("social categories granted", holders.size());
        for (DemoLedger.Account a : holders) {
            repeatable(() -> categories.grant(a.id(), new CategoryRequests.GrantCategoryRequest(
                    a.category().name(), a.openedOn().toString(), null, "Удостоверение " + a.id())));
            progress.step();
        }
    }

    private void launchProgrammes(LocalDate today) {
        String from = today.minusMonths(DemoLedger.MONTHS).withDayOfMonth(1).toString();
        repeatable(() -> programmes.launch(new ProgramRequests.LaunchProgramRequest(DEFERRAL_PROGRAMME,
                "Отсрочка до 6 месяцев", "DEFERRAL", from, null, null, null, null, 6, null, null, null, null, null)));
        repeatable(() -> programmes.launch(new ProgramRequests.LaunchProgramRequest(INSTALLMENT_PROGRAMME,
                "Рассрочка до 12 месяцев", "INSTALLMENT", from, null, null, null, null, null, 2, 12, 3, null,
                null)));
        log.info("Demo data: programmes {} and {} launched", DEFERRAL_PROGRAMME, INSTALLMENT_PROGRAMME);
    }

    private static String billingRun(DemoLedger ledger) {
        StringBuilder csv = new StringBuilder("accountId,period,amount,kWh,postedOn\n");
        for (DemoLedger.Charge c : ledger.charges()) {
            csv.append(c.accountId()).append(',').append(c.period()).append(',').append(decimal(c.kopecks()))
                    .append(',').append(c.kwh()).append(',').append(c.postedOn()).append('\n');
        }
        return csv.toString();
    }

    /** A bank's registry; the recent one also carries two payments for an account that does not exist. */
    private static String registry(List<DemoLedger.Payment> payments, boolean withErrors) {
        StringBuilder csv = new StringBuilder();
        long total = 0;
        int count = 0;
        for (DemoLedger.Payment p : payments) {
            csv.append(p.reference()).append(';').append(p.accountId()).append(';')
                    .append(decimal(p.kopecks()).replace('.', ',')).append(';')
                    .append(REGISTRY_DATE.format(p.receivedOn())).append('\n');
            total += p.kopecks();
            count++;
        }
        if (withErrors && !payments.isEmpty()) {
            LocalDate on = payments.getLast().receivedOn();
            for (int i = 1; i <= 2; i++) {
                csv.append("DEMO-UNKNOWN-").append(on).append('-').append(i).append(';').append(UNKNOWN_ACCOUNT)
                        .append(";1500,00;").append(REGISTRY_DATE.format(on)).append('\n');
                total += 150_000;
                count++;
            }
        }
        csv.append("=;").append(count).append(';').append(decimal(total).replace('.', ',')).append('\n');
        return csv.toString();
    }

    private void upload(JobKind kind, String fileName, String content) {
        JobUploads.Accepted accepted = uploads.accept(kind,
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8, fileName,
                ACTOR, null);
        UUID id = accepted.jobId();
        log.info("Demo data: {} {} is job {}{}", kind, fileName, id, accepted.created() ? "" : " (uploaded before)");
        long lastLog = 0;
        while (true) {
            JobQueries.JobStatus status = jobs.find(id).orElseThrow();
            if ("COMPLETED".equals(status.state())) {
                log.info("Demo data: job {} completed: {} lines, {} failed", id, status.linesDone(),
                        status.linesFailed());
                return;
            }
            if (System.nanoTime() - lastLog > 5_000_000_000L) {
                lastLog = System.nanoTime();
                log.info("Demo data: job {} {}: {} of {} lines, {} lines/s", id, status.state(),
                        status.linesDone() + status.linesFailed(), status.linesTotal(), status.ratePerSecond());
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while job " + id + " ran", e);
            }
        }
    }

    private void recordOtherChannels(DemoLedger ledger) {
        List<DemoLedger.Payment> others = ledger.payments().stream()
                .filter(p -> p.channel() != PaymentChannel.BANK_REGISTRY).toList();
        Progress progress = new Progress("payments over web, app, autopay and cash office recorded", others.size());
        for (DemoLedger.Payment p : others) {
            repeatable(() -> accounts.recordPayment(p.accountId(), new AccountRequests.RecordPaymentRequest(
                    p.reference(), decimal(p.kopecks()), p.channel().name(), p.receivedOn().toString(), null)));
            progress.step();
        }
    }

    /**
     * Enrolments in both programmes; a deferral for a holder who never paid; for a debtor who stopped paying, an installment
     * plan agreed four months ago whose first installment was paid and the next missed.
     */
    private void relief(DemoLedger ledger, LocalDate today) {
        List<DemoLedger.Account> late = ledger.payers(DemoLedger.Payer.LATE);
        for (int i = 0; i < late.size() && i < Math.max(6, ledger.accounts().size() / 50); i++) {
            DemoLedger.Account a = late.get(i);
            LocalDate on = latest(today.minusDays(30 + (i * 37L) % 300), a.openedOn());
            repeatable(() -> enrolments.enrol(DEFERRAL_PROGRAMME, new EnrolmentRequests.EnrolRequest(a.id(),
                    on.toString())));
        }
        List<DemoLedger.Account> partial = ledger.payers(DemoLedger.Payer.PARTIAL);
        for (int i = 0; i < partial.size() && i < Math.max(4, ledger.accounts().size() / 80); i++) {
            DemoLedger.Account a = partial.get(i);
            LocalDate on = latest(today.minusDays(45 + (i * 53L) % 400), a.openedOn());
            repeatable(() -> enrolments.enrol(INSTALLMENT_PROGRAMME, new EnrolmentRequests.EnrolRequest(a.id(),
                    on.toString())));
        }
        DemoLedger.Account deferred = ledger.deferralAccount();
        repeatable(() -> enrolments.enrol(DEFERRAL_PROGRAMME, new EnrolmentRequests.EnrolRequest(deferred.id(),
                today.toString())));
        repeatable(() -> deferrals.grant(deferred.id(), new DeferralRequests.GrantDeferralRequest(
                DEFERRAL_ID, DEFERRAL_PROGRAMME, today.toString(), null, "3")));

        DemoLedger.Account planned = ledger.planAccount();
        LocalDate agreed = today.minusDays(120);
        repeatable(() -> enrolments.enrol(INSTALLMENT_PROGRAMME, new EnrolmentRequests.EnrolRequest(planned.id(),
                agreed.toString())));
        repeatable(() -> plans.agree(planned.id(), new InstallmentPlanRequests.AgreePlanRequest(PLAN_ID,
                INSTALLMENT_PROGRAMME, "6", agreed.toString(), agreed.plusMonths(1).toString())));
        InstallmentPlanResponses.PlanResponse plan = plans.get(planned.id(), PLAN_ID);
        InstallmentPlanResponses.PlanResponse.Installment first = plan.schedule().getFirst();
        // The first installment is paid in full: the payment also covers the charges that fell due around it,
        // whichever of them the allocation settles first.
        long around = ledger.charges().stream().filter(c -> c.accountId().equals(planned.id()))
                .filter(c -> c.postedOn().isAfter(agreed.minusDays(20)) && c.postedOn().isBefore(first.dueDate()))
                .mapToLong(DemoLedger.Charge::kopecks).sum();
        repeatable(() -> accounts.recordPayment(planned.id(), new AccountRequests.RecordPaymentRequest(
                PLAN_ID + "-1", decimal(first.amount().kopecks() + around), "CASH_OFFICE",
                first.dueDate().minusDays(2).toString(), null)));
        repeatable(() -> plans.review(planned.id(), new InstallmentPlanRequests.ReviewRequest(today.toString())));
        log.info("Demo data: relief enrolments, deferral {} on {} and installment plan {} on {} recorded",
                DEFERRAL_ID, deferred.id(), PLAN_ID, planned.id());
    }

    /**
     * Consumption norms for every region, and restriction notices to the holders who stopped or never paid,
     * delivered five weeks ago: those still owing more than two months at the norm are restriction candidates.
     */
    private void restrictionNotices(DemoLedger ledger, LocalDate today) {
        String from = today.minusMonths(DemoLedger.MONTHS + 1L).withDayOfMonth(1).toString();
        for (String region : DemoLedger.REGIONS) {
            repeatable(() -> norms.record(new ConsumptionNormRequests.NormRequest(region, HOUSEHOLD_TYPE, from,
                    "150", decimal(DemoLedger.tariff(region)),
                    "Демо-данные: условные норматив и тариф, не акт региона")));
        }
        List<DemoLedger.Account> debtors = java.util.stream.Stream.concat(
                ledger.payers(DemoLedger.Payer.STOPPED).stream(), ledger.payers(DemoLedger.Payer.NEVER).stream())
                .filter(a -> a.openedOn().isBefore(today.minusMonths(6))).toList();
        Progress progress = new Progress("restriction notices sent and delivered", debtors.size());
        LocalDate sent = today.minusDays(42);
        LocalDate delivered = today.minusDays(36);
        for (DemoLedger.Account a : debtors) {
            String notice = "DEMO-NOTICE-" + a.id().substring(5);
            repeatable(() -> norms.householdType(a.id(), new ConsumptionNormRequests.HouseholdTypeRequest(
                    HOUSEHOLD_TYPE, a.openedOn().toString())));
            repeatable(() -> restrictions.notice(a.id(), new RestrictionRequests.NoticeRequest(notice,
                    sent.toString())));
            repeatable(() -> restrictions.delivery(a.id(), notice, new RestrictionRequests.DeliveryRequest(
                    delivered.toString(), "REGISTERED_MAIL")));
            progress.step();
        }
    }

    /** A write that may have been made by an earlier seeding: its refusal as a duplicate is not an error. */
    private static void repeatable(Runnable write) {
        try {
            write.run();
        } catch (LedgerRuleViolation e) {
            if (e.kind() != LedgerRuleViolation.Kind.CONFLICT) {
                log.warn("Demo data: a write was refused: {} {}", e.code(), e.reason());
            }
        }
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static String decimal(long kopecks) {
        return kopecks / 100 + "." + String.format("%02d", kopecks % 100);
    }

    /** Logs a step's progress every tenth of the way. */
    private static final class Progress {
        private final String what;
        private final int total;
        private final int every;
        private int done;

        Progress(String what, int total) {
            this.what = what;
            this.total = total;
            this.every = Math.max(1, total / 10);
        }

        void step() {
            done++;
            if (done % every == 0 || done == total) {
                log.info("Demo data: {} of {} {}", done, total, what);
            }
        }
    }
}
