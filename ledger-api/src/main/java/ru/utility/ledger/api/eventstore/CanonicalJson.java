package ru.utility.ledger.api.eventstore;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON Canonicalization Scheme of RFC 8785: one byte sequence for one JSON value, whatever whitespace,
 * property order, escapes or number spelling the text had, and whatever a serializer's version writes.
 * Properties are sorted by their UTF-16 code units, strings escape only what the RFC escapes, numbers are
 * IEEE 754 doubles written as ECMAScript writes them, and the result is UTF-8.
 *
 * <p>Written here because the one Java implementation in the registry (the RFC authors' 2020 release) is no
 * longer released and reads every number through a double without a word. Input outside I-JSON (RFC 7493) is
 * refused rather than canonicalized into something that would hash equal to a different value: an integer
 * beyond ±2^53, a duplicate property name, a lone surrogate, NaN or an infinity. CanonicalJsonTest checks it
 * against the RFC's examples and number samples.
 */
public final class CanonicalJson {

    private static final BigInteger EXACT_INTEGERS = BigInteger.TWO.pow(53);

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private CanonicalJson() {
    }

    /** The canonical UTF-8 form of the JSON text {@code json}. */
    public static byte[] canonicalize(byte[] json) {
        return canonicalize(JSON.readTree(json));
    }

    public static byte[] canonicalize(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads JSON text as this class reads it (duplicate properties refused). */
    static JsonNode read(byte[] json) {
        return JSON.readTree(json);
    }

    private static void write(JsonNode value, StringBuilder out) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            out.append("null");
        } else if (value.isObject()) {
            List<Map.Entry<String, JsonNode>> properties = new ArrayList<>(value.properties());
            // String.compareTo compares UTF-16 code units, the order RFC 8785 section 3.2.3 asks for.
            properties.sort(Map.Entry.comparingByKey());
            out.append('{');
            for (int i = 0; i < properties.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(properties.get(i).getKey(), out);
                out.append(':');
                write(properties.get(i).getValue(), out);
            }
            out.append('}');
        } else if (value.isArray()) {
            out.append('[');
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(value.get(i), out);
            }
            out.append(']');
        } else if (value.isString()) {
            string(value.asString(), out);
        } else if (value.isBoolean()) {
            out.append(value.booleanValue());
        } else if (value.isIntegralNumber()) {
            BigInteger integer = value.bigIntegerValue();
            if (integer.abs().compareTo(EXACT_INTEGERS) > 0) {
                throw new IllegalArgumentException("not I-JSON: the integer " + integer
                        + " is beyond ±2^53 and has no exact double");
            }
            out.append(number(integer.doubleValue()));
        } else if (value.isNumber()) {
            out.append(number(value.doubleValue()));
        } else {
            throw new IllegalArgumentException("not JSON: " + value.getNodeType());
        }
    }

    /** RFC 8785 section 3.2.2.2: only the quote, the backslash and the C0 controls are escaped. */
    private static void string(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("not I-JSON: a lone surrogate U+"
                                + Integer.toHexString(c).toUpperCase() + " at " + i);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * ECMAScript's Number.prototype.toString for a finite double (ECMA-262 Number::toString, which RFC 8785
     * section 3.2.2.3 adopts): the fewest significant digits that read back as the same double, the closest of
     * those if there are several, then plain notation from 1e-6 up to below 1e21 and exponent notation beyond.
     */
    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("not I-JSON: " + value);
        }
        if (value == 0) {
            return "0";
        }
        if (value < 0) {
            return "-" + number(-value);
        }
        Decimal shortest = shortest(value);
        String digits = shortest.digits();
        int k = digits.length();
        int n = shortest.pointPosition();
        StringBuilder out = new StringBuilder();
        if (k <= n && n <= 21) {
            out.append(digits).append("0".repeat(n - k));
        } else if (0 < n && n <= 21) {
            out.append(digits, 0, n).append('.').append(digits, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.").append("0".repeat(-n)).append(digits);
        } else {
            out.append(digits.charAt(0));
            if (k > 1) {
                out.append('.').append(digits, 1, k);
            }
            int exponent = n - 1;
            out.append('e').append(exponent < 0 ? '-' : '+').append(Math.abs(exponent));
        }
        return out.toString();
    }

    /** value = 0.digits × 10^pointPosition, digits without leading or trailing zeros. */
    private record Decimal(String digits, int pointPosition) {
    }

    /**
     * Java's Double.toString (JDK 19 and later) gives the shortest digits that read back as the double, except
     * that where one digit would do it may give two that lie closer (4.9E-324 for 5e-324): ECMAScript takes
     * the one digit, so that case is checked here.
     */
    private static Decimal shortest(double value) {
        BigDecimal java = new BigDecimal(Double.toString(value));
        Decimal decimal = decimal(java);
        if (decimal.digits().length() == 2) {
            BigDecimal exact = new BigDecimal(value);
            BigDecimal best = null;
            BigDecimal unit = BigDecimal.ONE.scaleByPowerOfTen(decimal.pointPosition() - 1);
            BigDecimal lower = new BigDecimal(decimal.digits().charAt(0) - '0').multiply(unit);
            for (BigDecimal candidate : List.of(lower, lower.add(unit))) {
                if (candidate.signum() > 0 && candidate.doubleValue() == value
                        && (best == null || closer(candidate, best, exact))) {
                    best = candidate;
                }
            }
            if (best != null) {
                return decimal(best);
            }
        }
        return decimal;
    }

    /** Closer to {@code exact}; of two equally close, the one whose digit is even (ECMA-262 again). */
    private static boolean closer(BigDecimal candidate, BigDecimal best, BigDecimal exact) {
        int order = candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs());
        return order < 0 || order == 0 && decimal(candidate).digits().charAt(0) % 2 == 0;
    }

    private static Decimal decimal(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        String digits = stripped.unscaledValue().toString();
        return new Decimal(digits, digits.length() - stripped.scale());
    }
}
