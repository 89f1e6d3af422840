package ru.utility.ledger.api.demo;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ru.utility.ledger.core.api.PaymentChannel;
import ru.utility.ledger.core.api.SocialCategory;

/**
 * A realistic ledger to seed, drawn from a fixed random seed so that the same size on the same day gives the
 * same accounts, charges and payments (seeding again sends the same commands and files, which the ledger
 * recognises as repeats). Amounts are in kopecks.
 *
 * <p>Payers come in kinds: most pay each month before the due date, some pay late, some pay part, some stopped
 * paying months ago, and a few never paid at all (overdue for years).
 */
final class DemoLedger {

    static final List<String> REGIONS = List.of("77", "50", "78", "66", "16");
    static final int MONTHS = 24;
    /** Payments from this many days before today on use every channel, for the start page's 60-day chart. */
    static final int RECENT_DAYS = 60;
    /** A retail tariff (kopecks per kWh), regulated per region; these are of the order of 2025 tariffs. */
    private static final int[] TARIFF = {796, 712, 684, 583, 511};

    private static final String[] SURNAMES = {"Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров",
            "Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов",
            "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин"};
    private static final String[] MALE = {"Александр", "Сергей", "Дмитрий", "Андрей", "Алексей", "Иван", "Михаил",
            "Николай", "Владимир", "Павел"};
    private static final String[] FEMALE = {"Елена", "Ольга", "Наталья", "Татьяна", "Ирина", "Мария", "Анна",
            "Светлана", "Екатерина", "Галина"};
    private static final String[] FATHERS = {"Александров", "Сергеев", "Дмитриев", "Андреев", "Иванов", "Михайлов",
            "Николаев", "Владимиров", "Петров", "Викторов"};

    static final int PLAN_ACCOUNT = 3;
    static final int DEFERRAL_ACCOUNT = 7;

    enum Payer { PROMPT, LATE, PARTIAL, STOPPED, NEVER }

    record Account(String id, String holder, String region, LocalDate openedOn, Payer payer, int stoppedMonthsAgo,
                   SocialCategory category) {
    }

    record Charge(String accountId, YearMonth period, long kopecks, int kwh, LocalDate postedOn) {
    }

    record Payment(String accountId, String reference, long kopecks, LocalDate receivedOn, PaymentChannel channel) {
    }

    private final LocalDate today;
    private final List<Account> accounts = new ArrayList<>();
    private final List<Charge> charges = new ArrayList<>();
    private final List<Payment> payments = new ArrayList<>();

    DemoLedger(int size, LocalDate today) {
        this.today = today;
        Random random = new Random(13);
        YearMonth last = YearMonth.from(today).minusMonths(1);
        YearMonth first = last.minusMonths(MONTHS - 1);
        for (int n = 1; n <= size; n++) {
            int r = (n - 1) % REGIONS.size();
            String region = REGIONS.get(r);
            // Every tenth account opened later than the rest, within the two years.
            YearMonth opened = n % 10 == 0 && n > DEFERRAL_ACCOUNT ? first.plusMonths(random.nextInt(MONTHS - 2)) : first;
            double p = random.nextDouble();
            Payer payer = p < 0.62 ? Payer.PROMPT : p < 0.80 ? Payer.LATE : p < 0.90 ? Payer.PARTIAL
                    : p < 0.97 ? Payer.STOPPED : Payer.NEVER;
            int stopped = payer == Payer.STOPPED ? 2 + random.nextInt(18) : 0;
            // Whatever the size, one holder stopped paying ten months ago (the installment plan's) and one
            // never paid (the deferral's).
            if (n == PLAN_ACCOUNT) {
                payer = Payer.STOPPED;
                stopped = 10;
            } else if (n == DEFERRAL_ACCOUNT) {
                payer = Payer.NEVER;
            }
            double c = random.nextDouble();
            SocialCategory category = c < 0.10 ? SocialCategory.PENSIONER : c < 0.13 ? SocialCategory.LARGE_FAMILY
                    : c < 0.15 ? SocialCategory.DISABLED : null;
            Account account = new Account("DEMO-" + region + "-" + String.format("%05d", n), holder(random),
                    region, opened.atDay(1), payer, stopped, category);
            accounts.add(account);
            int baseKwh = 120 + random.nextInt(300);
            for (YearMonth period = opened; !period.isAfter(last); period = period.plusMonths(1)) {
                // More in winter, less in summer.
                double season = 1 + 0.35 * Math.cos((period.getMonthValue() - 1) * Math.PI / 6);
                int kwh = (int) Math.round(baseKwh * season * (0.9 + 0.2 * random.nextDouble()));
                long kopecks = (long) kwh * TARIFF[r];
                LocalDate postedOn = period.plusMonths(1).atDay(1);
                charges.add(new Charge(account.id(), period, kopecks, kwh, postedOn));
                payFor(account, period, kopecks, last, random);
            }
        }
    }

    private void payFor(Account account, YearMonth period, long charged, YearMonth last, Random random) {
        YearMonth month = period.plusMonths(1);
        long amount = charged;
        int day;
        switch (account.payer()) {
            case NEVER -> {
                return;
            }
            case STOPPED -> {
                if (!period.isBefore(last.minusMonths(account.stoppedMonthsAgo()))) {
                    return;
                }
                day = 3 + random.nextInt(10);
            }
            case PARTIAL -> {
                amount = charged * (40 + random.nextInt(50)) / 100;
                day = 5 + random.nextInt(20);
            }
            case LATE -> day = random.nextInt(4) == 0 ? 18 + random.nextInt(10) : 3 + random.nextInt(10);
            default -> day = 1 + random.nextInt(9);
        }
        LocalDate on = month.atDay(Math.min(day, month.lengthOfMonth()));
        if (account.payer() == Payer.LATE && random.nextInt(6) == 0) {
            on = on.plusMonths(1 + random.nextInt(2));
        }
        if (on.isAfter(today) || amount <= 0) {
            return;
        }
        payments.add(new Payment(account.id(), "DEMO-" + account.id().substring(5) + "-" + period, amount, on,
                channel(on, random)));
    }

    /** Older payments came by bank registry; recent ones over every channel. */
    private PaymentChannel channel(LocalDate on, Random random) {
        if (on.isBefore(today.minusDays(RECENT_DAYS))) {
            return PaymentChannel.BANK_REGISTRY;
        }
        PaymentChannel[] channels = PaymentChannel.values();
        return channels[random.nextInt(channels.length)];
    }

    private static String holder(Random random) {
        boolean female = random.nextBoolean();
        String surname = SURNAMES[random.nextInt(SURNAMES.length)];
        String name = (female ? FEMALE : MALE)[random.nextInt(10)];
        String father = FATHERS[random.nextInt(FATHERS.length)];
        return female ? surname + "а " + name + " " + father + "на" : surname + " " + name + " " + father + "ич";
    }

    List<Account> accounts() {
        return accounts;
    }

    List<Charge> charges() {
        return charges;
    }

    List<Payment> payments() {
        return payments;
    }

    /** The region's tariff in kopecks per kWh. */
    static int tariff(String region) {
        return TARIFF[REGIONS.indexOf(region)];
    }

    /** The holder who stopped paying ten months ago: an installment plan agreed four months ago. */
    Account planAccount() {
        return accounts.get(PLAN_ACCOUNT - 1);
    }

    /** The holder who never paid: a deferral granted on the day of seeding. */
    Account deferralAccount() {
        return accounts.get(DEFERRAL_ACCOUNT - 1);
    }

    /** Accounts of a payer kind, in id order. */
    List<Account> payers(Payer payer) {
        return accounts.stream().filter(a -> a.payer() == payer).toList();
    }
}
