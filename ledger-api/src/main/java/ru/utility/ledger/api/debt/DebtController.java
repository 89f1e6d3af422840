package ru.utility.ledger.api.debt;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import ru.utility.ledger.api.debt.DebtResponses.ChargeAllocationResponse;
import ru.utility.ledger.api.debt.DebtResponses.PaymentAllocationResponse;
import ru.utility.ledger.api.history.AccountHistory;
import ru.utility.ledger.api.http.RequestFields;
import ru.utility.ledger.api.http.UnknownAccountException;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.LedgerRuleViolation;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.RuleViolationCode;
import ru.utility.ledger.core.api.debt.AccountDebts;

/** Allocation of charges and payments: what settles a charge, what a payment pays. */
@RestController
@Tag(name = "Debt", description = "Allocation of payments and late-payment penalties")
public class DebtController {

    private final AccountHistory history;

    public DebtController(AccountHistory history) {
        this.history = history;
    }

    @GetMapping("/api/v1/accounts/{accountId}/charges/{chargeId}/allocations")
    @Operation(operationId = "getChargeAllocation",
            summary = "Which payments and credits settle a charge, and what is still outstanding")
    public ChargeAllocationResponse chargeAllocation(@PathVariable String accountId, @PathVariable String chargeId) {
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        ChargeId charge = fields.required("chargeId", chargeId, ChargeId::of);
        fields.check();
        AccountDebts debts = debts(id);
        return debts.charge(charge)
                .map(c -> ChargeAllocationResponse.of(id, c, debts))
                .orElseThrow(() -> LedgerRuleViolation.of(RuleViolationCode.UNKNOWN_CHARGE, "chargeId",
                        "charge " + charge + " is not posted on account " + id));
    }

    @GetMapping("/api/v1/accounts/{accountId}/payments/{paymentId}/allocations")
    @Operation(operationId = "getPaymentAllocation",
            summary = "What a payment pays: charges, penalties, and what remains as credit")
    public PaymentAllocationResponse paymentAllocation(@PathVariable String accountId, @PathVariable String paymentId) {
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        PaymentId payment = fields.required("paymentId", paymentId, PaymentId::of);
        fields.check();
        AccountDebts debts = debts(id);
        return debts.payment(payment)
                .map(p -> PaymentAllocationResponse.of(id, p, debts))
                .orElseThrow(() -> LedgerRuleViolation.of(RuleViolationCode.UNKNOWN_PAYMENT, "paymentId",
                        "payment " + payment + " is not recorded on account " + id));
    }

    private AccountDebts debts(AccountId id) {
        return history.debts(id).orElseThrow(() -> new UnknownAccountException(id));
    }
}
