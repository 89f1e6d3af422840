package ru.utility.ledger.clientit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ru.utility.ledger.client.ApiClient;
import ru.utility.ledger.client.ApiException;
import ru.utility.ledger.client.ApiResponse;
import ru.utility.ledger.client.api.AccountsApi;
import ru.utility.ledger.client.api.AuditApi;
import ru.utility.ledger.client.api.StatementsApi;
import ru.utility.ledger.client.model.AccountResponse;
import ru.utility.ledger.client.model.AccountStatus;
import ru.utility.ledger.client.model.AsOfBalanceResponse;
import ru.utility.ledger.client.model.BalanceResponse;
import ru.utility.ledger.client.model.ChargeResponse;
import ru.utility.ledger.client.model.FieldError;
import ru.utility.ledger.client.model.IntegrityReport;
import ru.utility.ledger.client.model.OpenAccountRequest;
import ru.utility.ledger.client.model.PaymentResponse;
import ru.utility.ledger.client.model.PostChargeRequest;
import ru.utility.ledger.client.model.Problem;
import ru.utility.ledger.client.model.RecordPaymentRequest;
import ru.utility.ledger.client.model.ReversalResponse;
import ru.utility.ledger.client.model.ReversePaymentRequest;
import ru.utility.ledger.client.model.Statement;
import ru.utility.ledger.client.model.StoredEventRecord;

/**
 * README.md's "A walk through the API", step by step, through a Java client generated from docs/reference/openapi.json
 * (openapi-generator, java, native) against the ledger as shipped. The README's dates and amounts, so the
 * figures are the README's: a charge of 1234.50 for October 2026 due 16 November (the 15th, a Sunday, moved
 * to Monday), a payment of 1000.00, a balance of 234.50. Their dates lie before any day the suite runs on.
 */
class ReadmeWalkThroughTest {

    private static final String ACCOUNT = "77-0001-2345";
    private static final String PAYMENT = "SBP-20261105-000123";
    private static final Duration PROJECTION_WAIT = Duration.ofSeconds(30);

    private static RunningLedger ledger;
    private static AccountsApi operator;
    private static AccountsApi finance;
    private static ObjectMapper json;

    @BeforeAll
    static void start() {
        ledger = RunningLedger.start();
        ApiClient operatorClient = ledger.clientFor("operator");
        operator = new AccountsApi(operatorClient);
        finance = new AccountsApi(ledger.clientFor("finance"));
        json = operatorClient.getObjectMapper();
    }

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void theReadmeWalkThroughThroughTheGeneratedClient() throws Exception {
        // Open an account (201)
        ApiResponse<AccountResponse> opened = operator.openAccountWithHttpInfo(new OpenAccountRequest()
                .accountId(ACCOUNT).holderName("Ivanova Maria Petrovna").regionCode("77")
                .openedOn(LocalDate.of(2026, 1, 15)));
        assertThat(opened.getStatusCode()).isEqualTo(201);
        assertThat(opened.getData().getStatus()).isEqualTo(AccountStatus.OPEN);

        // Charge October's energy, billed on 1 November (201), due on the 15th moved off the Sunday
        ApiResponse<ChargeResponse> charged = operator.postChargeWithHttpInfo(ACCOUNT, new PostChargeRequest()
                .billingPeriod("2026-10").amount("1234.50").kwh("250.5").postedOn(LocalDate.of(2026, 11, 1)));
        assertThat(charged.getStatusCode()).isEqualTo(201);
        ChargeResponse charge = charged.getData();
        assertThat(charge.getChargeId()).isEqualTo("ENERGY-2026-10");
        assertThat(charge.getAmount()).isEqualTo("1234.50");
        assertThat(charge.getKwh()).isEqualTo("250.5");
        assertThat(charge.getDescription()).isEqualTo("Electricity for 2026-10");
        assertThat(charge.getDueDate()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(charge.getPostedOn()).isEqualTo(LocalDate.of(2026, 11, 1));

        // Record a payment (201); sending it again answers 200 with the same payment
        RecordPaymentRequest payment = new RecordPaymentRequest().paymentId(PAYMENT).amount("1000.00")
                .channel(RecordPaymentRequest.ChannelEnum.MOBILE_APP).receivedOn(LocalDate.of(2026, 11, 5));
        ApiResponse<PaymentResponse> paid = operator.recordPaymentWithHttpInfo(ACCOUNT, payment);
        assertThat(paid.getStatusCode()).isEqualTo(201);
        ApiResponse<PaymentResponse> again = operator.recordPaymentWithHttpInfo(ACCOUNT, payment);
        assertThat(again.getStatusCode()).isEqualTo(200);
        assertThat(again.getData()).isEqualTo(paid.getData());

        // The same reference with other content is a conflict (409, a problem document)
        Problem conflict = problem(409, () -> operator.recordPayment(ACCOUNT, new RecordPaymentRequest()
                .paymentId(PAYMENT).amount("999.00").channel(RecordPaymentRequest.ChannelEnum.MOBILE_APP)
                .receivedOn(LocalDate.of(2026, 11, 5))));
        assertThat(conflict.getStatus()).isEqualTo(409);
        assertThat(conflict.getCode()).isNotBlank();

        // Balance as of the balances projection: what the customer owes
        BalanceResponse balance = projected(
                () -> (BalanceResponse) finance.getBalance(ACCOUNT, null, null).getActualInstance(),
                b -> "1000.00".equals(b.getTotalPaid()));
        assertThat(balance.getBalance()).isEqualTo("234.50");
        assertThat(balance.getTotalCharged()).isEqualTo("1234.50");
        assertThat(balance.getTotalReversed()).isEqualTo("0.00");
        assertThat(balance.getAsOf().getSequence()).isEqualTo(2L);

        // Reverse the payment (bank recall) (201)
        ApiResponse<ReversalResponse> reversed = operator.reversePaymentWithHttpInfo(ACCOUNT, PAYMENT,
                new ReversePaymentRequest().reason("Bank recall"));
        assertThat(reversed.getStatusCode()).isEqualTo(201);

        // The account with its balance: the charge is owed again
        AccountResponse account = projected(() -> finance.getAccount(ACCOUNT),
                a -> "1234.50".equals(a.getBalance()));
        assertThat(account.getHolderName()).isEqualTo("Ivanova Maria Petrovna");
        assertThat(account.getRegionCode()).isEqualTo("77");

        // Closing needs a zero balance (409 BALANCE_NOT_ZERO)
        Problem notZero = problem(409, () -> operator.closeAccount(ACCOUNT, null));
        assertThat(notZero.getCode()).isEqualTo("BALANCE_NOT_ZERO");

        // Bad input: a problem document naming each field and the reason (400), and nothing recorded
        Problem invalid = problem(400, () -> operator.recordPayment(ACCOUNT, new RecordPaymentRequest()
                .paymentId("X-1").amount("10.005")));
        assertThat(invalid.getCode()).isEqualTo("INVALID_REQUEST");
        assertThat(invalid.getType()).isEqualTo(java.net.URI.create("urn:utility-ledger:problem:invalid-request"));
        assertThat(invalid.getErrors()).extracting(FieldError::getField).contains("amount", "channel");
        assertThat(invalid.getRequestId()).isNotBlank();

        // The balance on 10 November computed from the events: the payment, not yet its reversal
        AsOfBalanceResponse onTenth = (AsOfBalanceResponse) finance.getBalance(ACCOUNT, LocalDate.of(2026, 11, 10), null)
                .getActualInstance();
        assertThat(onTenth.getAsOf()).isEqualTo(LocalDate.of(2026, 11, 10));
        assertThat(onTenth.getBalance()).isEqualTo("234.50");

        // The statement for November: the charge (1 November) and the payment (5 November); the reversal is
        // dated the day it was sent, after November on any day the suite runs
        StatementsApi statements = new StatementsApi(ledger.clientFor("finance"));
        Statement statement = projected(
                () -> statements.getStatement(ACCOUNT, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
                        null, null),
                s -> s.getMovements().size() == 2);
        assertThat(statement.getOpeningBalance()).isEqualTo("0.00");
        assertThat(statement.getClosingBalance()).isEqualTo("234.50");

        // History with who did what, and the hash chain check over all of it, as an auditor
        AuditApi audit = new AuditApi(ledger.clientFor("auditor"));
        List<StoredEventRecord> events = audit.listEvents(ACCOUNT, null, null).getEvents();
        assertThat(events).extracting(StoredEventRecord::getType).containsSubsequence(
                "AccountOpened", "ChargePosted", "PaymentRecorded", "PaymentReversed");
        assertThat(events).filteredOn(e -> e.getType().equals("PaymentRecorded")).singleElement()
                .satisfies(e -> {
                    assertThat(e.getActor()).isEqualTo("operator");
                    assertThat(e.getPayload()).containsEntry("amount", "1000.00");
                });
        IntegrityReport integrity = audit.checkIntegrity(ACCOUNT);
        assertThat(integrity.getValid()).isTrue();
        assertThat(integrity.getChecked()).isEqualTo(events.size());
    }

    @Test
    void aBearerTokenSignsTheGeneratedClientInToo() throws Exception {
        String account = "77-0001-7777";
        new AccountsApi(ledger.clientWithToken("kc-operator-1", List.of("OPERATOR"))).openAccount(
                new OpenAccountRequest().accountId(account).holderName("Petrov Ivan").regionCode("77")
                        .openedOn(LocalDate.of(2026, 1, 15)));
        AccountsApi financeByToken = new AccountsApi(ledger.clientWithToken("kc-finance-1", List.of("FINANCE")));
        AccountResponse read = projected(() -> financeByToken.getAccount(account), a -> a.getBalance() != null);
        assertThat(read.getHolderName()).isEqualTo("Petrov Ivan");
        Problem refused = problem(403, () -> financeByToken.openAccount(new OpenAccountRequest()
                .accountId("77-0001-7778").holderName("Nobody").regionCode("77")));
        assertThat(refused.getCode()).isEqualTo("FORBIDDEN");
    }

    @Test
    void aUserWithoutTheRoleGetsA403Problem() {
        Problem forbidden = problem(403, () -> new AccountsApi(ledger.clientFor("auditor"))
                .openAccount(new OpenAccountRequest().accountId("77-0001-9999").holderName("Nobody")
                        .regionCode("77")));
        assertThat(forbidden.getStatus()).isEqualTo(403);
    }

    /**
     * Reads from a projection until it shows what the test expects: reads follow writes, and a brand-new account
     * is briefly unknown there (404), as the README says.
     */
    private static <T> T projected(Callable<T> read, Predicate<T> expected) {
        return await().atMost(PROJECTION_WAIT)
                .ignoreExceptionsMatching(e -> e instanceof ApiException api && api.getCode() == 404)
                .until(read, expected);
    }

    private static Problem problem(int status, Call call) {
        ApiException e = catchThrowableOfType(ApiException.class, call::run);
        assertThat(e).as("an ApiException with status " + status).isNotNull();
        assertThat(e.getCode()).as(e.getResponseBody()).isEqualTo(status);
        assertThat(e.getResponseHeaders().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        try {
            return json.readValue(e.getResponseBody(), Problem.class);
        } catch (Exception parse) {
            throw new AssertionError("not a problem document: " + e.getResponseBody(), parse);
        }
    }

    @FunctionalInterface
    private interface Call {
        void run() throws Exception;
    }

}
