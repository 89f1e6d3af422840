package ru.utility.ledger.api.http;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;

import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;


/**
 * Issue 14: a write that failed is never answered with a success. The first test pins the trap: Spring MVC
 * takes an exception caused by a dropped database socket for a client that hung up and answers 200 with an
 * empty body; ProblemHandler must turn every such failure into a 5xx problem the client repeats.
 */
class FailureAnswerTest {

    @RestController
    static class Failing {

        /** What JdbcEventStorageEngine throws when PostgreSQL drops the connection during an append. */
        @PostMapping("/append-broken-pipe")
        void appendBrokenPipe() {
            SQLException io = new SQLException("An I/O error occurred while sending to the backend.", "08006",
                    new SocketException("Broken pipe"));
            throw new EventStoreException("An event for aggregate [A] at sequence [7] could not be stored",
                    new BatchUpdateException("Batch entry 0 was aborted", "08006", 0, new int[0], io));
        }

        @PostMapping("/read-eof")
        void readEof() {
            throw new JdbcException("Failed to create a SQL statement",
                    new SQLException("An I/O error occurred", "08006", new EOFException()));
        }

        @PostMapping("/commit-unconfirmed")
        void commitUnconfirmed() {
            throw new DataAccessResourceFailureException("JDBC commit; terminating connection",
                    new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        }

        @PostMapping("/bug")
        void bug() {
            throw new IllegalStateException("unexpected");
        }

        @PostMapping("/error")
        void error() {
            throw new AssertionError("an Error, not an Exception");
        }
    }

    private final MockMvc ledger = MockMvcBuilders.standaloneSetup(new Failing())
            .setControllerAdvice(new ProblemHandler()).build();

    @Test
    void springAloneAnswersADroppedDatabaseSocketWith200AndNoBody() throws Exception {
        MockMvc bare = MockMvcBuilders.standaloneSetup(new Failing()).build();
        bare.perform(post("/append-broken-pipe")).andExpect(status().isOk()).andExpect(content().string(""));
        bare.perform(post("/read-eof")).andExpect(status().isOk()).andExpect(content().string(""));
    }

    @Test
    void aDroppedDatabaseConnectionIsA503ProblemToRepeat() throws Exception {
        for (String path : new String[] {"/append-broken-pipe", "/read-eof", "/commit-unconfirmed"}) {
            ledger.perform(post(path))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "1"))
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.code").value("STORE_UNAVAILABLE"))
                    .andExpect(jsonPath("$.instance").value(path));
        }
    }

    @Test
    void anyOtherFailureIsA500Problem() throws Exception {
        for (String path : new String[] {"/bug", "/error"}) {
            ledger.perform(post(path))
                    .andExpect(status().isInternalServerError())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.code").value("INTERNAL_ERROR"));
        }
    }
}
