package ru.utility.ledger.api.console;

import java.util.Locale;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page needs: who is signed in, what they may use, the language. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
public class ConsoleModel {

    @ModelAttribute("user")
    ConsoleUser user(Authentication authentication) {
        return ConsoleUser.of(authentication);
    }

    @ModelAttribute("lang")
    String lang(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "ru";
    }
}
