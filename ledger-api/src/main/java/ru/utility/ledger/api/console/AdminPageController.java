package ru.utility.ledger.api.console;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import ru.utility.ledger.api.ops.projections.AdminProjectionsController;
import ru.utility.ledger.api.ops.projections.ProjectionStatus;
import ru.utility.ledger.api.ops.projections.ReplayRefusedException;
import ru.utility.ledger.api.ops.projections.UnknownProjectionException;

/** Administration: every projection's state and lag (with a chart), and a replay followed by its progress. */
@Controller
public class AdminPageController {

    private final AdminProjectionsController projections;
    private final Charts charts;
    private final MessageSource messages;

    public AdminPageController(AdminProjectionsController projections, Charts charts, MessageSource messages) {
        this.projections = projections;
        this.charts = charts;
        this.messages = messages;
    }

    @GetMapping("/console/admin")
    String admin(Model model, Locale locale) {
        fill(model, locale);
        return "console/admin";
    }

    /** The status table the page polls while a replay runs. */
    @GetMapping("/console/admin/status")
    String status(Model model, Locale locale) {
        fill(model, locale);
        return "console/admin :: status";
    }

    @PostMapping("/console/admin/projections/{name}/replay")
    String replay(@PathVariable String name, RedirectAttributes redirect) {
        try {
            projections.replay(name);
            redirect.addFlashAttribute("replayed", name);
        } catch (ReplayRefusedException | UnknownProjectionException e) {
            redirect.addFlashAttribute("refused", e.getMessage());
        }
        return "redirect:/console/admin";
    }

    private void fill(Model model, Locale locale) {
        List<ProjectionStatus> statuses = projections.list().projections();
        model.addAttribute("projections", statuses);
        model.addAttribute("replaying", statuses.stream()
                .anyMatch(s -> s.replay() != null && !s.replay().finished()));
        model.addAttribute("lagChart", charts.bar(statuses.stream().map(ProjectionStatus::name).toList(), List.of(
                new Charts.Series(messages.getMessage("admin.lagEvents", null, locale),
                        statuses.stream().map(ProjectionStatus::lagEvents).toList()),
                new Charts.Series(messages.getMessage("admin.lagSeconds", null, locale),
                        statuses.stream().map(ProjectionStatus::lagSeconds).toList())), false));
    }
}
