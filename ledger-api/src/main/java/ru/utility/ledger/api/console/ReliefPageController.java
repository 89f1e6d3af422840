package ru.utility.ledger.api.console;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import ru.utility.ledger.api.http.FieldError;
import ru.utility.ledger.api.http.InvalidRequestException;
import ru.utility.ledger.api.program.ProgramController;
import ru.utility.ledger.api.program.ProgramRequests;
import ru.utility.ledger.api.program.ProgramResponses;
import ru.utility.ledger.api.relief.ReliefStatisticsController;
import ru.utility.ledger.api.relief.ReliefStatisticsResponses;
import ru.utility.ledger.core.api.SocialCategory;
import ru.utility.ledger.core.api.program.ReliefKind;
import ru.utility.ledger.projections.relief.ReliefFigures;
import ru.utility.ledger.projections.relief.ReliefStatisticsQueries;

/** Relief programmes: the list, launch and close (operators), and statistics by region, category and month. */
@Controller
public class ReliefPageController {

    private final ReliefStatisticsController statistics;
    private final ProgramController programmes;
    private final Charts charts;
    private final MessageSource messages;

    public ReliefPageController(ReliefStatisticsController statistics, ProgramController programmes, Charts charts,
                                MessageSource messages) {
        this.statistics = statistics;
        this.programmes = programmes;
        this.charts = charts;
        this.messages = messages;
    }

    @GetMapping("/console/relief")
    String list(Model model) {
        ReliefStatisticsResponses.Summary summary = statistics.summary();
        model.addAttribute("summary", summary);
        List<ProgramResponses.ProgramView> views = new ArrayList<>();
        for (ReliefStatisticsQueries.ProgramFigures p : summary.programs()) {
            views.add(programmes.get(p.programId().value()));
        }
        model.addAttribute("programmes", views);
        model.addAttribute("kinds", ReliefKind.values());
        model.addAttribute("categories", SocialCategory.values());
        return "console/relief";
    }

    @GetMapping("/console/relief/{programId}")
    String programme(@PathVariable String programId, Model model, Locale locale) {
        ConsoleUser user = (ConsoleUser) model.getAttribute("user");
        model.addAttribute("programme", programmes.get(programId));
        if (user.reports()) {
            for (String grouping : List.of("region", "category", "month")) {
                ReliefStatisticsResponses.ProgramStatistics stats = statistics.programme(programId, grouping);
                model.addAttribute("total", stats.total());
                model.addAttribute(grouping, stats);
                model.addAttribute(grouping + "Chart", chart(stats, locale));
            }
        }
        return "console/programme";
    }

    /** Cure and re-default rates (percent) and collected (roubles) per group. */
    private String chart(ReliefStatisticsResponses.ProgramStatistics stats, Locale locale) {
        // Categories by name in the page's language (NONE: enrolled without one); regions and months as they are.
        List<String> labels = stats.groups().stream().map(ReliefStatisticsResponses.Group::key)
                .map(key -> "category".equals(stats.groupBy())
                        ? messages.getMessage("category." + key, null, key, locale) : key).toList();
        List<ReliefFigures> figures = stats.groups().stream().map(ReliefStatisticsResponses.Group::figures).toList();
        return charts.bar(labels, List.of(
                new Charts.Series(messages.getMessage("relief.cureRate", null, locale),
                        figures.stream().map(f -> percent(f.cureRate())).toList()),
                new Charts.Series(messages.getMessage("relief.reDefaultRate", null, locale),
                        figures.stream().map(f -> percent(f.reDefaultRate())).toList()),
                new Charts.Series(messages.getMessage("relief.collectedThousands", null, locale),
                        figures.stream().map(f -> f.collected().kopecks() / 100_000.0).toList())), false);
    }

    private static double percent(BigDecimal rate) {
        return rate == null ? 0 : rate.doubleValue() * 100;
    }

    @PostMapping("/console/relief")
    String launch(@RequestParam Map<String, String> form,
                  @RequestParam(name = "categories", required = false) List<String> categories, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        FormErrors errors = FormErrors.attempt("launch", () -> {
            List<FieldError> wrong = new ArrayList<>();
            Integer maxDeferral = integer("maxDeferralMonths", form, wrong);
            Integer minInstallments = integer("minInstallments", form, wrong);
            Integer maxInstallments = integer("maxInstallments", form, wrong);
            Integer misses = integer("missesBeforeDefault", form, wrong);
            Integer amnesty = integer("amnestyMonthsPaidInFull", form, wrong);
            if (!wrong.isEmpty()) {
                throw new InvalidRequestException(wrong);
            }
            String regions = AccountFormsController.blank(form.get("regions"));
            programmes.launch(new ProgramRequests.LaunchProgramRequest(AccountFormsController.blank(form.get("programId")),
                    AccountFormsController.blank(form.get("name")), AccountFormsController.blank(form.get("kind")),
                    AccountFormsController.blank(form.get("activeFrom")), AccountFormsController.blank(form.get("activeTo")),
                    categories == null || categories.isEmpty() ? null : categories,
                    regions == null ? null : Arrays.stream(regions.split("[,\\s]+")).filter(s -> !s.isBlank()).toList(),
                    AccountFormsController.amount(form.get("percent")), maxDeferral, minInstallments, maxInstallments,
                    misses, amnesty, AccountFormsController.amount(form.get("budget"))));
        });
        if (errors == null) {
            // The programme's page reads the programme itself; the list follows once the statistics have it.
            redirect.addFlashAttribute("saved", "launch");
            return "redirect:/console/relief/" + form.get("programId").strip();
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("errors", errors);
        model.addAttribute("values", form);
        return list(model);
    }

    @PostMapping("/console/relief/{programId}/closure")
    String close(@PathVariable String programId, @RequestParam Map<String, String> form, Model model, Locale locale,
                 RedirectAttributes redirect, HttpServletResponse response) {
        FormErrors errors = FormErrors.attempt("close", () -> programmes.close(programId,
                new ProgramRequests.CloseProgramRequest(AccountFormsController.blank(form.get("closedOn")),
                        AccountFormsController.blank(form.get("reason")))));
        if (errors == null) {
            redirect.addFlashAttribute("saved", "close");
            return "redirect:/console/relief/" + programId;
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("errors", errors);
        model.addAttribute("values", form);
        return programme(programId, model, locale);
    }

    private static Integer integer(String field, Map<String, String> form, List<FieldError> wrong) {
        String raw = AccountFormsController.blank(form.get(field));
        if (raw == null) {
            return null;
        }
        try {
            return Integer.valueOf(raw);
        } catch (NumberFormatException e) {
            wrong.add(new FieldError(field, "must be a whole number"));
            return null;
        }
    }
}
