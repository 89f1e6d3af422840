-- Bulk jobs (billing runs, payment registries). Every line of an uploaded file is stored here first; a
-- worker turns PENDING lines into commands chunk by chunk, and marks a line DONE or FAILED in the same
-- transaction as the events it caused, so a restart resumes exactly where the last commit stopped.
CREATE TABLE bulk_job (
    id            UUID         NOT NULL PRIMARY KEY,
    kind          VARCHAR(20)  NOT NULL,
    state         VARCHAR(12)  NOT NULL,
    file_name     VARCHAR(200),
    file_sha256   CHAR(64)     NOT NULL,
    charset       VARCHAR(20)  NOT NULL,
    created_by    VARCHAR(100) NOT NULL,
    request_id    VARCHAR(128),
    lines_total   INTEGER      NOT NULL,
    lines_done    INTEGER      NOT NULL DEFAULT 0,
    lines_failed  INTEGER      NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT clock_timestamp(),
    started_at    TIMESTAMPTZ,
    updated_at    TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ,
    owner         VARCHAR(64),
    lease_until   TIMESTAMPTZ,
    CONSTRAINT bulk_job_file_key UNIQUE (kind, file_sha256)
);

CREATE INDEX bulk_job_open_idx ON bulk_job (created_at) WHERE state <> 'COMPLETED';

CREATE TABLE bulk_job_line (
    job_id        UUID         NOT NULL REFERENCES bulk_job (id),
    line_no       INTEGER      NOT NULL,
    status        VARCHAR(8)   NOT NULL,
    account_id    VARCHAR(64),
    reference     VARCHAR(64),
    raw           TEXT         NOT NULL,
    error_code    VARCHAR(40),
    error_reason  VARCHAR(500),
    PRIMARY KEY (job_id, line_no)
);

CREATE INDEX bulk_job_line_pending_idx ON bulk_job_line (job_id, line_no) WHERE status = 'PENDING';
CREATE INDEX bulk_job_line_failed_idx ON bulk_job_line (job_id, line_no) WHERE status = 'FAILED';
