package ru.utility.ledger.api.console;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import ru.utility.ledger.api.account.AccountController;
import ru.utility.ledger.api.audit.AuditController;
import ru.utility.ledger.api.category.CategoryController;
import ru.utility.ledger.api.debt.DebtController;
import ru.utility.ledger.api.deferral.DeferralController;
import ru.utility.ledger.api.enrolment.EnrolmentController;
import ru.utility.ledger.api.http.FieldError;
import ru.utility.ledger.api.http.InvalidRequestException;
import ru.utility.ledger.api.http.UnknownAccountException;
import ru.utility.ledger.api.installment.InstallmentPlanController;
import ru.utility.ledger.api.overdue.OverdueController;
import ru.utility.ledger.api.overdue.OverdueRequests.OverdueParams;
import ru.utility.ledger.api.penalty.PenaltyController;
import ru.utility.ledger.api.statement.StatementController;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.LedgerTime;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.projections.balance.AccountBalanceView;
import ru.utility.ledger.projections.balance.BalanceQueries;
import ru.utility.ledger.projections.statement.MovementKind;
import ru.utility.ledger.projections.statement.Statement;

/**
 * Account search and the account page. Every figure comes from the API's own controllers and queries, called
 * in-process, so the console shows exactly what the JSON API answers.
 */
@Controller
public class AccountPageController {

    static final int SEARCH_PAGE = 50;
    static final int ALLOCATED_CHARGES = 12;

    private final BalanceQueries balances;
    private final AccountController accounts;
    private final StatementController statements;
    private final DebtController debts;
    private final PenaltyController penalties;
    private final CategoryController categories;
    private final EnrolmentController enrolments;
    private final DeferralController deferrals;
    private final InstallmentPlanController plans;
    private final AuditController audit;
    private final OverdueController overdue;
    private final Charts charts;
    private final MessageSource messages;
    private final Clock clock;

    public AccountPageController(BalanceQueries balances, AccountController accounts, StatementController statements,
                                 DebtController debts, PenaltyController penalties, CategoryController categories,
                                 EnrolmentController enrolments, DeferralController deferrals,
                                 InstallmentPlanController plans, AuditController audit, OverdueController overdue,
                                 Charts charts, MessageSource messages, Clock clock) {
        this.balances = balances;
        this.accounts = accounts;
        this.statements = statements;
        this.debts = debts;
        this.penalties = penalties;
        this.categories = categories;
        this.enrolments = enrolments;
        this.deferrals = deferrals;
        this.plans = plans;
        this.audit = audit;
        this.overdue = overdue;
        this.charts = charts;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/console/accounts")
    String search(@RequestParam(required = false) String accountId, @RequestParam(required = false) String region,
                  @RequestParam(required = false) String overdueOnly, @RequestParam(required = false) String after,
                  Model model) {
        ConsoleUser user = (ConsoleUser) model.getAttribute("user");
        model.addAttribute("accountId", accountId);
        model.addAttribute("region", region);
        model.addAttribute("overdueOnly", "true".equals(overdueOnly));
        if (accountId != null && !accountId.isBlank()) {
            AccountId id;
            try {
                id = AccountId.of(accountId.strip());
            } catch (IllegalArgumentException e) {
                model.addAttribute("errors", new FormErrors("search", Map.of("accountId", e.getMessage()), null));
                return "console/search";
            }
            if (balances.find(id).isPresent()) {
                return "redirect:/console/accounts/" + id.value();
            }
            model.addAttribute("errors", new FormErrors("search",
                    Map.of("accountId", messages(model, "search.notFound")), null));
            return "console/search";
        }
        if (region != null && !region.isBlank()) {
            RegionCode code;
            try {
                code = RegionCode.of(region.strip());
            } catch (IllegalArgumentException e) {
                model.addAttribute("errors", new FormErrors("search", Map.of("region", e.getMessage()), null));
                return "console/search";
            }
            if ("true".equals(overdueOnly) && user.overdue()) {
                model.addAttribute("overduePage", overdue.list(new OverdueParams(null, code.value(), null, null, null,
                        null, null, null, null, null, String.valueOf(SEARCH_PAGE), after, null, null)));
            } else {
                AccountId from = after == null || after.isBlank() ? null : AccountId.of(after);
                List<AccountBalanceView> found = balances.inRegion(code, from, SEARCH_PAGE + 1);
                boolean more = found.size() > SEARCH_PAGE;
                List<AccountBalanceView> shown = more ? found.subList(0, SEARCH_PAGE) : found;
                model.addAttribute("found", shown);
                model.addAttribute("nextAfter", more ? shown.getLast().accountId().value() : null);
            }
        }
        return "console/search";
    }

    private String messages(Model model, String key) {
        return messages.getMessage(key, null, org.springframework.context.i18n.LocaleContextHolder.getLocale());
    }

    @GetMapping("/console/accounts/{accountId}")
    String account(@PathVariable String accountId, @RequestParam(required = false) String from,
                   @RequestParam(required = false) String to, @RequestParam(required = false) String asOf,
                   @RequestParam(required = false) String knownAt, Model model, Locale locale) {
        fill(model, accountId, from, to, asOf, knownAt, locale);
        return "console/account";
    }

    /** The model of the account page, also for re-showing it with a refused form's errors. */
    void fill(Model model, String accountId, String from, String to, String asOf, String knownAt, Locale locale) {
        ConsoleUser user = (ConsoleUser) model.getAttribute("user");
        if (user == null) {
            user = ConsoleUser.of(org.springframework.security.core.context.SecurityContextHolder.getContext()
                    .getAuthentication());
            model.addAttribute("user", user);
        }
        AccountId id = AccountId.of(accountId);
        AccountBalanceView account = balances.find(id).orElseThrow(() -> new UnknownAccountException(id));
        LocalDate today = LedgerTime.today(clock);
        model.addAttribute("account", account);
        model.addAttribute("today", today);
        model.addAttribute("channels", PaymentChannel.values());
        if (asOf != null && !asOf.isBlank()) {
            model.addAttribute("asOf", asOf);
            model.addAttribute("knownAt", knownAt);
            model.addAttribute("asOfBalance", accounts.balance(accountId, asOf, knownAtInstant(knownAt)));
        }
        if (user.statements()) {
            LocalDate start = from == null || from.isBlank() ? defaultFrom(account, today) : null;
            String fromText = start != null ? start.toString() : from;
            String toText = to == null || to.isBlank() ? today.toString() : to;
            Statement statement = (Statement) statements.statement(accountId, fromText, toText, "json", null, null).getBody();
            model.addAttribute("statement", statement);
            model.addAttribute("from", fromText);
            model.addAttribute("to", toText);
            Statement whole = (Statement) statements.statement(accountId, account.openedOn().toString(),
                    today.toString(), "json", null, null).getBody();
            model.addAttribute("debtChart", debtChart(whole, locale));
            List<Object> allocations = new ArrayList<>();
            List<Statement.Movement> charges = whole.movements().stream()
                    .filter(m -> m.kind() == MovementKind.CHARGE).toList();
            for (Statement.Movement charge : charges.subList(Math.max(0, charges.size() - ALLOCATED_CHARGES),
                    charges.size()).reversed()) {
                allocations.add(debts.chargeAllocation(accountId, charge.reference()));
            }
            model.addAttribute("allocations", allocations);
        }
        model.addAttribute("penalty", penalties.penalty(accountId, null));
        model.addAttribute("categories", categories.list(accountId));
        model.addAttribute("enrolments", enrolments.list(accountId));
        model.addAttribute("deferrals", deferrals.list(accountId));
        model.addAttribute("plans", plans.list(accountId));
        if (user.history()) {
            model.addAttribute("history", audit.history(accountId, null, "1000"));
            model.addAttribute("integrity", audit.integrity(accountId));
        }
    }

    /** The event history with its integrity badge alone (auditors), as the account page shows it. */
    @GetMapping("/console/accounts/{accountId}/history")
    String history(@PathVariable String accountId, Model model) {
        model.addAttribute("history", audit.history(accountId, null, "1000"));
        model.addAttribute("integrity", audit.integrity(accountId));
        return "console/account :: history";
    }

    @GetMapping("/console/accounts/{accountId}/statement.csv")
    ResponseEntity<?> statementCsv(@PathVariable String accountId, @RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to,
                                   @RequestParam(required = false) String dialect) {
        return statements.statement(accountId, from, to, "csv", dialect, null);
    }

    private static LocalDate defaultFrom(AccountBalanceView account, LocalDate today) {
        LocalDate yearAgo = today.minusYears(1).withDayOfMonth(1);
        return account.openedOn().isAfter(yearAgo) ? account.openedOn() : yearAgo;
    }

    /** The picker sends Moscow local time; the API takes an instant. */
    private static String knownAtInstant(String knownAt) {
        if (knownAt == null || knownAt.isBlank()) {
            return null;
        }
        try {
            Instant instant = LocalDateTime.parse(knownAt).atZone(ConsoleFormat.MOSCOW).toInstant();
            return instant.toString();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(List.of(new FieldError("knownAt",
                    "must be a date and time such as 2026-11-05T14:30")));
        }
    }

    /** Month-end debt and penalties accrued so far, from the account's whole statement. */
    private String debtChart(Statement whole, Locale locale) {
        TreeMap<YearMonth, long[]> months = new TreeMap<>();
        long balance = whole.openingBalance().kopecks();
        long penalties = 0;
        for (Statement.Movement m : whole.movements()) {
            balance = m.runningBalance().kopecks();
            if (m.kind() == MovementKind.PENALTY || m.kind() == MovementKind.PENALTY_WRITE_OFF) {
                penalties += m.amount().kopecks();
            }
            months.put(YearMonth.from(m.date()), new long[]{balance, penalties});
        }
        List<String> labels = months.keySet().stream().map(ym -> String.format("%02d.%d", ym.getMonthValue(),
                ym.getYear())).toList();
        List<Double> debt = months.values().stream().map(v -> v[0] / 100.0).toList();
        List<Double> penalty = months.values().stream().map(v -> v[1] / 100.0).toList();
        return charts.line(labels, List.of(
                new Charts.Series(messages.getMessage("account.chart.debt", null, locale), debt),
                new Charts.Series(messages.getMessage("account.chart.penalties", null, locale), penalty)));
    }
}
