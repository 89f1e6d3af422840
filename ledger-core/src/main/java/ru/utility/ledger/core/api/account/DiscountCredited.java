package ru.utility.ledger.core.api.account;

import org.axonframework.serialization.Revision;
import ru.utility.ledger.core.api.AccountId;
import ru.utility.ledger.core.api.ChargeId;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.PaymentId;
import ru.utility.ledger.core.api.ProgramId;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * A DISCOUNT programme's credit for one energy charge: {@code percent} of the charge, rounded half-up. It
 * lowers the balance and is allocated like a payment under {@code creditId}, the charge's period first.
 */
@Revision("1")
public record DiscountCredited(AccountId accountId, ProgramId programId, ChargeId chargeId, PaymentId creditId,
                               Money amount, BigDecimal percent, LocalDate creditedOn) implements AccountEvent {

    /** {@code DISCOUNT:<programId>:<chargeId>}, or a digest of both when that would exceed a payment id's length. */
    public static PaymentId creditIdFor(ProgramId programId, ChargeId chargeId) {
        String plain = "DISCOUNT:" + programId.value() + ":" + chargeId.value();
        if (plain.length() <= 64) {
            return PaymentId.of(plain);
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((programId.value() + "\n" + chargeId.value()).getBytes(StandardCharsets.UTF_8));
            return PaymentId.of("DISCOUNT:" + HexFormat.of().formatHex(digest).substring(0, 48));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
