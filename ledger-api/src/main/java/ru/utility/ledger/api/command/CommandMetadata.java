package ru.utility.ledger.api.command;

import java.util.HashMap;
import java.util.Map;

import org.axonframework.messaging.MetaData;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import ru.utility.ledger.api.http.RequestIdFilter;

/** Who sent a command and on behalf of which request: recorded in every resulting event's metadata. */
public final class CommandMetadata {

    public static final String ACTOR = "actor";
    public static final String CORRELATION_ID = "correlationId";
    public static final String REQUEST_ID = "requestId";

    private CommandMetadata() {
    }

    public static MetaData current() {
        Map<String, String> values = new HashMap<>();
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        values.put(ACTOR, authentication == null ? "system" : authentication.getName());
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            Object requestId = request.getAttribute(RequestIdFilter.REQUEST_ID_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
            Object correlationId = request.getAttribute(RequestIdFilter.CORRELATION_ID_ATTRIBUTE,
                    RequestAttributes.SCOPE_REQUEST);
            if (requestId != null) {
                values.put(REQUEST_ID, requestId.toString());
            }
            if (correlationId != null) {
                values.put(CORRELATION_ID, correlationId.toString());
            }
        }
        return MetaData.from(values);
    }
}
