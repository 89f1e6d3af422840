package ru.utility.ledger.api.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import ru.utility.ledger.api.http.FieldError;

/**
 * Takes an uploaded file: streams it to a temporary file while hashing it (so a million lines never sit in
 * memory), refuses a file already imported, then parses it line by line into bulk_job_line in batches,
 * all in one transaction: a registry whose control line does not match leaves nothing behind.
 */
@Component
public class JobUploads {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    private static final int INSERT_BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final JobWorker worker;
    private final JobsProperties properties;
    private final RegistryLayouts layouts;

    public JobUploads(JdbcTemplate jdbc, TransactionTemplate transactions, JobWorker worker,
                      JobsProperties properties, RegistryLayouts layouts) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.worker = worker;
        this.properties = properties;
        this.layouts = layouts;
    }

    /** The job for the upload and whether it was created now (false: the same file was imported before). */
    public record Accepted(UUID jobId, boolean created) {
    }

    /** A billing run, or a payment registry in the default profile. */
    public Accepted accept(JobKind kind, InputStream body, Charset declared, String fileName, String user,
                           String requestId) {
        return accept(kind, kind == JobKind.PAYMENT_REGISTRY ? layouts.defaultProfile() : null, body, declared,
                fileName, user, requestId);
    }

    /**
     * @param registry the layout of a payment registry (null for a billing run)
     * @param declared the charset the upload declared; null: the profile's encoding, or detection
     */
    public Accepted accept(JobKind kind, RegistryProfile registry, InputStream body, Charset declared,
                           String fileName, String user, String requestId) {
        if (kind == JobKind.PAYMENT_REGISTRY && registry == null) {
            throw new IllegalArgumentException("a payment registry needs its profile");
        }
        PaymentRegistryFormat format = kind == JobKind.PAYMENT_REGISTRY ? new PaymentRegistryFormat(registry) : null;
        Path temp = null;
        String sha256 = null;
        try {
            temp = Files.createTempFile("ledger-upload-", ".csv");
            sha256 = copyAndHash(body, temp, properties.maxUploadSize().toBytes());
            Optional<UUID> existing = existing(kind, sha256);
            if (existing.isPresent()) {
                return new Accepted(existing.get(), false);
            }
            Charset charset = declared != null ? declared
                    : format != null && format.charset() != null ? format.charset() : detect(temp);
            Path file = temp;
            String hash = sha256;
            UUID id = UUID.randomUUID();
            transactions.executeWithoutResult(status -> store(id, kind, format, file, charset, hash, fileName, user,
                    requestId));
            worker.wakeUp();
            return new Accepted(id, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // The same file uploaded twice at the same moment: the other upload won; answer with its job.
            return new Accepted(existing(kind, sha256).orElseThrow(() -> e), false);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private void store(UUID id, JobKind kind, PaymentRegistryFormat registry, Path file, Charset charset,
                       String sha256, String fileName, String user, String requestId) {
        jdbc.update("""
                INSERT INTO bulk_job (id, kind, state, file_name, file_sha256, charset, created_by, request_id,
                                      lines_total, registry_profile, registry_layout)
                VALUES (?, ?, 'QUEUED', ?, ?, ?, ?, ?, 0, ?, ?)
                """, id, kind.name(), fileName, sha256, charset.name(), user, requestId,
                registry == null ? null : registry.profile().name(),
                registry == null ? null : layouts.write(registry.profile().layout()));
        Intake intake = new Intake(id, kind, registry);
        try (InputStream in = Files.newInputStream(file)) {
            DataLines lines = new DataLines(in, charset, properties.maxLineLength(),
                    registry == null ? 0 : registry.headerLines(), registry == null ? 0 : registry.footerLines());
            DataLines.Line line;
            while ((line = lines.next()) != null) {
                intake.take(line.number(), line.text());
            }
        } catch (CharacterCodingException e) {
            throw new FileRejectedException("UNREADABLE_FILE", "the file is not valid " + charset.name(),
                    List.of(new FieldError("charset", "the bytes are not valid " + charset.name())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (registry != null) {
            intake.checkControl();
        }
        if (intake.total == 0) {
            throw new FileRejectedException("EMPTY_FILE", "the file has no data lines",
                    List.of(new FieldError("body", "has no data lines")));
        }
        insert(id, intake.batch);
        int total = intake.total;
        int failed = intake.failed;
        jdbc.update("UPDATE bulk_job SET lines_total = ?, lines_failed = ?, state = ? WHERE id = ?",
                total, failed, failed == total ? "COMPLETED" : "QUEUED", id);
        if (failed == total) {
            jdbc.update("UPDATE bulk_job SET finished_at = clock_timestamp(), started_at = clock_timestamp(), "
                    + "updated_at = clock_timestamp() WHERE id = ?", id);
        }
    }

    /** The data lines of one upload (header and footer lines never reach it), parsed and inserted in batches. */
    private final class Intake {

        private final UUID id;
        private final JobKind kind;
        private final PaymentRegistryFormat registry;
        private final List<JobLine> batch = new ArrayList<>(INSERT_BATCH);
        private int total;
        private int failed;
        private BigDecimal sum = BigDecimal.ZERO;
        private PaymentRegistryFormat.Control control;
        private int controlLineNo;
        private String unreadableAmount;

        Intake(UUID id, JobKind kind, PaymentRegistryFormat registry) {
            this.id = id;
            this.kind = kind;
            this.registry = registry;
        }

        void take(int lineNo, String line) {
            if (control != null) {
                throw new FileRejectedException("CONTROL_LINE_NOT_LAST", "the control line must be the last line",
                        List.of(new FieldError("line " + lineNo, "follows the control line on line " + controlLineNo)));
            }
            if (registry != null && registry.isControlLine(line)) {
                control = controlLine(line, lineNo);
                controlLineNo = lineNo;
                return;
            }
            if (registry == null && total == 0 && BillingRunFormat.isHeader(line)) {
                return;
            }
            JobLine parsed = kind.parse(lineNo, line, registry);
            if (registry != null) {
                BigDecimal amount = parsed.amountText() == null ? null : registry.decimalOrNull(parsed.amountText());
                if (amount == null) {
                    unreadableAmount = unreadableAmount == null ? "line " + lineNo : unreadableAmount;
                } else {
                    sum = sum.add(amount);
                }
            }
            total++;
            if (!parsed.good()) {
                failed++;
            }
            batch.add(parsed);
            if (batch.size() == INSERT_BATCH) {
                insert(id, batch);
                batch.clear();
            }
        }

        private PaymentRegistryFormat.Control controlLine(String line, int lineNo) {
            try {
                return registry.control(line);
            } catch (IllegalArgumentException e) {
                throw new FileRejectedException("CONTROL_MISMATCH", "the control line cannot be read: " + e.getMessage(),
                        List.of(new FieldError("line " + lineNo, e.getMessage())));
            }
        }

        void checkControl() {
            if (control == null) {
                if (registry.controlRequired()) {
                    throw new FileRejectedException("CONTROL_LINE_MISSING", "a registry in profile "
                            + registry.profile().name() + " ends with the control line " + registry.controlShape(),
                            List.of(new FieldError("controlLine", "is missing")));
                }
                return;
            }
            List<FieldError> errors = new ArrayList<>();
            if (control.count() != total) {
                errors.add(new FieldError("controlLine.count", "says " + control.count() + " payments, the file has "
                        + total));
            }
            if (unreadableAmount != null) {
                errors.add(new FieldError("controlLine.total", "cannot be checked: the amount on " + unreadableAmount
                        + " is not a number"));
            } else if (control.total().compareTo(sum) != 0) {
                errors.add(new FieldError("controlLine.total", "says " + control.total().toPlainString()
                        + ", the payments add up to " + sum.toPlainString()));
            }
            if (!errors.isEmpty()) {
                throw new FileRejectedException("CONTROL_MISMATCH",
                        "the control line does not match the file; nothing was imported", errors);
            }
        }
    }

    private void insert(UUID id, List<JobLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("""
                INSERT INTO bulk_job_line (job_id, line_no, status, account_id, reference, raw, error_code, error_reason)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """, lines, lines.size(), (ps, line) -> {
            ps.setObject(1, id);
            ps.setInt(2, line.lineNo());
            ps.setString(3, line.good() ? "PENDING" : "FAILED");
            ps.setString(4, truncate(line.accountId(), 64));
            ps.setString(5, truncate(line.reference(), 64));
            ps.setString(6, line.raw());
            ps.setString(7, line.errorCode());
            ps.setString(8, truncate(line.errorReason(), 500));
        });
    }

    private Optional<UUID> existing(JobKind kind, String sha256) {
        return jdbc.queryForList("SELECT id FROM bulk_job WHERE kind = ? AND file_sha256 = ?", UUID.class,
                kind.name(), sha256).stream().findFirst();
    }

    /** UTF-8 if every byte sequence is valid UTF-8 (plain ASCII included), otherwise windows-1251. */
    static Charset detect(Path file) throws IOException {
        CharsetDecoder utf8 = strictDecoder(StandardCharsets.UTF_8);
        try (InputStream in = Files.newInputStream(file)) {
            byte[] chunk = new byte[1 << 16];
            ByteBuffer pending = ByteBuffer.allocate(chunk.length + 8);
            java.nio.CharBuffer out = java.nio.CharBuffer.allocate(chunk.length + 8);
            int read;
            while ((read = in.read(chunk)) > 0) {
                pending.put(chunk, 0, read).flip();
                var result = utf8.decode(pending, out, false);
                if (result.isError()) {
                    return WINDOWS_1251;
                }
                pending.compact();
                out.clear();
            }
            pending.flip();
            if (utf8.decode(pending, out, true).isError() || pending.hasRemaining()) {
                return WINDOWS_1251;
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static CharsetDecoder strictDecoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private String copyAndHash(InputStream body, Path temp, long limit) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(body, digest); OutputStream out = Files.newOutputStream(temp)) {
            byte[] buffer = new byte[1 << 16];
            long copied = 0;
            int read;
            while ((read = in.read(buffer)) >= 0) {
                copied += read;
                if (copied > limit) {
                    throw new UploadTooLargeException(properties.maxUploadSize());
                }
                out.write(buffer, 0, read);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
