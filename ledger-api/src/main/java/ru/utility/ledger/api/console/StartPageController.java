package ru.utility.ledger.api.console;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

import ru.utility.ledger.api.jobs.JobQueries;
import ru.utility.ledger.api.ops.projections.ProjectionOperations;
import ru.utility.ledger.api.overdue.OverdueController;
import ru.utility.ledger.api.overdue.OverdueRequests.OverdueParams;
import ru.utility.ledger.core.api.LedgerTime;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.projections.balance.BalanceQueries;
import ru.utility.ledger.projections.overdue.BucketTotal;
import ru.utility.ledger.projections.overdue.OverduePage;
import ru.utility.ledger.projections.statement.StatementQueries;

/** Sign-in, refusal, and the start page: receivables, overdue by bucket, payments by channel, jobs, lag. */
@Controller
public class StartPageController {

    static final int PAYMENT_DAYS = 60;

    private final BalanceQueries balances;
    private final OverdueController overdue;
    private final StatementQueries statements;
    private final JobQueries jobs;
    private final ProjectionOperations projections;
    private final Charts charts;
    private final MessageSource messages;
    private final Clock clock;

    public StartPageController(BalanceQueries balances, OverdueController overdue, StatementQueries statements,
                               JobQueries jobs, ProjectionOperations projections, Charts charts,
                               MessageSource messages, Clock clock) {
        this.balances = balances;
        this.overdue = overdue;
        this.statements = statements;
        this.jobs = jobs;
        this.projections = projections;
        this.charts = charts;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/console/login")
    String login() {
        return "console/login";
    }

    /** Where a refusal is forwarded, whatever the refused request's method. */
    @RequestMapping("/console/denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied() {
        return "console/denied";
    }

    @GetMapping({"/console", "/console/"})
    String start(Model model, Locale locale) {
        ConsoleUser user = (ConsoleUser) model.getAttribute("user");
        LocalDate today = LedgerTime.today(clock);
        model.addAttribute("today", today);
        model.addAttribute("receivables", balances.receivables());
        if (user.overdue()) {
            OverduePage page = overdue.list(new OverdueParams(null, null, null, null, null, null, null, null, null,
                    null, "1", null, null, null));
            model.addAttribute("overdue", page);
            List<String> labels = page.buckets().stream()
                    .map(b -> messages.getMessage("bucket." + b.bucket().name(), null, locale)).toList();
            model.addAttribute("bucketChart", charts.bar(labels, List.of(new Charts.Series(
                    messages.getMessage("start.overdueAmount", null, locale),
                    page.buckets().stream().map(BucketTotal::amount).map(m -> m.kopecks() / 100.0).toList())), false));
            model.addAttribute("paymentsChart", paymentsChart(today, locale));
        }
        if (user.jobs()) {
            model.addAttribute("runningJobs", jobs.unfinished());
        }
        model.addAttribute("projections", projections.statuses());
        return "console/start";
    }

    private String paymentsChart(LocalDate today, Locale locale) {
        LocalDate from = today.minusDays(PAYMENT_DAYS - 1);
        Map<String, double[]> perChannel = new LinkedHashMap<>();
        for (PaymentChannel channel : PaymentChannel.values()) {
            perChannel.put(channel.name(), new double[PAYMENT_DAYS]);
        }
        for (StatementQueries.DailyPayments day : statements.paymentsPerDay(from, today)) {
            double[] values = perChannel.get(day.channel());
            if (values != null) {
                values[(int) (day.date().toEpochDay() - from.toEpochDay())] += day.amount().kopecks() / 100.0;
            }
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < PAYMENT_DAYS; i++) {
            labels.add(ConsoleFormat.shortDate(from.plusDays(i)));
        }
        List<Charts.Series> series = new ArrayList<>();
        perChannel.forEach((channel, values) -> series.add(new Charts.Series(
                messages.getMessage("channel." + channel, null, locale),
                java.util.Arrays.stream(values).boxed().toList())));
        return charts.bar(labels, series, true);
    }
}
