package ru.utility.ledger.api.account;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import ru.utility.ledger.api.account.AccountRequests.CloseAccountRequest;
import ru.utility.ledger.api.account.AccountRequests.OpenAccountRequest;
import ru.utility.ledger.api.account.AccountRequests.PostChargeRequest;
import ru.utility.ledger.api.account.AccountRequests.RecordPaymentRequest;
import ru.utility.ledger.api.account.AccountRequests.ReversePaymentRequest;
import ru.utility.ledger.api.account.AccountResponses.AccountResponse;
import ru.utility.ledger.api.account.AccountResponses.AsOfBalanceResponse;
import ru.utility.ledger.api.account.AccountResponses.BalanceResponse;
import ru.utility.ledger.api.account.AccountResponses.ChargeResponse;
import ru.utility.ledger.api.account.AccountResponses.ClosureResponse;
import ru.utility.ledger.api.account.AccountResponses.PaymentResponse;
import ru.utility.ledger.api.account.AccountResponses.ReversalResponse;
import ru.utility.ledger.api.command.LedgerCommands;
import ru.utility.ledger.api.eventstore.AsOfBalances;
import ru.utility.ledger.api.http.RequestFields;
import ru.utility.ledger.api.http.UnknownAccountException;
import ru.utility.ledger.api.ops.LedgerMetrics;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.AccountStatus;
import ru.utility.ledger.core.api.BillingPeriod;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.EnergyKwh;
import ru.utility.ledger.core.api.LedgerTime;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.RegionCode;
import ru.utility.ledger.core.api.account.ChargeReceipt;
import ru.utility.ledger.core.api.account.CloseAccount;
import ru.utility.ledger.core.api.account.OpenAccount;
import ru.utility.ledger.core.api.account.PaymentReceipt;
import ru.utility.ledger.core.api.account.PostCharge;
import ru.utility.ledger.core.api.account.RecordPayment;
import ru.utility.ledger.core.api.account.ReversalReceipt;
import ru.utility.ledger.core.api.account.ReversePayment;
import ru.utility.ledger.projections.balance.BalanceQueries;

@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Accounts", description = "Accounts, charges, payments and balances")
public class AccountController {

    private final LedgerCommands commands;
    private final BalanceQueries balances;
    private final LedgerMetrics metrics;
    private final Clock clock;
    private final AsOfBalances asOfBalances;

    public AccountController(LedgerCommands commands, BalanceQueries balances, LedgerMetrics metrics, Clock clock,
                             AsOfBalances asOfBalances) {
        this.asOfBalances = asOfBalances;
        this.commands = commands;
        this.balances = balances;
        this.metrics = metrics;
        this.clock = clock;
    }

    @PostMapping
    @Operation(operationId = "openAccount",
            summary = "Open an account", description = "201 with Location; 409 if the account exists.")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    public ResponseEntity<AccountResponse> open(@RequestBody OpenAccountRequest request) {
        RequestFields.body(request);
        RequestFields fields = new RequestFields();
        AccountId accountId = fields.required("accountId", request.accountId(), AccountId::of);
        String holderName = fields.text("holderName", request.holderName(), 200, true);
        RegionCode regionCode = fields.required("regionCode", request.regionCode(), RegionCode::of);
        LocalDate openedOn = fields.optional("openedOn", request.openedOn(), RequestFields::date);
        fields.check();
        LocalDate effectiveOpenedOn = openedOn == null ? today() : openedOn;
        commands.send(new OpenAccount(accountId, holderName, regionCode, effectiveOpenedOn));
        return ResponseEntity.created(URI.create("/api/v1/accounts/" + accountId.value()))
                .body(new AccountResponse(accountId, holderName, regionCode, AccountStatus.OPEN, effectiveOpenedOn,
                        null, Money.ZERO));
    }

    @GetMapping("/{accountId}")
    @Operation(operationId = "getAccount",
            summary = "An account with its current balance (from the balances projection)")
    public AccountResponse get(@PathVariable String accountId) {
        AccountId id = pathAccountId(accountId);
        return balances.find(id).map(AccountResponse::of).orElseThrow(() -> new UnknownAccountException(id));
    }

    @GetMapping("/{accountId}/balance")
    @Operation(operationId = "getBalance",
            summary = "Balance, total charged and total paid, as of the balances projection",
            description = "With asOf (a business date) and optionally knownAt (an instant), the balance is computed "
                    + "from the event store: events dated up to asOf as recorded by knownAt (bitemporal).")
    @ApiResponse(responseCode = "200", description = "BalanceResponse without asOf and knownAt; AsOfBalanceResponse "
            + "with them", content = @Content(mediaType = "application/json", schema = @Schema(
                    oneOf = {BalanceResponse.class, AsOfBalanceResponse.class})))
    public Object balance(@PathVariable String accountId, @RequestParam(required = false) String asOf,
                          @RequestParam(required = false) String knownAt) {
        if (asOf == null && knownAt == null) {
            AccountId id = pathAccountId(accountId);
            return balances.find(id).map(BalanceResponse::of).orElseThrow(() -> new UnknownAccountException(id));
        }
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        LocalDate date = fields.required("asOf", asOf, RequestFields::date);
        Instant known = fields.optional("knownAt", knownAt, RequestFields::instant);
        fields.check();
        return asOfBalances.balance(id, date, known).map(AsOfBalanceResponse::of)
                .orElseThrow(() -> new UnknownAccountException(id));
    }

    @PostMapping("/{accountId}/charges")
    @Operation(operationId = "postCharge",
            summary = "Post a charge", description = "201 with the due date; 200 on an identical repeat; "
            + "409 when the charge id exists with other content.")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Nothing new recorded: an identical repeat",
            useReturnTypeSchema = true)
    public ResponseEntity<ChargeResponse> postCharge(@PathVariable String accountId,
                                                     @RequestBody PostChargeRequest request) {
        RequestFields.body(request);
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        ChargeId chargeId = fields.optional("chargeId", request.chargeId(), ChargeId::of);
        BillingPeriod period = fields.required("billingPeriod", request.billingPeriod(), BillingPeriod::parse);
        Money amount = fields.required("amount", request.amount(), raw -> Money.parse(raw).requirePositiveInput());
        EnergyKwh kwh = fields.optional("kwh", request.kwh(), EnergyKwh::parse);
        String description = fields.text("description", request.description(), 500, false);
        LocalDate postedOn = fields.optional("postedOn", request.postedOn(), RequestFields::date);
        fields.check();
        ChargeReceipt receipt = commands.send(new PostCharge(id, chargeId, period, amount, kwh, description, postedOn));
        if (!receipt.duplicate()) {
            metrics.chargePosted(receipt);
        }
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(ChargeResponse.of(receipt));
    }

    @PostMapping("/{accountId}/payments")
    @Operation(operationId = "recordPayment",
            summary = "Record a payment", description = "201; 200 on an identical repeat of the payment id; "
            + "409 when the payment id exists with other content.")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Nothing new recorded: an identical repeat",
            useReturnTypeSchema = true)
    public ResponseEntity<PaymentResponse> recordPayment(@PathVariable String accountId,
                                                         @RequestBody RecordPaymentRequest request) {
        RequestFields.body(request);
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        PaymentId paymentId = fields.required("paymentId", request.paymentId(), PaymentId::of);
        Money amount = fields.required("amount", request.amount(), raw -> Money.parse(raw).requirePositiveInput());
        PaymentChannel channel = fields.required("channel", request.channel(), RequestFields.enumOf(PaymentChannel.class));
        LocalDate receivedOn = fields.optional("receivedOn", request.receivedOn(), RequestFields::date);
        BillingPeriod period = fields.optional("billingPeriod", request.billingPeriod(), BillingPeriod::parse);
        fields.check();
        PaymentReceipt receipt = commands.send(new RecordPayment(id, paymentId, amount, channel,
                receivedOn == null ? today() : receivedOn, period));
        if (!receipt.duplicate()) {
            metrics.paymentRecorded(receipt);
        }
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(PaymentResponse.of(receipt));
    }

    @PostMapping("/{accountId}/payments/{paymentId}/reversal")
    @Operation(operationId = "reversePayment",
            summary = "Reverse a payment", description = "201; 200 on an identical repeat; 404 for an unknown "
            + "payment; 409 if it was already reversed for another reason.")
    @ApiResponse(responseCode = "201", description = "Recorded", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "200", description = "Nothing new recorded: an identical repeat",
            useReturnTypeSchema = true)
    public ResponseEntity<ReversalResponse> reversePayment(@PathVariable String accountId,
                                                           @PathVariable String paymentId,
                                                           @RequestBody ReversePaymentRequest request) {
        RequestFields.body(request);
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        PaymentId payment = fields.required("paymentId", paymentId, PaymentId::of);
        String reason = fields.text("reason", request.reason(), 500, true);
        LocalDate reversedOn = fields.optional("reversedOn", request.reversedOn(), RequestFields::date);
        fields.check();
        ReversalReceipt receipt = commands.send(new ReversePayment(id, payment, reason,
                reversedOn == null ? today() : reversedOn));
        if (!receipt.duplicate()) {
            metrics.paymentReversed(receipt);
        }
        return ResponseEntity.status(receipt.duplicate() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(ReversalResponse.of(receipt));
    }

    @PostMapping("/{accountId}/closure")
    @Operation(operationId = "closeAccount",
            summary = "Close an account", description = "Only with a zero balance; 409 otherwise.")
    public ClosureResponse close(@PathVariable String accountId,
                                 @RequestBody(required = false) CloseAccountRequest request) {
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", accountId, AccountId::of);
        LocalDate closedOn = request == null ? null
                : fields.optional("closedOn", request.closedOn(), RequestFields::date);
        fields.check();
        LocalDate effectiveClosedOn = closedOn == null ? today() : closedOn;
        commands.send(new CloseAccount(id, effectiveClosedOn));
        return new ClosureResponse(id, AccountStatus.CLOSED, effectiveClosedOn);
    }

    private AccountId pathAccountId(String raw) {
        RequestFields fields = new RequestFields();
        AccountId id = fields.required("accountId", raw, AccountId::of);
        fields.check();
        return id;
    }

    private LocalDate today() {
        return LedgerTime.today(clock);
    }
}
