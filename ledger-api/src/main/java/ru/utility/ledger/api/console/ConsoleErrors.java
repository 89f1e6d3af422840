package ru.utility.ledger.api.console;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

import ru.utility.ledger.api.http.InvalidRequestException;
import ru.utility.ledger.api.http.UnknownAccountException;
import ru.utility.ledger.api.jobs.UnknownJobException;
import ru.utility.ledger.core.api.LedgerRuleViolation;

/** A refused console request gets a console page naming the reason, not the API's problem+json. */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ConsoleErrors {

    @ExceptionHandler(UnknownAccountException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String unknownAccount(UnknownAccountException e, Model model) {
        model.addAttribute("message", e.getMessage());
        model.addAttribute("user", ConsoleUser.of(org.springframework.security.core.context.SecurityContextHolder
                .getContext().getAuthentication()));
        return "console/error";
    }

    @ExceptionHandler(InvalidRequestException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String invalid(InvalidRequestException e, Model model) {
        model.addAttribute("message", e.getMessage());
        model.addAttribute("user", ConsoleUser.of(org.springframework.security.core.context.SecurityContextHolder
                .getContext().getAuthentication()));
        return "console/error";
    }

    @ExceptionHandler(UnknownJobException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String unknownJob(UnknownJobException e, Model model) {
        return page(e.getMessage(), model);
    }

    /** A value type refusing a path variable (an account id of the wrong form). */
    @ExceptionHandler(IllegalArgumentException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    String badValue(IllegalArgumentException e, Model model) {
        return page(e.getMessage(), model);
    }

    private static String page(String message, Model model) {
        model.addAttribute("message", message);
        model.addAttribute("user", ConsoleUser.of(org.springframework.security.core.context.SecurityContextHolder
                .getContext().getAuthentication()));
        return "console/error";
    }

    @ExceptionHandler(LedgerRuleViolation.class)
    @ResponseStatus(HttpStatus.UNPROCESSABLE_CONTENT)
    String refused(LedgerRuleViolation e, Model model) {
        model.addAttribute("message", e.code() + ": " + e.reason());
        model.addAttribute("user", ConsoleUser.of(org.springframework.security.core.context.SecurityContextHolder
                .getContext().getAuthentication()));
        return "console/error";
    }
}
