package ru.utility.ledger.projections.feed.contract;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

import ru.utility.ledger.core.api.account.AccountClosed;
import ru.utility.ledger.core.api.account.RestrictionNoticeSent;
import ru.utility.ledger.core.api.account.AccountOpened;
import ru.utility.ledger.core.api.account.ChargePosted;
import ru.utility.ledger.core.api.account.PaymentRecorded;
import ru.utility.ledger.core.api.account.PaymentAllocated;
import ru.utility.ledger.core.api.account.PaymentAllocationReleased;
import ru.utility.ledger.core.api.account.PaymentReversed;
import ru.utility.ledger.core.api.account.AccountEnrolled;
import ru.utility.ledger.core.api.account.CompensationCredited;
import ru.utility.ledger.core.api.account.DiscountCredited;
import ru.utility.ledger.core.api.account.PenaltiesWrittenOff;
import ru.utility.ledger.core.api.account.PenaltyAccrued;
import ru.utility.ledger.core.api.program.EnrolmentReleased;
import ru.utility.ledger.core.api.program.EnrolmentReserved;
import ru.utility.ledger.core.api.account.SocialCategoryGranted;
import ru.utility.ledger.core.api.account.SocialCategoryRevoked;
import ru.utility.ledger.core.api.program.ProgramClosed;
import ru.utility.ledger.core.api.program.ProgramLaunched;

/**
 * Every internal event either has a public type here or is listed as internal-only. Adding a public
 * type: write a {@code ...V1} record, add one line to {@link #TYPES}, approve its JSON in
 * PublicEventJsonTest and describe it in docs/reference/events.md. An internal event in neither list stops the
 * feed processor loudly instead of being skipped (and CatalogCompletenessTest fails first).
 */
public final class PublicEventCatalog {

    public static final List<PublicEventType<?>> TYPES = List.of(
            PublicEventType.of("AccountOpened", 1, AccountOpened.class, e -> new AccountOpenedV1(
                    e.accountId().value(), e.regionCode().value(), e.openedOn().toString())),
            PublicEventType.of("ChargePosted", 1, ChargePosted.class, e -> new ChargePostedV1(
                    e.accountId().value(), e.chargeId().value(), e.billingPeriod().toString(),
                    e.amount().toDecimalString(), e.kwh() == null ? null : e.kwh().toString(), e.description(),
                    e.dueDate().toString())),
            PublicEventType.of("PaymentRecorded", 1, PaymentRecorded.class, e -> new PaymentRecordedV1(
                    e.accountId().value(), e.paymentId().value(), e.amount().toDecimalString(), e.channel().name(),
                    e.receivedOn().toString(), e.billingPeriod() == null ? null : e.billingPeriod().toString())),
            PublicEventType.of("PaymentReversed", 1, PaymentReversed.class, e -> new PaymentReversedV1(
                    e.accountId().value(), e.paymentId().value(), e.amount().toDecimalString(), e.reason(),
                    e.reversedOn().toString())),
            PublicEventType.of("AccountClosed", 1, AccountClosed.class, e -> new AccountClosedV1(
                    e.accountId().value(), e.closedOn().toString())),
            PublicEventType.of("PenaltyAccrued", 1, PenaltyAccrued.class, e -> new PenaltyAccruedV1(
                    e.accountId().value(), e.asOf().toString(), e.amount().toDecimalString(),
                    e.totalAccrued().toDecimalString())),
            // Collection systems act on notices (the 20 days before a restriction count from sentOn).
            PublicEventType.of("RestrictionNoticeSent", 1, RestrictionNoticeSent.class,
                    e -> new RestrictionNoticeSentV1(e.accountId().value(), e.noticeId(), e.sentOn().toString())),
            // Collection systems compute the restriction threshold from it (the region's norm for the type).
            PublicEventType.of("HouseholdTypeSet", 1, ru.utility.ledger.core.api.account.HouseholdTypeSet.class,
                    e -> new HouseholdTypeSetV1(e.accountId().value(), e.householdType().name(), e.setOn().toString())),
            // The 20 days before a restriction count from the delivery.
            PublicEventType.of("RestrictionNoticeDelivered", 1,
                    ru.utility.ledger.core.api.account.RestrictionNoticeDelivered.class,
                    e -> new RestrictionNoticeDeliveredV1(e.accountId().value(), e.noticeId(), e.deliveredOn().toString(),
                            e.channel().name())),
            PublicEventType.of("CompensationCredited", 1, CompensationCredited.class, e -> new CompensationCreditedV1(
                    e.accountId().value(), e.programId().value(), e.creditId().value(), e.amount().toDecimalString(),
                    e.creditedOn().toString())),
            PublicEventType.of("DiscountCredited", 1, DiscountCredited.class, e -> new DiscountCreditedV1(
                    e.accountId().value(), e.programId().value(), e.chargeId().value(), e.creditId().value(),
                    e.amount().toDecimalString(), e.percent().toPlainString(), e.creditedOn().toString())),
            // Collection and government reporting need the debt forgiven (penalties forgone).
            PublicEventType.of("PenaltiesWrittenOff", 1, PenaltiesWrittenOff.class, e -> new PenaltiesWrittenOffV1(
                    e.accountId().value(), e.programId().value(), e.amount().toDecimalString(),
                    e.writtenOffOn().toString(), e.earnedBy().stream().map(Object::toString).toList(),
                    e.accruedPenalties().toDecimalString())),
            // Collection systems act on due dates, which a deferral moves.
            PublicEventType.of("DeferralGranted", 1, ru.utility.ledger.core.api.account.DeferralGranted.class,
                    e -> new DeferralGrantedV1(e.accountId().value(), e.deferralId().value(), e.programId().value(),
                            e.grantedOn().toString(), e.endsOn().toString(), e.charges().stream()
                            .map(c -> new DeferralGrantedV1.Charge(c.chargeId().value(), c.dueDateBefore().toString(),
                                    c.outstanding().toDecimalString())).toList())),
            PublicEventType.of("DeferralEndedEarly", 1, ru.utility.ledger.core.api.account.DeferralEndedEarly.class,
                    e -> new DeferralEndedEarlyV1(e.accountId().value(), e.deferralId().value(),
                            e.endedOn().toString(), e.dueDates().stream().map(d -> new DeferralEndedEarlyV1.DueDate(
                                    d.chargeId().value(), d.dueDate().toString())).toList())),
            PublicEventType.of("DueDateCorrected", 1, ru.utility.ledger.core.api.account.DueDateCorrected.class,
                    e -> new DueDateCorrectedV1(e.accountId().value(), e.chargeId().value(), e.billingPeriod().toString(),
                            e.previousDueDate().toString(), e.dueDate().toString(), e.correctedOn().toString(),
                            e.reason())),
            // Billing, collection and the customer portal must see what a recalculation changed of a bill.
            PublicEventType.of("ChargeCorrected", 1, ru.utility.ledger.core.api.account.ChargeCorrected.class,
                    e -> new ChargeCorrectedV1(e.accountId().value(), e.correctionId().value(), e.chargeId().value(),
                            e.billingPeriod().toString(), e.difference().toDecimalString(),
                            e.dueDate() == null ? null : e.dueDate().toString(), e.correctedOn().toString(), e.reason())),
            // Collection systems act on what is owed when, which an installment plan changes.
            PublicEventType.of("InstallmentPlanAgreed", 1, ru.utility.ledger.core.api.account.InstallmentPlanAgreed.class,
                    e -> new InstallmentPlanAgreedV1(e.accountId().value(), e.planId().value(), e.programId().value(),
                            e.agreedOn().toString(), e.missesBeforeDefault(), e.charges().stream()
                            .map(c -> new InstallmentPlanAgreedV1.Charge(c.chargeId().value(), c.amount().toDecimalString()))
                            .toList(), e.schedule().stream().map(i -> new InstallmentPlanAgreedV1.Installment(i.number(),
                            i.installmentId().value(), i.dueDate().toString(), i.amount().toDecimalString())).toList())),
            PublicEventType.of("InstallmentMissed", 1, ru.utility.ledger.core.api.account.InstallmentMissed.class,
                    e -> new InstallmentMissedV1(e.accountId().value(), e.planId().value(), e.number(),
                            e.dueDate().toString(), e.unpaid().toDecimalString(), e.misses())),
            PublicEventType.of("InstallmentPlanDefaulted", 1, ru.utility.ledger.core.api.account.InstallmentPlanDefaulted.class,
                    e -> new InstallmentPlanDefaultedV1(e.accountId().value(), e.planId().value(),
                            e.defaultedOn().toString(), e.misses(), e.dueDates().stream()
                            .map(d -> new InstallmentPlanDefaultedV1.DueDate(d.chargeId().value(), d.dueDate().toString()))
                            .toList())),
            PublicEventType.of("InstallmentPlanCompleted", 1, ru.utility.ledger.core.api.account.InstallmentPlanCompleted.class,
                    e -> new InstallmentPlanCompletedV1(e.accountId().value(), e.planId().value(),
                            e.completedOn().toString())),
            // Auditors and other systems keep the anchors outside the ledger's database, so that deleting the
            // newest events of a stream (and the anchor's own row) can be found out (docs/reference/events.md).
            PublicEventType.of("ChainsAnchored", 1, ru.utility.ledger.core.api.anchor.ChainsAnchored.class,
                    e -> new ChainsAnchoredV1(e.logId().toString(), e.number(), e.merkleRoot(), e.chains(),
                            e.upToGlobalIndex())));

    /**
     * Newer versions of published types, written beside the first version of each event (feed_event_version).
     * A consumer asks for one per type ({@code versions=ChargePosted:2}); everyone else keeps the version of
     * {@link #TYPES}, so existing subscribers see no change.
     */
    public static final List<PublicEventType<?>> NEWER_VERSIONS = List.of(
            // Consumers need the charge's business date to place a backdated charge (docs/reference/events.md).
            PublicEventType.of("ChargePosted", 2, ChargePosted.class, e -> new ChargePostedV2(
                    e.accountId().value(), e.chargeId().value(), e.billingPeriod().toString(),
                    e.amount().toDecimalString(), e.kwh() == null ? null : e.kwh().toString(), e.description(),
                    e.dueDate().toString(), e.postedOn().toString())));

    /** Internal events deliberately not published; each needs a reason beside it. */
    public static final Set<Class<?>> INTERNAL_ONLY = Set.of(
            // Bookkeeping derived from payments and charges by the ledger's allocation rule; consumers
            // see the money itself in PaymentRecorded / PaymentReversed / ChargePosted.
            PaymentAllocated.class,
            PaymentAllocationReleased.class,
            // Social categories are personal data (disability, family status): not for every subscriber.
            SocialCategoryGranted.class,
            SocialCategoryRevoked.class,
            // Programme configuration, not an account's event; the feed is keyed and ordered by account.
            ProgramLaunched.class,
            ProgramClosed.class,
            EnrolmentReserved.class,
            EnrolmentReleased.class,
            // Enrolment is derived from the holder's social category (see above); the money it brings is
            // published as CompensationCredited.
            AccountEnrolled.class,
            // Budgeted discounts and programme closure (the relief enrolment saga): steps and their reasons,
            // no money. The money a paid claim brings is published as DiscountCredited; an ended enrolment
            // is as private as the enrolment itself.
            ru.utility.ledger.core.api.account.DiscountBudgetLinked.class,
            ru.utility.ledger.core.api.account.DiscountClaimed.class,
            ru.utility.ledger.core.api.account.DiscountRefused.class,
            ru.utility.ledger.core.api.account.EnrolmentEnded.class,
            ru.utility.ledger.core.api.program.BudgetDrawn.class,
            ru.utility.ledger.core.api.program.BudgetDrawRefused.class,
            // The feed never carries personal data (AccountOpenedV1 leaves the name out), so a subscriber has
            // nothing to erase; the erasure's legal ground is the ledger's own record.
            ru.utility.ledger.core.api.account.PersonalDataErased.class);

    /** The contract's own mapper: the application's Jackson settings never change the published JSON. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Map<Class<?>, PublicEventType<?>> BY_INTERNAL_TYPE = TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(PublicEventType::internalType, Function.identity()));

    private PublicEventCatalog() {
    }

    /** Every version a consumer may ask for, per type name. */
    public static Map<String, Set<Integer>> versions() {
        return Stream.concat(TYPES.stream(), NEWER_VERSIONS.stream()).collect(Collectors.groupingBy(
                PublicEventType::name, Collectors.mapping(PublicEventType::version, Collectors.toUnmodifiableSet())));
    }

    /** The newer versions of an internal event's public form (none for most types). */
    public static List<Published> publishNewer(Object internalEvent) {
        return NEWER_VERSIONS.stream().filter(t -> t.internalType() == internalEvent.getClass()).map(t -> {
            PublicEvent data = t.map(internalEvent);
            return new Published(t.name(), t.version(), data.accountId(), toJson(data));
        }).toList();
    }

    public static Set<String> names() {
        return TYPES.stream().map(PublicEventType::name).collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The public form of an internal event, or null when the event is internal-only.
     *
     * @throws IllegalStateException for an event that is in neither list
     */
    public static Published publish(Object internalEvent) {
        PublicEventType<?> type = BY_INTERNAL_TYPE.get(internalEvent.getClass());
        if (type == null) {
            if (INTERNAL_ONLY.contains(internalEvent.getClass())) {
                return null;
            }
            throw new IllegalStateException("No public contract for " + internalEvent.getClass().getName()
                    + ": add a type to PublicEventCatalog.TYPES or list it in INTERNAL_ONLY");
        }
        PublicEvent data = type.map(internalEvent);
        return new Published(type.name(), type.version(), data.accountId(), toJson(data));
    }

    /** The JSON text of a contract payload, exactly as consumers receive it in {@code data}. */
    public static String toJson(PublicEvent data) {
        return JSON.writeValueAsString(data);
    }

    /** An internal event in its public form: type, version, account and the data as JSON text. */
    public record Published(String type, int version, String accountId, String dataJson) {
    }
}
