package ru.utility.ledger.api.console;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import jakarta.servlet.http.HttpServletResponse;
import ru.utility.ledger.api.jobs.FileRejectedException;
import ru.utility.ledger.api.jobs.JobController;
import ru.utility.ledger.api.jobs.JobKind;
import ru.utility.ledger.api.jobs.JobQueries;
import ru.utility.ledger.api.jobs.JobUploads;
import ru.utility.ledger.api.jobs.RegistryProfile;
import ru.utility.ledger.api.jobs.RegistryProfiles;
import ru.utility.ledger.api.http.InvalidRequestException;

/**
 * Bulk jobs: upload a billing run or a bank registry (into the same import as the API's upload), follow a job's
 * progress (the page polls a fragment until the job is done), its first errors and the failed lines, and the
 * history of jobs.
 */
@Controller
public class JobsPageController {

    static final int HISTORY = 50;

    private final JobUploads uploads;
    private final JobQueries jobs;
    private final JobController api;
    private final RegistryProfiles profiles;

    public JobsPageController(JobUploads uploads, JobQueries jobs, JobController api, RegistryProfiles profiles) {
        this.uploads = uploads;
        this.jobs = jobs;
        this.api = api;
        this.profiles = profiles;
    }

    @GetMapping("/console/jobs")
    String list(Model model) {
        model.addAttribute("jobs", jobs.recent(HISTORY));
        model.addAttribute("kinds", JobKind.values());
        model.addAttribute("profiles", profiles.all());
        return "console/jobs";
    }

    @PostMapping("/console/jobs")
    String upload(@RequestParam(required = false) String kind, @RequestParam(required = false) MultipartFile file,
                  @RequestParam(required = false) String profile, Authentication user, Model model,
                  HttpServletResponse response) throws IOException {
        JobKind jobKind = null;
        try {
            jobKind = kind == null ? null : JobKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            // Falls through to the error below.
        }
        if (jobKind == null || file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("errors", new FormErrors("upload", jobKind == null
                    ? Map.of("kind", "must be BILLING_RUN or PAYMENT_REGISTRY") : Map.of("file", "is required"), null));
            return list(model);
        }
        RegistryProfile registryProfile = null;
        if (jobKind == JobKind.PAYMENT_REGISTRY) {
            try {
                registryProfile = api.registryProfile(profile);
            } catch (InvalidRequestException e) {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                model.addAttribute("errors", new FormErrors("upload", Map.of("profile", e.errors().getFirst().reason()),
                        null));
                return list(model);
            }
        }
        try (InputStream in = file.getInputStream()) {
            JobUploads.Accepted accepted = uploads.accept(jobKind, registryProfile, in, null, file.getOriginalFilename(),
                    user.getName(), MDC.get("requestId"));
            return "redirect:/console/jobs/" + accepted.jobId();
        } catch (FileRejectedException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            Map<String, String> fields = new java.util.LinkedHashMap<>();
            e.errors().forEach(error -> fields.merge(error.field(), error.reason(), (a, b) -> a + "; " + b));
            model.addAttribute("errors", new FormErrors("upload", Map.of("file", e.code() + ": " + e.getMessage()),
                    null));
            model.addAttribute("fileErrors", fields);
            return list(model);
        }
    }

    @GetMapping("/console/jobs/{jobId}")
    String job(@PathVariable String jobId, Model model) {
        model.addAttribute("job", api.status(jobId));
        return "console/job";
    }

    /** The progress fragment the job page polls; once the job is completed it no longer asks to be polled. */
    @GetMapping("/console/jobs/{jobId}/progress")
    String progress(@PathVariable String jobId, Model model) {
        model.addAttribute("job", api.status(jobId));
        return "console/job :: progress";
    }

    @GetMapping("/console/jobs/{jobId}/errors.csv")
    void failedLines(@PathVariable String jobId, @RequestParam(required = false) String dialect,
                     HttpServletResponse response) throws IOException {
        api.errors(jobId, dialect, response);
    }
}
