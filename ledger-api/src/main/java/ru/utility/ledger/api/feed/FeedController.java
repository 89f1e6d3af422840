package ru.utility.ledger.api.feed;

import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.MDC;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import ru.utility.ledger.api.http.ProblemResponses;
import ru.utility.ledger.projections.feed.FeedQueries;
import ru.utility.ledger.projections.feed.contract.FeedEvent;

@RestController
@RequestMapping("/api/v1/feed")
@Tag(name = "Feed", description = "The public event feed (docs/reference/events.md)")
public class FeedController {

    private final FeedQueries feed;
    private final FeedStreams streams;

    public FeedController(FeedQueries feed, FeedStreams streams) {
        this.feed = feed;
        this.streams = streams;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "readFeed", summary = "Catch up: events after a position",
            description = "Events with position > after, oldest first; pass `next` as `after` for the next page. "
                    + "versions=Type:N,... asks for a newer version of a type (ChargePosted:2); others come in version 1.")
    @ApiResponse(responseCode = "200", description = "The page of events",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = FeedPage.class)))
    public ResponseEntity<String> page(@RequestParam(required = false) String after,
                                       @RequestParam(required = false) String limit,
                                       @RequestParam(required = false) String types,
                                       @RequestParam(required = false) String versions) {
        FeedRequest request = FeedRequest.parse(after, null, limit, types, versions);
        List<FeedEvent> events = feed.after(request.after(), request.limit(), request.types(), request.versions());
        long next = events.isEmpty() ? request.after() : events.getLast().position();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(FeedJson.page(new FeedPage(events, next)));
    }

    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(operationId = "streamFeed", summary = "Follow the feed as Server-Sent Events",
            description = "Each event has id = position and event = type; resumes after Last-Event-ID (or after=); "
                    + "comment lines are heartbeats.")
    @ApiResponse(responseCode = "200", description = "The stream of events",
            content = @Content(mediaType = "text/event-stream", schema = @Schema(type = "string")))
    public SseEmitter stream(@RequestParam(required = false) String after,
                             @RequestParam(required = false) String types,
                             @RequestParam(required = false) String versions,
                             @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                             Authentication user) {
        return streams.open(FeedRequest.parse(after, lastEventId, null, types, versions), user.getName());
    }

    @ExceptionHandler(TooManyStreamsException.class)
    ResponseEntity<ProblemDetail> tooManyStreams(TooManyStreamsException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemResponses.problem(HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_STREAMS",
                e.getMessage(), List.of(), MDC.get("requestId"));
        problem.setInstance(URI.create(request.getRequestURI()));
        // Set explicitly: the stream's own type (text/event-stream) cannot carry a problem document.
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
