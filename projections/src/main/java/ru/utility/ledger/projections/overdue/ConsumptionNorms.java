package ru.utility.ledger.projections.overdue;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import ru.utility.ledger.core.api.EnergyKwh;
import ru.utility.ledger.core.api.HouseholdType;
import ru.utility.ledger.core.api.Money;
import ru.utility.ledger.core.api.RegionCode;

/**
 * The table of consumption norms and tariffs (V70). A row, once recorded, never changes: recording it again is a
 * repeat, recording other values for the same region, household type and day is a conflict (a new norm or tariff
 * takes effect from its own day).
 */
@Service
public class ConsumptionNorms {

    private final JdbcTemplate jdbc;

    public ConsumptionNorms(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** What recording a row did. */
    public enum Outcome { RECORDED, REPEATED, CONFLICT }

    @Transactional
    public Outcome record(ConsumptionNorm norm, Instant recordedAt) {
        int inserted = jdbc.update("""
                INSERT INTO consumption_norm (region_code, household_type, effective_from, monthly_kwh, tariff_kopecks,
                                              source, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                norm.regionCode().value(), norm.householdType().name(), Date.valueOf(norm.effectiveFrom()),
                norm.monthlyKwh().value(), norm.tariff().kopecks(), norm.source(), Timestamp.from(recordedAt));
        if (inserted == 1) {
            return Outcome.RECORDED;
        }
        ConsumptionNorm existing = jdbc.queryForObject("""
                SELECT * FROM consumption_norm WHERE region_code = ? AND household_type = ? AND effective_from = ?""",
                ConsumptionNorms::map, norm.regionCode().value(), norm.householdType().name(),
                Date.valueOf(norm.effectiveFrom()));
        return existing != null && existing.sameAs(norm) ? Outcome.REPEATED : Outcome.CONFLICT;
    }

    /** Every row, or a region's, by region, household type and day. */
    public List<ConsumptionNorm> list(RegionCode region) {
        String order = " ORDER BY region_code, household_type, effective_from";
        return region == null ? jdbc.query("SELECT * FROM consumption_norm" + order, ConsumptionNorms::map)
                : jdbc.query("SELECT * FROM consumption_norm WHERE region_code = ?" + order, ConsumptionNorms::map,
                region.value());
    }

    private static ConsumptionNorm map(ResultSet rs, int row) throws SQLException {
        return new ConsumptionNorm(RegionCode.of(rs.getString("region_code")),
                HouseholdType.valueOf(rs.getString("household_type")), rs.getDate("effective_from").toLocalDate(),
                new EnergyKwh(rs.getBigDecimal("monthly_kwh")), Money.ofKopecks(rs.getLong("tariff_kopecks")),
                rs.getString("source"));
    }
}
