package ru.utility.ledger.api.console;

import java.util.Locale;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import ru.utility.ledger.api.account.AccountController;
import ru.utility.ledger.api.account.AccountRequests;
import ru.utility.ledger.api.deferral.DeferralController;
import ru.utility.ledger.api.deferral.DeferralRequests;
import ru.utility.ledger.api.enrolment.EnrolmentController;
import ru.utility.ledger.api.enrolment.EnrolmentRequests;
import ru.utility.ledger.api.installment.InstallmentPlanController;
import ru.utility.ledger.api.installment.InstallmentPlanRequests;

/**
 * The operator's write forms on the account page. Each is sent through the API's controller for the same
 * write, so it is validated and recorded exactly as a JSON request would be (actor and request id included).
 * A refusal re-shows the page with each reason next to its field and the values as typed.
 */
@Controller
public class AccountFormsController {

    private final AccountController accounts;
    private final EnrolmentController enrolments;
    private final DeferralController deferrals;
    private final InstallmentPlanController plans;
    private final AccountPageController page;

    public AccountFormsController(AccountController accounts, EnrolmentController enrolments,
                                  DeferralController deferrals, InstallmentPlanController plans,
                                  AccountPageController page) {
        this.accounts = accounts;
        this.enrolments = enrolments;
        this.deferrals = deferrals;
        this.plans = plans;
        this.page = page;
    }

    @PostMapping("/console/accounts/{accountId}/charges")
    String charge(@PathVariable String accountId, @RequestParam Map<String, String> form, Model model, Locale locale,
                  RedirectAttributes redirect, HttpServletResponse response) {
        return answer("charge", accountId, form, model, locale, redirect, response, () -> accounts.postCharge(
                accountId, new AccountRequests.PostChargeRequest(blank(form.get("chargeId")),
                        blank(form.get("billingPeriod")), amount(form.get("amount")), amount(form.get("kwh")),
                        blank(form.get("description")), blank(form.get("postedOn")))));
    }

    @PostMapping("/console/accounts/{accountId}/payments")
    String payment(@PathVariable String accountId, @RequestParam Map<String, String> form, Model model, Locale locale,
                   RedirectAttributes redirect, HttpServletResponse response) {
        return answer("payment", accountId, form, model, locale, redirect, response, () -> accounts.recordPayment(
                accountId, new AccountRequests.RecordPaymentRequest(blank(form.get("paymentId")),
                        amount(form.get("amount")), blank(form.get("channel")), blank(form.get("receivedOn")),
                        blank(form.get("billingPeriod")))));
    }

    @PostMapping("/console/accounts/{accountId}/reversals")
    String reversal(@PathVariable String accountId, @RequestParam Map<String, String> form, Model model,
                    Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        String paymentId = form.get("paymentId") == null ? "" : form.get("paymentId").strip();
        return answer("reversal", accountId, form, model, locale, redirect, response, () -> {
            if (paymentId.isEmpty()) {
                throw new ru.utility.ledger.api.http.InvalidRequestException(java.util.List.of(
                        new ru.utility.ledger.api.http.FieldError("paymentId", "is required")));
            }
            accounts.reversePayment(accountId, paymentId, new AccountRequests.ReversePaymentRequest(
                    blank(form.get("reason")), blank(form.get("reversedOn"))));
        });
    }

    @PostMapping("/console/accounts/{accountId}/enrolments")
    String enrolment(@PathVariable String accountId, @RequestParam Map<String, String> form, Model model,
                     Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        String programId = form.get("programId") == null ? "" : form.get("programId").strip();
        return answer("enrolment", accountId, form, model, locale, redirect, response, () -> {
            if (programId.isEmpty()) {
                throw new ru.utility.ledger.api.http.InvalidRequestException(java.util.List.of(
                        new ru.utility.ledger.api.http.FieldError("programId", "is required")));
            }
            enrolments.enrol(programId, new EnrolmentRequests.EnrolRequest(accountId,
                    blank(form.get("enrolledOn"))));
        });
    }

    @PostMapping("/console/accounts/{accountId}/deferrals")
    String deferral(@PathVariable String accountId, @RequestParam Map<String, String> form, Model model,
                    Locale locale, RedirectAttributes redirect, HttpServletResponse response) {
        return answer("deferral", accountId, form, model, locale, redirect, response, () -> deferrals.grant(accountId,
                new DeferralRequests.GrantDeferralRequest(blank(form.get("deferralId")),
                        blank(form.get("programId")), blank(form.get("grantedOn")), blank(form.get("endsOn")),
                        blank(form.get("months")))));
    }

    @PostMapping("/console/accounts/{accountId}/plans")
    String plan(@PathVariable String accountId, @RequestParam Map<String, String> form, Model model, Locale locale,
                RedirectAttributes redirect, HttpServletResponse response) {
        return answer("plan", accountId, form, model, locale, redirect, response, () -> plans.agree(accountId,
                new InstallmentPlanRequests.AgreePlanRequest(blank(form.get("planId")),
                        blank(form.get("programId")), blank(form.get("installments")), blank(form.get("agreedOn")),
                        blank(form.get("firstDueDate")))));
    }

    private String answer(String name, String accountId, Map<String, String> form, Model model, Locale locale,
                          RedirectAttributes redirect, HttpServletResponse response, Runnable write) {
        FormErrors errors = FormErrors.attempt(name, write);
        if (errors == null) {
            redirect.addFlashAttribute("saved", name);
            return "redirect:/console/accounts/" + accountId + "#form-" + name;
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("errors", errors);
        model.addAttribute("values", form);
        page.fill(model, accountId, null, null, null, null, locale);
        return "console/account";
    }

    /** An empty input is an omitted field, as in the JSON API. */
    static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Amounts as a Russian types them: a decimal comma, spaces between thousands. */
    static String amount(String value) {
        String v = blank(value);
        return v == null ? null : v.replace('\u00A0', ' ').replace(" ", "").replace(',', '.');
    }
}
