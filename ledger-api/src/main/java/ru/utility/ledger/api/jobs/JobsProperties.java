package ru.utility.ledger.api.jobs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param chunkSize     lines per transaction; the chunk's commands and line updates commit together
 * @param pollInterval  how often an idle worker looks for jobs (an upload on this node wakes it at once)
 * @param lease         how long a node owns a running job without renewing it; after a crash another
 *                      node (or the restarted one) takes the job over once the lease has run out
 * @param bulkDecisions true (the default): each chunk's lines are decided by the accounts directly, in the
 *                      chunk's one unit of work (AccountDecisions); false: each line is a command sent through
 *                      the command bus as a nested unit of work (the per-command path, kept as the reference
 *                      the bulk path is compared with)
 * @param maxUploadSize the largest file accepted (413 beyond it); a million registry lines take about 60 MB
 * @param maxLineLength the longest line accepted, in characters (the whole file is refused beyond it)
 */
@ConfigurationProperties("ledger.jobs")
public record JobsProperties(@DefaultValue("200") int chunkSize,
                             @DefaultValue("1s") Duration pollInterval,
                             @DefaultValue("30s") Duration lease,
                             @DefaultValue("true") boolean bulkDecisions,
                             @DefaultValue("256MB") DataSize maxUploadSize,
                             @DefaultValue("1024") int maxLineLength) {
}
