package ru.utility.ledger.projections.overdue;

/** Days past the due date, counted from the day after it: the first overdue day is day 1. */
public enum AgingBucket {
    DAYS_1_30(1, 30),
    DAYS_31_90(31, 90),
    DAYS_91_180(91, 180),
    DAYS_181_365(181, 365),
    OVER_365(366, Integer.MAX_VALUE);

    private final int fromDay;
    private final int toDay;

    AgingBucket(int fromDay, int toDay) {
        this.fromDay = fromDay;
        this.toDay = toDay;
    }

    public int fromDay() {
        return fromDay;
    }

    public int toDay() {
        return toDay;
    }

    public static AgingBucket of(long daysOverdue) {
        if (daysOverdue < 1) {
            throw new IllegalArgumentException("not overdue: " + daysOverdue + " days");
        }
        for (AgingBucket bucket : values()) {
            if (daysOverdue <= bucket.toDay) {
                return bucket;
            }
        }
        return OVER_365;
    }
}
