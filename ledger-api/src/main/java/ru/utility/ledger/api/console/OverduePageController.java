package ru.utility.ledger.api.console;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import ru.utility.ledger.api.overdue.OverdueController;
import ru.utility.ledger.api.overdue.OverdueRequests.OverdueParams;
import ru.utility.ledger.api.overdue.RestrictionController;
import ru.utility.ledger.core.api.SocialCategory;
import ru.utility.ledger.projections.overdue.AgingBucket;
import ru.utility.ledger.projections.overdue.BucketTotal;
import ru.utility.ledger.projections.overdue.OverduePage;

/** The overdue list (the API's, filter for filter), its bucket totals, CSV export, and restriction candidates. */
@Controller
public class OverduePageController {

    static final String PAGE_SIZE = "50";

    private final OverdueController overdue;
    private final RestrictionController restrictions;
    private final Charts charts;
    private final MessageSource messages;

    public OverduePageController(OverdueController overdue, RestrictionController restrictions, Charts charts,
                                 MessageSource messages) {
        this.overdue = overdue;
        this.restrictions = restrictions;
        this.charts = charts;
        this.messages = messages;
    }

    @GetMapping("/console/overdue")
    String list(@ModelAttribute("filter") OverdueParams filter, Model model, Locale locale) {
        OverdueParams params = new OverdueParams(blank(filter.asOf()), blank(filter.region()),
                blank(filter.category()), blank(filter.bucket()), blank(filter.minDays()),
                AccountFormsController.amount(filter.minAmount()), blank(filter.inRelief()),
                blank(filter.restrictionEligible()), blank(filter.sort()), blank(filter.direction()),
                blank(filter.limit()) == null ? PAGE_SIZE : filter.limit().strip(), blank(filter.cursor()), null, null);
        OverduePage page = overdue.list(params);
        model.addAttribute("page", page);
        model.addAttribute("categories", SocialCategory.values());
        model.addAttribute("buckets", AgingBucket.values());
        List<String> labels = page.buckets().stream()
                .map(b -> messages.getMessage("bucket." + b.bucket().name(), null, locale)).toList();
        model.addAttribute("bucketChart", charts.bar(labels, List.of(new Charts.Series(
                messages.getMessage("overdue.amount", null, locale),
                page.buckets().stream().map(BucketTotal::amount).map(m -> m.kopecks() / 100.0).toList())), false));
        model.addAttribute("candidates", restrictions.candidates(blank(filter.asOf()), blank(filter.region()), null,
                "100"));
        return "console/overdue";
    }

    @GetMapping("/console/overdue.csv")
    ResponseEntity<StreamingResponseBody> csv(@ModelAttribute OverdueParams filter) {
        return overdue.export(new OverdueParams(blank(filter.asOf()), blank(filter.region()),
                blank(filter.category()), blank(filter.bucket()), blank(filter.minDays()),
                AccountFormsController.amount(filter.minAmount()), blank(filter.inRelief()),
                blank(filter.restrictionEligible()), blank(filter.sort()), blank(filter.direction()), null, null,
                "csv", blank(filter.dialect())));
    }

    private static String blank(String value) {
        return AccountFormsController.blank(value);
    }
}
