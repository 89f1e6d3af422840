package ru.utility.ledger.api.jobs;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import ru.utility.ledger.api.csv.CsvDialect;
import ru.utility.ledger.api.http.FieldError;
import ru.utility.ledger.api.http.InvalidRequestException;
import ru.utility.ledger.api.http.ProblemResponses;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Bulk jobs", description = "Billing runs and bank payment registries, imported in the background")
public class JobController {

    private final JobUploads uploads;
    private final JobQueries jobs;
    private final JobsProperties properties;
    private final RegistryProfiles profiles;

    public JobController(JobUploads uploads, JobQueries jobs, JobsProperties properties, RegistryProfiles profiles) {
        this.uploads = uploads;
        this.jobs = jobs;
        this.properties = properties;
        this.profiles = profiles;
    }

    @PostMapping(path = "/billing-runs", consumes = "text/csv")
    @Operation(operationId = "uploadBillingRun", summary = "Upload a billing run (CSV: accountId,period,amount,kWh)",
            description = "202 with the job; 200 with the earlier job when the same file was uploaded before.")
    @RequestBody(required = true, description = "The file as uploaded (UTF-8 or windows-1251)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "202", description = "Queued as a job", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Nothing new: the same file was uploaded before; its job",
            useReturnTypeSchema = true)
    public ResponseEntity<JobQueries.JobStatus> billingRun(HttpServletRequest request, Authentication user,
                                                          @RequestParam(required = false) String fileName)
            throws IOException {
        return accept(JobKind.BILLING_RUN, null, request, user, fileName);
    }

    @PostMapping(path = "/payment-registries", consumes = "text/csv")
    @Operation(operationId = "uploadPaymentRegistry",
            summary = "Upload a bank payment registry in a registry profile's layout (profile=default: "
            + "CSV; UTF-8 or windows-1251; control line =;count;total)",
            description = "202 with the job; 200 with the earlier job for the same file; 400 for an unknown profile "
                    + "(GET /api/v1/registry-profiles lists them); 422 when the control line does not match "
                    + "(nothing is imported).")
    @RequestBody(required = true, description = "The file as uploaded (UTF-8 or windows-1251)",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "202", description = "Queued as a job", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Nothing new: the same file was uploaded before; its job",
            useReturnTypeSchema = true)
    public ResponseEntity<JobQueries.JobStatus> paymentRegistry(HttpServletRequest request, Authentication user,
                                                               @RequestParam(required = false) String fileName,
                                                               @RequestParam(required = false) String profile)
            throws IOException {
        return accept(JobKind.PAYMENT_REGISTRY, registryProfile(profile), request, user, fileName);
    }

    /** The profile an upload names; none: the default profile. */
    public RegistryProfile registryProfile(String name) {
        if (name == null || name.isBlank()) {
            return profiles.defaultProfile();
        }
        return profiles.find(name.strip()).orElseThrow(() -> new InvalidRequestException(List.of(new FieldError(
                "profile", "is not a known registry profile; known profiles: " + String.join(", ", profiles.names())))));
    }

    @GetMapping("/jobs/{jobId}")
    @Operation(operationId = "getJob", summary = "A job's state, progress, rate, ETA and first errors")
    public JobQueries.JobStatus status(@PathVariable String jobId) {
        UUID id = jobId(jobId);
        return jobs.find(id).orElseThrow(() -> new UnknownJobException(id));
    }

    @GetMapping(path = "/jobs/{jobId}/errors", produces = "text/csv")
    @Operation(operationId = "exportJobErrors",
            summary = "Every failed line as CSV: line,accountId,reference,code,reason",
            description = "dialect=rfc4180 (default) or excel (semicolons, decimal commas, UTF-8 BOM)")
    @ApiResponse(responseCode = "200", description = "The failed lines",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    public void errors(@PathVariable String jobId, @RequestParam(required = false) String dialect,
                       HttpServletResponse response) throws IOException {
        UUID id = jobId(jobId);
        CsvDialect csvDialect;
        try {
            csvDialect = dialect == null || dialect.isBlank() ? CsvDialect.RFC4180 : CsvDialect.parse(dialect);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(new FieldError("dialect", e.getMessage())));
        }
        if (jobs.find(id).isEmpty()) {
            throw new UnknownJobException(id);
        }
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"job-" + id + "-errors.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        jobs.writeErrorReport(id, out, csvDialect);
    }

    @ExceptionHandler(FileRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(FileRejectedException e, HttpServletRequest request) {
        return problem(request, HttpStatus.UNPROCESSABLE_CONTENT, e.code(), e.getMessage(), e.errors());
    }

    @ExceptionHandler(UploadTooLargeException.class)
    ResponseEntity<ProblemDetail> tooLarge(UploadTooLargeException e, HttpServletRequest request) {
        return problem(request, HttpStatus.CONTENT_TOO_LARGE, "UPLOAD_TOO_LARGE", e.getMessage(),
                List.of(new FieldError("body", "must be at most " + e.limit().toBytes() + " bytes")));
    }

    @ExceptionHandler(UnknownJobException.class)
    ResponseEntity<ProblemDetail> unknown(UnknownJobException e, HttpServletRequest request) {
        return problem(request, HttpStatus.NOT_FOUND, "UNKNOWN_JOB", e.getMessage(),
                List.of(new FieldError("jobId", "no such job")));
    }

    private ResponseEntity<JobQueries.JobStatus> accept(JobKind kind, RegistryProfile profile,
                                                       HttpServletRequest request, Authentication user,
                                                       String fileName) throws IOException {
        if (request.getContentLengthLong() > properties.maxUploadSize().toBytes()) {
            // Refused before a byte is read; a body without a length is counted as it streams (JobUploads).
            throw new UploadTooLargeException(properties.maxUploadSize());
        }
        Charset charset = declaredCharset(request.getContentType());
        if (fileName != null && fileName.length() > 200) {
            throw new InvalidRequestException(List.of(new FieldError("fileName", "must be at most 200 characters")));
        }
        JobUploads.Accepted accepted = uploads.accept(kind, profile, request.getInputStream(), charset, fileName,
                user.getName(), MDC.get("requestId"));
        JobQueries.JobStatus status = jobs.find(accepted.jobId()).orElseThrow();
        return ResponseEntity.status(accepted.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/v1/jobs/" + accepted.jobId())).body(status);
    }

    /** The charset parameter of Content-Type, if the client sent one; otherwise the file is sniffed. */
    private static Charset declaredCharset(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return null;
        }
        try {
            return MediaType.parseMediaType(contentType).getCharset();
        } catch (RuntimeException e) {
            throw new InvalidRequestException(List.of(new FieldError("Content-Type",
                    "has an unknown or malformed charset: " + e.getMessage())));
        }
    }

    private static UUID jobId(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(new FieldError("jobId", "must be a job id (UUID)")));
        }
    }

    private static ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpStatus status, String code,
                                                         String detail, List<FieldError> errors) {
        ProblemDetail problem = ProblemResponses.problem(status, code, detail, errors, MDC.get("requestId"));
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
